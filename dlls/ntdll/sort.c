/* sort.c: CompareString's order, an approximation of Windows' default sort (docs/nls.md): symbols
 * before digits before letters; letters by their base letter, then accents, then case (lower
 * first); in a word sort the hyphen and the apostrophe count only when all else is equal. Plain C
 * like nls.c, so that tests/unit/test_nls.c can build it natively. */
#ifdef _WIN32
# define WIN32_NO_STATUS
# include <windows.h>
# undef WIN32_NO_STATUS
#else
# include "nls_native.h"
#endif
#include <string.h>
#include "nls.h"

enum sort_class { CLS_IGNORABLE, CLS_SYMBOL, CLS_DIGIT, CLS_LETTER, CLS_OTHER };

struct weight {
    enum sort_class cls;
    uint16_t primary, accent;
    uint8_t upper;
};

static int is_letter(uint16_t c)
{
    return nls_upcase(c) != c || nls_downcase(c) != c ||
           (c >= 0x00aa && c != 0x00d7 && c != 0x00f7 && c < 0x2000 && !(c >= 0x0300 && c <= 0x036f) &&
            !(c >= 0x00a0 && c <= 0x00bf));
}

static void weigh(uint16_t c, uint32_t flags, struct weight *w)
{
    uint16_t base = c, mark = 0;
    memset(w, 0, sizeof(*w));
    if (!(flags & NLS_SORT_STRINGSORT) && (c == '-' || c == '\'' || c == 0x00ad || c == 0x2010 ||
                                          c == 0x2011)) {
        w->cls = CLS_IGNORABLE;
        return;
    }
    if (c >= '0' && c <= '9') {
        w->cls = CLS_DIGIT;
        w->primary = c;
        return;
    }
    nls_decompose(c, &base, &mark);
    if (is_letter(base)) {
        w->cls = CLS_LETTER;
        w->primary = nls_upcase(base);
        w->accent = mark;
        w->upper = nls_upcase(base) == base && nls_downcase(base) != base;
        return;
    }
    w->cls = c < 0x3000 ? CLS_SYMBOL : CLS_OTHER;
    w->primary = c;
}

/* Walks a string's weights: combining marks fold into the character before them; ignorables
 * (and symbols with NORM_IGNORESYMBOLS) are skipped, or, with want_ignorable, the only ones seen. */
struct walker {
    const uint16_t *s;
    size_t len, pos;
    uint32_t flags;
    int want_ignorable;
};

static int next_weight(struct walker *wk, struct weight *w)
{
    while (wk->pos < wk->len) {
        uint16_t c = wk->s[wk->pos++];
        if (c >= 0x0300 && c <= 0x036f)
            continue;       /* a mark with no character before it */
        weigh(c, wk->flags, w);
        if (wk->pos < wk->len && wk->s[wk->pos] >= 0x0300 && wk->s[wk->pos] <= 0x036f) {
            if (!w->accent)
                w->accent = wk->s[wk->pos];
            while (wk->pos < wk->len && wk->s[wk->pos] >= 0x0300 && wk->s[wk->pos] <= 0x036f)
                wk->pos++;
        }
        if (wk->want_ignorable) {
            if (w->cls == CLS_IGNORABLE) {
                w->primary = c;
                return 1;
            }
            continue;
        }
        if (w->cls == CLS_IGNORABLE || ((wk->flags & NLS_NORM_IGNORESYMBOLS) && w->cls == CLS_SYMBOL))
            continue;
        return 1;
    }
    return 0;
}

static int sign(long long v)
{
    return v < 0 ? -1 : v > 0;
}

/* A run of digits as a number, for SORT_DIGITSASNUMBERS; w holds its first digit. */
static unsigned long long digit_run(struct walker *wk, const struct weight *first)
{
    unsigned long long v = first->primary - '0';
    struct weight w;
    size_t save = wk->pos;
    while (next_weight(wk, &w) && w.cls == CLS_DIGIT) {
        v = v * 10 + (w.primary - '0');
        save = wk->pos;
    }
    wk->pos = save;
    return v;
}

enum level { PRIMARY, ACCENT, CASE, IGNORABLES };

static int compare_level(const uint16_t *a, size_t alen, const uint16_t *b, size_t blen,
                         uint32_t flags, enum level level)
{
    struct walker wa = { a, alen, 0, flags, level == IGNORABLES };
    struct walker wb = { b, blen, 0, flags, level == IGNORABLES };
    struct weight x, y;
    for (;;) {
        int more_a = next_weight(&wa, &x), more_b = next_weight(&wb, &y);
        if (!more_a || !more_b)
            return more_a - more_b;     /* the shorter string first */
        int r = 0;
        switch (level) {
        case PRIMARY:
            if ((flags & NLS_SORT_DIGITSASNUMBERS) && x.cls == CLS_DIGIT && y.cls == CLS_DIGIT) {
                unsigned long long va = digit_run(&wa, &x), vb = digit_run(&wb, &y);
                r = va < vb ? -1 : va > vb;
            } else {
                r = x.cls != y.cls ? sign((long long)x.cls - y.cls) : sign((long long)x.primary - y.primary);
            }
            break;
        case ACCENT:     r = sign((long long)x.accent - y.accent); break;
        case CASE:       r = sign((long long)x.upper - y.upper); break;
        case IGNORABLES: r = sign((long long)x.primary - y.primary); break;
        }
        if (r)
            return r;
    }
}

int nls_compare(uint32_t flags, const uint16_t *a, size_t alen, const uint16_t *b, size_t blen)
{
    int r = compare_level(a, alen, b, blen, flags, PRIMARY);
    if (!r && !(flags & (NLS_NORM_IGNORENONSPACE | NLS_LINGUISTIC_IGNOREDIACRITIC)))
        r = compare_level(a, alen, b, blen, flags, ACCENT);
    if (!r && !(flags & (NLS_NORM_IGNORECASE | NLS_LINGUISTIC_IGNORECASE)))
        r = compare_level(a, alen, b, blen, flags, CASE);
    if (!r)
        r = compare_level(a, alen, b, blen, flags, IGNORABLES);
    return r;
}

#ifdef _WIN32
/***********************************************************************
 *           __vinho_nls_compare   (NTDLL.@)
 *
 * For kernelbase's CompareStringEx: the lengths are resolved, the flags checked.
 */
INT WINAPI __vinho_nls_compare(DWORD flags, const WCHAR *a, INT alen, const WCHAR *b, INT blen)
{
    return nls_compare(flags, a, alen, b, blen);
}
#endif
