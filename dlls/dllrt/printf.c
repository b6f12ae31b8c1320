/* printf.c: the printf engine: format parsing, integers, chars, strings, %n and the buffer sinks. */
#include <limits.h>
#include "printf_impl.h"

/* The parser's verdict on one conversion specification. */
enum { P_CONV, P_LITERAL, P_END, P_ERROR };

#define STAR_NONE (-2)  /* no '*' */
#define STAR_NEXT (-1)  /* '*' taking the next sequential argument */

static const fmt_wchar null_w[] = { '(', 'n', 'u', 'l', 'l', ')', 0 };
static const char null_a[] = "(null)";

/* ------------------------------------------------------------------------------------------ */
/* Output                                                                                     */

void fmt_fail(struct fmt_state *st, enum fmt_error error)
{
    if (!st->failed) {
        st->failed = true;
        st->error = error;
    }
}

static void flush(struct fmt_state *st)
{
    if (st->staged && !st->failed && !st->sink->write(st->sink, &st->stage, st->staged))
        fmt_fail(st, FMT_ESINK);
    st->staged = 0;
}

/* One output char: a byte for the narrow functions, a UTF-16 unit for the wide ones. */
static void put_unit(struct fmt_state *st, unsigned u)
{
    if (st->failed)
        return;
    if (st->count >= INT_MAX) {
        fmt_fail(st, FMT_EOVERFLOW);
        return;
    }
    if (st->wide)
        st->stage.w[st->staged++] = (fmt_wchar)u;
    else
        st->stage.a[st->staged++] = (char)u;
    st->count++;
    if (st->staged == FMT_STAGE)
        flush(st);
}

/* n output chars at once, from s (bytes below 256, no conversion) or, if s is NULL, n copies of
 * fill: literal text, digits and padding, copied into the stage a block at a time. */
static void put_block(struct fmt_state *st, const unsigned char *s, unsigned char fill, size_t n)
{
    if (!n)
        return;
    if (st->count + n > INT_MAX) {  /* the per-char path stops at INT_MAX with EOVERFLOW */
        for (size_t i = 0; i < n && !st->failed; i++)
            put_unit(st, s ? s[i] : fill);
        return;
    }
    while (n && !st->failed) {
        size_t room = FMT_STAGE - st->staged, k = n < room ? n : room;
        if (st->wide) {
            for (size_t i = 0; i < k; i++)
                st->stage.w[st->staged + i] = s ? s[i] : fill;
        } else if (k <= 16) {   /* most fields: cheaper than a call to memcpy */
            char *out = st->stage.a + st->staged;
            if (s) {
                for (size_t i = 0; i < k; i++)
                    out[i] = (char)s[i];
            } else {
                for (size_t i = 0; i < k; i++)
                    out[i] = (char)fill;
            }
        } else if (s) {
            __builtin_memcpy(st->stage.a + st->staged, s, k);
        } else {
            __builtin_memset(st->stage.a + st->staged, fill, k);
        }
        st->staged += k;
        st->count += k;
        n -= k;
        if (s)
            s += k;
        if (st->staged == FMT_STAGE)
            flush(st);
    }
}

static void put_fill(struct fmt_state *st, char c, size_t n)
{
    put_block(st, NULL, (unsigned char)c, n);
}

static int to_mb(const struct fmt_state *st, char *out, fmt_wchar wc)
{
    if (st->hooks && st->hooks->wc_to_mb)
        return st->hooks->wc_to_mb(st->hooks->ctx, out, wc);
    if (wc > 0xff)  /* default: Latin-1 */
        return -1;
    out[0] = (char)wc;
    return 1;
}

static int to_wc(const struct fmt_state *st, fmt_wchar *out, const char *in)
{
    if (st->hooks && st->hooks->mb_to_wc)
        return st->hooks->mb_to_wc(st->hooks->ctx, out, in);
    *out = (unsigned char)*in;
    return 1;
}

/* A narrow string of n bytes, converted when the output is wide. */
static void put_narrow(struct fmt_state *st, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && !st->failed) {
        fmt_wchar w;
        int k;
        if (!st->wide) {
            put_unit(st, (unsigned char)s[i++]);
            continue;
        }
        k = to_wc(st, &w, s + i);
        if (k <= 0) {
            fmt_fail(st, FMT_EILSEQ);
            return;
        }
        put_unit(st, w);
        i += (size_t)k;
    }
}

/* A wide string of n units, converted when the output is narrow. */
static void put_wide(struct fmt_state *st, const fmt_wchar *s, size_t n)
{
    for (size_t i = 0; i < n && !st->failed; i++) {
        char mb[FMT_MB_LEN_MAX];
        int k;
        if (st->wide) {
            put_unit(st, s[i]);
            continue;
        }
        k = to_mb(st, mb, s[i]);
        if (k <= 0 || k > FMT_MB_LEN_MAX) {
            fmt_fail(st, FMT_EILSEQ);
            return;
        }
        for (int j = 0; j < k; j++)
            put_unit(st, (unsigned char)mb[j]);
    }
}

static void body_add(struct fmt_body *b, uint8_t kind, const void *p, size_t n, size_t len)
{
    struct fmt_seg *seg;
    if (b->nseg == FMT_MAX_SEGS)    /* never: callers use a handful */
        return;
    seg = &b->seg[b->nseg++];
    seg->kind = kind;
    seg->p = p;
    seg->n = n;
    seg->fill = 0;
    b->len += len;
}

/* An empty body (only the two counters: zeroing every segment costs more than a short field). */
static void body_init(struct fmt_body *b)
{
    b->nseg = 0;
    b->len = 0;
}

void fmt_body_text(struct fmt_body *b, const char *s, size_t n)
{
    if (n)
        body_add(b, SEG_ASCII, s, n, n);
}

void fmt_body_fill(struct fmt_body *b, char c, size_t n)
{
    if (n) {
        body_add(b, SEG_FILL, NULL, n, n);
        b->seg[b->nseg - 1].fill = c;
    }
}

static void put_body(struct fmt_state *st, const struct fmt_body *b)
{
    for (int i = 0; i < b->nseg && !st->failed; i++) {
        const struct fmt_seg *seg = &b->seg[i];
        const unsigned char *p = seg->p;
        switch (seg->kind) {
        case SEG_ASCII:
            put_block(st, p, 0, seg->n);
            break;
        case SEG_FILL:
            put_fill(st, seg->fill, seg->n);
            break;
        case SEG_NARROW:
            put_narrow(st, seg->p, seg->n);
            break;
        default:
            put_wide(st, seg->p, seg->n);
            break;
        }
    }
}

/* Pads and writes one converted field: [spaces] prefix [zeros] body [spaces]. As in both CRTs
 * the '0' flag also zero-pads strings and chars; '-' wins over '0'. */
void fmt_emit_field(struct fmt_state *st, const struct fmt_spec *sp, const char *prefix,
                    size_t prefix_len, const struct fmt_body *body, bool zero_ok)
{
    uint64_t used = prefix_len + (uint64_t)body->len;
    size_t pad = (uint64_t)sp->width > used ? (size_t)((uint64_t)sp->width - used) : 0;
    bool left = sp->fl & SP_LEFT;
    bool zeros = zero_ok && (sp->fl & SP_ZERO) && !left;

    if (!left && !zeros)
        put_fill(st, ' ', pad);
    put_block(st, (const unsigned char *)prefix, 0, prefix_len);
    if (zeros)
        put_fill(st, '0', pad);
    put_body(st, body);
    if (left)
        put_fill(st, ' ', pad);
}

/* ------------------------------------------------------------------------------------------ */
/* Arguments                                                                                  */

bool fmt_fetch(struct fmt_state *st, int pos, int cls, union fmt_slot *out)
{
    if (st->slots) {
        if (pos < 0 || pos >= FMT_ARGMAX) {
            fmt_fail(st, FMT_EINVAL);
            return false;
        }
        *out = st->slots[pos];
        return true;
    }
    switch (cls) {
    case ARG_INT32:
        out->i = va_arg(st->ap, int);
        break;
    case ARG_INT64:
        out->i = va_arg(st->ap, long long);
        break;
    case ARG_PTR:
        out->p = va_arg(st->ap, const void *);
        break;
    default:
        out->d = va_arg(st->ap, double);
        break;
    }
    return true;
}

/* Bytes of an integer (or %n target) for a size prefix; 0 = invalid. msvcrt ignores L and w on
 * integers; the UCRT rejects them (its to_integer_size() has no entry for them). */
static int int_size(const struct fmt_state *st, enum fmt_size size)
{
    switch (size) {
    case SZ_NONE: case SZ_L: case SZ_I32:
        return 4;
    case SZ_HH:
        return 1;
    case SZ_H:
        return 2;
    case SZ_LL: case SZ_J: case SZ_Z: case SZ_T: case SZ_I: case SZ_I64:
        return 8;
    case SZ_LD: case SZ_W:
        return (st->flags & FMT_UCRT) ? 0 : 4;
    default:
        return 0;
    }
}

/* The argument class a conversion consumes (for positional collection). */
static int conv_class(const struct fmt_state *st, const struct fmt_spec *sp)
{
    switch (sp->conv) {
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
        return int_size(st, sp->size) == 8 ? ARG_INT64 : ARG_INT32;
    case 'c': case 'C':
        return ARG_INT32;
    case 's': case 'S': case 'Z': case 'p': case 'n':
        return ARG_PTR;
    default:
        return ARG_DOUBLE;
    }
}

/* Whether a c/C/s/S/Z argument is wide. l and w force wide, h forces narrow; otherwise the
 * Microsoft rule (c/s have the width of the function) applies when legacy wide specifiers are in
 * force (always in msvcrt), else the ISO rule (c/s narrow, C/S wide). */
static bool is_wide_arg(const struct fmt_state *st, const struct fmt_spec *sp)
{
    bool ucrt = st->flags & FMT_UCRT;
    bool legacy = !ucrt || (st->flags & FMT_LEGACY_WIDE);

    switch (sp->size) {
    case SZ_L: case SZ_W:
        return true;
    case SZ_H:
        return false;
    case SZ_NATURAL:
        return st->wide;
    default:
        break;
    }
    if (sp->conv == 'Z' && !ucrt)
        return false;   /* msvcrt: %Z is an ANSI_STRING unless l/w */
    return (st->wide && legacy) == (sp->conv == 'c' || sp->conv == 's');
}

/* ------------------------------------------------------------------------------------------ */
/* Parsing                                                                                    */

static uint32_t fch(const struct fmt_state *st, size_t i)
{
    return st->wide ? st->fw[i] : (unsigned char)st->fa[i];
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* A decimal number; false if it exceeds INT_MAX (the UCRT's strtol reports ERANGE). */
static bool parse_num(const struct fmt_state *st, size_t *i, int *out)
{
    int64_t v = 0;
    uint32_t c;
    while (is_digit(c = fch(st, *i))) {
        v = v * 10 + (c - '0');
        if (v > INT_MAX)
            return false;
        (*i)++;
    }
    *out = (int)v;
    return true;
}

/* "n$" of a positional specification: the 0-based index, -1 if absent, -2 if out of range. */
static int parse_position(const struct fmt_state *st, size_t *i)
{
    size_t j = *i;
    int n;
    if (!(st->flags & FMT_POSITIONAL) || !is_digit(fch(st, j)))
        return -1;
    if (!parse_num(st, &j, &n) || fch(st, j) != '$')
        return fch(st, j) == '$' ? -2 : -1;
    *i = j + 1;
    return (n >= 1 && n <= FMT_ARGMAX) ? n - 1 : -2;
}

/* '*' (or "*n$" in positional mode) for the width or the precision. */
static bool parse_star(const struct fmt_state *st, size_t *i, int *star)
{
    int pos;
    (*i)++;
    pos = parse_position(st, i);
    if (pos == -2)
        return false;
    *star = pos >= 0 ? pos : STAR_NEXT;
    return true;
}

/* I, I32, I64. */
static enum fmt_size parse_size_i(const struct fmt_state *st, size_t *i)
{
    if (fch(st, *i + 1) == '3' && fch(st, *i + 2) == '2') {
        *i += 2;
        return SZ_I32;
    }
    if (fch(st, *i + 1) == '6' && fch(st, *i + 2) == '4') {
        *i += 2;
        return SZ_I64;
    }
    return SZ_I;
}

/* The size prefixes. F and N (far/near) are accepted and ignored by msvcrt and by the UCRT in
 * legacy msvcrt mode; otherwise F is the %F conversion and N is invalid. The UCRT rejects a
 * second size prefix; msvcrt lets the last one win. */
static bool parse_size(const struct fmt_state *st, size_t *i, struct fmt_spec *sp)
{
    bool ucrt = st->flags & FMT_UCRT;
    bool legacy = !ucrt || (st->flags & FMT_LEGACY_MSVCRT);

    for (;;) {
        uint32_t c = fch(st, *i);
        enum fmt_size sz;
        switch (c) {
        case 'h': sz = fch(st, *i + 1) == 'h' ? ((*i)++, SZ_HH) : SZ_H; break;
        case 'l': sz = fch(st, *i + 1) == 'l' ? ((*i)++, SZ_LL) : SZ_L; break;
        case 'L': sz = SZ_LD; break;
        case 'w': sz = SZ_W; break;
        case 'j': sz = SZ_J; break;
        case 'z': sz = SZ_Z; break;
        case 't': sz = SZ_T; break;
        case 'I': sz = parse_size_i(st, i); break;
        case 'T':
            if (!ucrt)
                return true;
            sz = SZ_NATURAL;
            break;
        case 'F': case 'N':
            if (!legacy)
                return c == 'F';
            (*i)++;
            continue;
        default:
            return true;
        }
        if (ucrt && sp->size != SZ_NONE)
            return false;
        sp->size = sz;
        (*i)++;
    }
}

static bool is_conv(const struct fmt_state *st, uint32_t c)
{
    switch (c) {
    case 'c': case 'C': case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
    case 'e': case 'E': case 'f': case 'g': case 'G': case 'a': case 'A':
    case 'n': case 'p': case 's': case 'S': case 'Z':
        return true;
    case 'F':   /* reaches here only when F is not a size prefix */
        return (st->flags & FMT_UCRT) != 0;
    default:
        return false;
    }
}

static void parse_flags(const struct fmt_state *st, size_t *i, struct fmt_spec *sp)
{
    for (;; (*i)++) {
        switch (fch(st, *i)) {
        case '-': sp->fl |= SP_LEFT; break;
        case '+': sp->fl |= SP_PLUS; break;
        case ' ': sp->fl |= SP_SPACE; break;
        case '#': sp->fl |= SP_ALT; break;
        case '0': sp->fl |= SP_ZERO; break;
        default: return;
        }
    }
}

/* Width, then '.' precision. A number right after '*' overrides the star's value, as the UCRT's
 * state machine (width/precision state + digit) does. */
static bool parse_width_prec(const struct fmt_state *st, size_t *i, struct fmt_spec *sp,
                             int *wstar, int *pstar)
{
    if (fch(st, *i) == '*' && !parse_star(st, i, wstar))
        return false;
    if (is_digit(fch(st, *i)) && !parse_num(st, i, &sp->width))
        return false;
    if (fch(st, *i) != '.')
        return true;
    (*i)++;
    sp->prec = 0;
    if (fch(st, *i) == '*' && !parse_star(st, i, pstar))
        return false;
    if (is_digit(fch(st, *i)) && !parse_num(st, i, &sp->prec))
        return false;
    return true;
}

/* Parses the specification after '%' (at *ip). On P_LITERAL, sp->conv is the char that ended it:
 * both CRTs then print that char and drop the specification. */
static int parse_spec(const struct fmt_state *st, size_t *ip, struct fmt_spec *sp,
                      int *wstar, int *pstar)
{
    size_t i = *ip;
    uint32_t c;

    *sp = (struct fmt_spec){ .prec = -1, .argpos = -1, .bare = true };
    *wstar = *pstar = STAR_NONE;
    sp->argpos = parse_position(st, &i);
    if (sp->argpos == -2)
        return P_ERROR;
    parse_flags(st, &i, sp);
    if (!parse_width_prec(st, &i, sp, wstar, pstar) || !parse_size(st, &i, sp))
        return P_ERROR;
    sp->bare = i == *ip;
    c = fch(st, i);
    if (!c) {
        *ip = i;
        return P_END;
    }
    *ip = i + 1;
    sp->conv = c;
    return is_conv(st, c) ? P_CONV : P_LITERAL;
}

/* ------------------------------------------------------------------------------------------ */
/* Conversions                                                                                */

static bool resolve_star(struct fmt_state *st, int star, int *out)
{
    union fmt_slot v;
    if (star == STAR_NONE)
        return true;
    if (!fmt_fetch(st, star == STAR_NEXT ? -1 : star, ARG_INT32, &v))
        return false;
    *out = (int)v.i;
    return true;
}

/* Reads '*' values: a negative width means '-' plus its magnitude, a negative precision means
 * the default. */
static bool resolve_stars(struct fmt_state *st, struct fmt_spec *sp, int wstar, int pstar)
{
    int w = sp->width, p = sp->prec;
    if (!resolve_star(st, wstar, &w) || !resolve_star(st, pstar, &p))
        return false;
    if (wstar != STAR_NONE && w < 0) {
        sp->fl |= SP_LEFT;
        w = w == INT_MIN ? INT_MAX : -w;
    }
    sp->width = w;
    sp->prec = p < 0 ? -1 : p;
    return true;
}

/* The digits of v (none for 0), written backwards ending at end; returns their number. Each
 * base has its own loop so that the divisions are by constants (multiplications and shifts). */
static size_t digits_of(uint64_t v, unsigned base, const char *hexits, char *end)
{
    char *p = end;

    if (base == 16) {
        for (; v; v >>= 4)
            *--p = hexits[v & 15];
    } else if (base == 8) {
        for (; v; v >>= 3)
            *--p = (char)('0' + (v & 7));
    } else {
        static const char pairs[201] =
            "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
            "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
            "8081828384858687888990919293949596979899";
        uint32_t w;
        for (; v > UINT32_MAX; v /= 10)
            *--p = (char)('0' + v % 10);
        for (w = (uint32_t)v; w >= 10; w /= 100) {  /* two digits per division */
            p -= 2;
            p[0] = pairs[2 * (w % 100)];
            p[1] = pairs[2 * (w % 100) + 1];
            if (w < 100)
                return (size_t)(end - p);
        }
        if (w)
            *--p = (char)('0' + w);
    }
    return (size_t)(end - p);
}

/* The digits of an unsigned value, prefixed and padded. */
static void put_unsigned(struct fmt_state *st, struct fmt_spec sp, uint64_t u, bool neg,
                         unsigned base, bool upper, bool is_signed, bool hex_prefix)
{
    const char *hexits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char digits[24], prefix[4];
    size_t nd = 0, plen = 0, zeros;
    struct fmt_body body;
    int prec = sp.prec;

    if (prec < 0)
        prec = 1;
    else
        sp.fl &= ~SP_ZERO;  /* a precision turns the '0' flag off for integers */
    nd = digits_of(u, base, hexits, digits + sizeof(digits));
    zeros = (size_t)prec > nd ? (size_t)prec - nd : 0;
    if (base == 8 && (sp.fl & SP_ALT) && zeros == 0)
        zeros = 1;          /* '#o' forces a leading 0 */
    if (neg)
        prefix[plen++] = '-';
    else if (is_signed && (sp.fl & SP_PLUS))
        prefix[plen++] = '+';
    else if (is_signed && (sp.fl & SP_SPACE))
        prefix[plen++] = ' ';
    if (hex_prefix && (sp.fl & SP_ALT) && u) {
        prefix[plen++] = '0';
        prefix[plen++] = upper ? 'X' : 'x';
    }
    body_init(&body);
    fmt_body_fill(&body, '0', zeros);
    fmt_body_text(&body, digits + sizeof(digits) - nd, nd);
    fmt_emit_field(st, &sp, prefix, plen, &body, true);
}

static void conv_integer(struct fmt_state *st, const struct fmt_spec *sp)
{
    int size = int_size(st, sp->size);
    bool is_signed = sp->conv == 'd' || sp->conv == 'i';
    unsigned base = sp->conv == 'o' ? 8 : (sp->conv == 'x' || sp->conv == 'X') ? 16 : 10;
    union fmt_slot v;
    uint64_t u;
    bool neg = false;

    if (!size) {
        fmt_fail(st, FMT_EINVAL);
        return;
    }
    if (!fmt_fetch(st, sp->argpos, size == 8 ? ARG_INT64 : ARG_INT32, &v))
        return;
    u = (uint64_t)v.i;
    if (size == 1)
        u = is_signed ? (uint64_t)(int64_t)(int8_t)u : (uint8_t)u;
    else if (size == 2)
        u = is_signed ? (uint64_t)(int64_t)(int16_t)u : (uint16_t)u;
    else if (size == 4)
        u = is_signed ? (uint64_t)(int64_t)(int32_t)u : (uint32_t)u;
    if (is_signed && (int64_t)u < 0) {
        neg = true;
        u = 0 - u;
    }
    put_unsigned(st, *sp, u, neg, base, sp->conv == 'X', is_signed, base == 16);
}

/* %p: 16 uppercase hex digits, no "0x". msvcrt's %p shares %X's code path, so '#' adds "0X"
 * there; the UCRT adds a prefix only for x/X. */
static void conv_pointer(struct fmt_state *st, const struct fmt_spec *sp)
{
    struct fmt_spec s = *sp;
    union fmt_slot v;

    if (!fmt_fetch(st, sp->argpos, ARG_PTR, &v))
        return;
    s.prec = 2 * (int)sizeof(void *);
    put_unsigned(st, s, (uint64_t)(uintptr_t)v.p, false, 16, true, false,
                 !(st->flags & FMT_UCRT));
}

/* %c/%C. An unconvertible char suppresses the field without failing, as both CRTs do. */
static void conv_char(struct fmt_state *st, const struct fmt_spec *sp)
{
    struct fmt_body body;
    union fmt_slot v;
    char mb[FMT_MB_LEN_MAX];
    fmt_wchar w;
    int k = 1;

    if (!fmt_fetch(st, sp->argpos, ARG_INT32, &v))
        return;
    body_init(&body);
    w = (fmt_wchar)v.i;
    if (!is_wide_arg(st, sp)) {
        mb[0] = (char)w;
        mb[1] = 0;
        if (st->wide && to_wc(st, &w, mb) <= 0)
            return;
    } else if (!st->wide && ((k = to_mb(st, mb, w)) <= 0 || k > FMT_MB_LEN_MAX)) {
        return;
    }
    if (st->wide)
        body_add(&body, SEG_WIDE, &w, 1, 1);
    else
        body_add(&body, SEG_NARROW, mb, (size_t)k, (size_t)k);
    fmt_emit_field(st, sp, "", 0, &body, true);
}

/* Adds a narrow string of at most max_chars chars (and at most max_bytes bytes, stopping at a
 * NUL when stop_nul) to body. For wide output the padding counts converted chars. */
static void body_narrow(const struct fmt_state *st, struct fmt_body *body, const char *s,
                        size_t max_chars, size_t max_bytes, bool stop_nul)
{
    size_t bytes = 0, chars = 0;

    while (chars < max_chars && bytes < max_bytes && !(stop_nul && !s[bytes])) {
        fmt_wchar w;
        int k = st->wide ? to_wc(st, &w, s + bytes) : 1;
        bytes += k > 0 ? (size_t)k : 1;     /* a bad char fails later, when it is written */
        chars++;
    }
    if (bytes > max_bytes)
        bytes = max_bytes;
    body_add(body, SEG_NARROW, s, bytes, chars);
}

static size_t wide_len(const fmt_wchar *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

/* %s/%S: "(null)" for NULL; the precision limits the chars (also of "(null)"). */
static void conv_string(struct fmt_state *st, const struct fmt_spec *sp)
{
    struct fmt_body body;
    size_t max = sp->prec < 0 ? SIZE_MAX : (size_t)sp->prec;
    union fmt_slot v;

    if (!fmt_fetch(st, sp->argpos, ARG_PTR, &v))
        return;
    body_init(&body);
    if (is_wide_arg(st, sp)) {
        const fmt_wchar *s = v.p ? v.p : null_w;
        size_t n = wide_len(s, max);
        body_add(&body, SEG_WIDE, s, n, n);
    } else {
        body_narrow(st, &body, v.p ? v.p : null_a, max, SIZE_MAX, true);
    }
    fmt_emit_field(st, sp, "", 0, &body, true);
}

/* The ANSI_STRING / UNICODE_STRING layout (x64: Buffer at offset 8). */
struct counted_string {
    uint16_t length;        /* bytes */
    uint16_t maximum_length;
    const void *buffer;
};

/* %Z: a counted string; Length is in bytes; the precision does not apply. */
static void conv_counted(struct fmt_state *st, const struct fmt_spec *sp)
{
    struct fmt_body body;
    const struct counted_string *cs;
    union fmt_slot v;

    if (!fmt_fetch(st, sp->argpos, ARG_PTR, &v))
        return;
    body_init(&body);
    cs = v.p;
    if (!cs || !cs->buffer)
        body_narrow(st, &body, null_a, SIZE_MAX, SIZE_MAX, true);
    else if (is_wide_arg(st, sp))
        body_add(&body, SEG_WIDE, cs->buffer, cs->length / 2u, cs->length / 2u);
    else
        body_narrow(st, &body, cs->buffer, SIZE_MAX, cs->length, false);
    fmt_emit_field(st, sp, "", 0, &body, true);
}

/* %n: msvcrt always honours it; the UCRT only after _set_printf_count_output(1); the _s/_p
 * functions never (their validating state table has no 'n'). */
static void conv_count(struct fmt_state *st, const struct fmt_spec *sp)
{
    int size = int_size(st, sp->size);
    union fmt_slot v;

    if ((st->flags & (FMT_VALIDATE | FMT_POSITIONAL)) || !size ||
        ((st->flags & FMT_UCRT) && !(st->flags & FMT_COUNT_OUTPUT))) {
        fmt_fail(st, FMT_EINVAL);
        return;
    }
    if (!fmt_fetch(st, sp->argpos, ARG_PTR, &v))
        return;
    if (!v.p) {
        fmt_fail(st, FMT_EINVAL);
        return;
    }
    switch (size) {
    case 1: *(int8_t *)v.p = (int8_t)st->count; break;
    case 2: *(int16_t *)v.p = (int16_t)st->count; break;
    case 4: *(int32_t *)v.p = (int32_t)st->count; break;
    default: *(int64_t *)v.p = (int64_t)st->count; break;
    }
}

static void convert(struct fmt_state *st, struct fmt_spec *sp, int wstar, int pstar)
{
    union fmt_slot v;

    if (!resolve_stars(st, sp, wstar, pstar))
        return;
    switch (sp->conv) {
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
        conv_integer(st, sp);
        break;
    case 'p':
        conv_pointer(st, sp);
        break;
    case 'c': case 'C':
        conv_char(st, sp);
        break;
    case 's': case 'S':
        conv_string(st, sp);
        break;
    case 'Z':
        conv_counted(st, sp);
        break;
    case 'n':
        conv_count(st, sp);
        break;
    default:
        if (fmt_fetch(st, sp->argpos, ARG_DOUBLE, &v))
            fmt_conv_float(st, sp, v.d);
        break;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Positional parameters (the _p functions)                                                   */

static bool note_class(uint8_t *cls, int pos, int c, int *maxpos)
{
    if (pos < 0 || pos >= FMT_ARGMAX || (cls[pos] && cls[pos] != c))
        return false;
    cls[pos] = (uint8_t)c;
    if (pos > *maxpos)
        *maxpos = pos;
    return true;
}

/* Records the argument classes of one specification; false if it mixes sequential and
 * positional references or conflicts with an earlier use of the same position. */
static bool scan_spec(const struct fmt_state *st, const struct fmt_spec *sp, int wstar, int pstar,
                      uint8_t *cls, int *maxpos, int *mode)
{
    bool positional = sp->argpos >= 0;
    if (*mode == 0)
        *mode = positional ? 1 : 2;
    if (positional != (*mode == 1))
        return false;
    if (!positional)
        return wstar != STAR_NONE ? wstar == STAR_NEXT : true;
    if (wstar != STAR_NONE && !note_class(cls, wstar, ARG_INT32, maxpos))
        return false;
    if (pstar != STAR_NONE && !note_class(cls, pstar, ARG_INT32, maxpos))
        return false;
    return note_class(cls, sp->argpos, conv_class(st, sp), maxpos);
}

static bool read_slots(struct fmt_state *st, const uint8_t *cls, int maxpos, union fmt_slot *slots)
{
    for (int i = 0; i <= maxpos; i++) {
        if (!cls[i])
            return false;   /* a position that no specification uses */
        fmt_fetch(st, -1, cls[i], &slots[i]);
    }
    st->slots = slots;
    return true;
}

/* First pass: if the format uses "n$" references, reads all arguments in order into slots. */
static bool collect_positional(struct fmt_state *st, union fmt_slot *slots)
{
    uint8_t cls[FMT_ARGMAX] = { 0 };
    int maxpos = -1, mode = 0;
    size_t i = 0;
    uint32_t c;

    while ((c = fch(st, i++)) != 0) {
        struct fmt_spec sp;
        int wstar, pstar, r;
        if (c != '%')
            continue;
        r = parse_spec(st, &i, &sp, &wstar, &pstar);
        if (r == P_END || r == P_ERROR)
            return r == P_END;      /* the main pass reports it */
        if (r == P_CONV && !scan_spec(st, &sp, wstar, pstar, cls, &maxpos, &mode))
            return false;
    }
    return mode != 1 || read_slots(st, cls, maxpos, slots);
}

/* ------------------------------------------------------------------------------------------ */
/* Driver                                                                                     */

static void run(struct fmt_state *st)
{
    bool validate = st->flags & (FMT_VALIDATE | FMT_POSITIONAL);
    union fmt_slot slots[FMT_ARGMAX];
    size_t i = 0;

    if ((st->flags & FMT_POSITIONAL) && !collect_positional(st, slots)) {
        fmt_fail(st, FMT_EINVAL);
        return;
    }
    while (!st->failed) {
        struct fmt_spec sp;
        int wstar, pstar;
        uint32_t c;
        if (!st->wide) {    /* literal text up to the next '%' in one block */
            size_t j = i;
            while (st->fa[j] && st->fa[j] != '%')
                j++;
            put_block(st, (const unsigned char *)st->fa + i, 0, j - i);
            i = j;
        }
        while ((c = fch(st, i)) != 0 && c != '%') {
            put_unit(st, c);
            i++;
        }
        if (!c)
            break;
        i++;
        switch (parse_spec(st, &i, &sp, &wstar, &pstar)) {
        case P_END:
            if (validate)
                fmt_fail(st, FMT_EINVAL);   /* a format ending inside a specification */
            return;
        case P_ERROR:
            fmt_fail(st, FMT_EINVAL);
            return;
        case P_LITERAL:
            if (validate && !(sp.conv == '%' && sp.bare))
                fmt_fail(st, FMT_EINVAL);
            put_unit(st, sp.conv);
            break;
        default:
            convert(st, &sp, wstar, pstar);
            break;
        }
    }
}

static int format_common(struct fmt_state *st, struct fmt_sink *sink, unsigned flags,
                         const struct fmt_hooks *hooks, bool format_null)
{
    st->sink = sink;
    st->hooks = hooks;
    st->flags = flags;
    st->slots = NULL;
    st->count = 0;
    st->failed = false;
    st->error = FMT_OK;
    st->staged = 0;
    if (format_null || (flags & ~FMT_FLAGS_ALL))
        fmt_fail(st, FMT_EINVAL);
    else
        run(st);
    flush(st);
    sink->error = st->error;
    return st->failed ? -1 : (int)st->count;
}

/***********************************************************************
 *           fmt_vformat_a
 */
int fmt_vformat_a(struct fmt_sink *sink, unsigned flags, const struct fmt_hooks *hooks,
                  const char *format, va_list args)
{
    struct fmt_state st;
    int ret;

    if (!sink)
        return -1;
    st.wide = false;
    st.fa = format;
    st.fw = NULL;
    va_copy(st.ap, args);
    ret = format_common(&st, sink, flags, hooks, !format);
    va_end(st.ap);
    return ret;
}

/***********************************************************************
 *           fmt_vformat_w
 */
int fmt_vformat_w(struct fmt_sink *sink, unsigned flags, const struct fmt_hooks *hooks,
                  const fmt_wchar *format, va_list args)
{
    struct fmt_state st;
    int ret;

    if (!sink)
        return -1;
    st.wide = true;
    st.fa = NULL;
    st.fw = format;
    va_copy(st.ap, args);
    ret = format_common(&st, sink, flags, hooks, !format);
    va_end(st.ap);
    return ret;
}

/* ------------------------------------------------------------------------------------------ */
/* Bounded buffers                                                                            */

struct buf_sink {
    struct fmt_sink sink;
    char *a;                /* one of these two, or both NULL to count only */
    fmt_wchar *w;
    size_t cap, used;
    bool keep_counting;     /* C99: go on counting past the end */
    bool truncated;
};

static bool buf_write(struct fmt_sink *sink, const void *data, size_t n)
{
    struct buf_sink *b = sink->ctx;
    size_t room = b->cap - b->used, k = n < room ? n : room;

    if (k && b->w)
        __builtin_memcpy(b->w + b->used, data, k * sizeof(fmt_wchar));
    else if (k)
        __builtin_memcpy(b->a + b->used, data, k);
    b->used += k;
    if (k < n) {
        b->truncated = true;
        return b->keep_counting;
    }
    return true;
}

static void buf_terminate(struct buf_sink *b, size_t at)
{
    if (b->w)
        b->w[at] = 0;
    else
        b->a[at] = 0;
}

/* Terminates the buffer and picks the return value the way each mode's CRT does. */
static int buf_finish(struct buf_sink *b, size_t count, enum fmt_buffer_mode mode, int ret)
{
    switch (mode) {
    case FMT_BUFFER_LEGACY:
        if (count == 0)
            return ret == 0 ? 0 : -1;
        if (b->used != count)
            buf_terminate(b, b->used);
        return ret;
    case FMT_BUFFER_STANDARD:
        if (count)
            buf_terminate(b, ret < 0 ? 0 : b->used == count ? count - 1 : b->used);
        return ret;
    default:
        if (count == 0)
            return -1;
        if (b->used == count) {
            buf_terminate(b, count - 1);
            return -2;
        }
        buf_terminate(b, b->used);
        return ret;
    }
}

static void buf_init(struct buf_sink *b, size_t count, enum fmt_buffer_mode mode, bool has_buf)
{
    b->sink.write = buf_write;
    b->sink.ctx = b;
    b->sink.error = FMT_OK;
    b->cap = has_buf ? count : 0;
    b->used = 0;
    b->keep_counting = mode == FMT_BUFFER_STANDARD || !has_buf;
    b->truncated = false;
}

static int buf_done(struct buf_sink *b, size_t count, enum fmt_buffer_mode mode, int ret,
                    bool has_buf, enum fmt_error *error)
{
    enum fmt_error e = b->sink.error;
    if (has_buf)
        ret = buf_finish(b, count, mode, ret);
    if (b->truncated && (e == FMT_ESINK || ret < 0))
        e = FMT_ETRUNC;
    if (error)
        *error = ret < 0 ? e : FMT_OK;
    return ret;
}

/***********************************************************************
 *           fmt_ucrt_options
 */
bool fmt_ucrt_options(uint64_t options, unsigned *flags, enum fmt_buffer_mode *mode)
{
    static const struct { uint64_t option; unsigned flag; } map[] = {
        { 1u << 2, FMT_LEGACY_WIDE },
        { 1u << 3, FMT_LEGACY_MSVCRT },
        { 1u << 4, FMT_THREE_DIGIT_EXP },
        { 1u << 5, FMT_STANDARD_ROUNDING },
    };
    unsigned f = FMT_UCRT;

    if (options & ~(uint64_t)0x3f)
        return false;
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (options & map[i].option)
            f |= map[i].flag;
    *flags = f;
    *mode = (options & 1) ? FMT_BUFFER_LEGACY : (options & 2) ? FMT_BUFFER_STANDARD
                                                               : FMT_BUFFER_UCRT;
    return true;
}

/***********************************************************************
 *           fmt_vsnprintf_a
 */
int fmt_vsnprintf_a(char *buf, size_t count, enum fmt_buffer_mode mode, unsigned flags,
                    const struct fmt_hooks *hooks, enum fmt_error *error,
                    const char *format, va_list args)
{
    struct buf_sink b;
    int ret;

    buf_init(&b, count, mode, buf != NULL);
    b.a = buf;
    b.w = NULL;
    ret = fmt_vformat_a(&b.sink, flags, hooks, format, args);
    return buf_done(&b, count, mode, ret, buf != NULL, error);
}

/***********************************************************************
 *           fmt_vsnprintf_w
 */
int fmt_vsnprintf_w(fmt_wchar *buf, size_t count, enum fmt_buffer_mode mode, unsigned flags,
                    const struct fmt_hooks *hooks, enum fmt_error *error,
                    const fmt_wchar *format, va_list args)
{
    struct buf_sink b;
    int ret;

    buf_init(&b, count, mode, buf != NULL);
    b.a = NULL;
    b.w = buf;
    ret = fmt_vformat_w(&b.sink, flags, hooks, format, args);
    return buf_done(&b, count, mode, ret, buf != NULL, error);
}

int fmt_snprintf_a(char *buf, size_t count, enum fmt_buffer_mode mode, unsigned flags,
                   const char *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = fmt_vsnprintf_a(buf, count, mode, flags, NULL, NULL, format, args);
    va_end(args);
    return ret;
}

int fmt_snprintf_w(fmt_wchar *buf, size_t count, enum fmt_buffer_mode mode, unsigned flags,
                   const fmt_wchar *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = fmt_vsnprintf_w(buf, count, mode, flags, NULL, NULL, format, args);
    va_end(args);
    return ret;
}
