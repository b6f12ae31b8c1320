/* printf_fp.c: %e %f %g %a (and msvcrt's 1.#INF spellings) for the printf engine. */
#include <limits.h>
#include "printf_impl.h"

/* Exact decimal expansion of a double: at most 767 significant digits. */
#define FP_MAXDIG 800
/* m * 5^1074 < 2^2547: 80 words. */
#define BIG_WORDS 84

struct fp_digits {
    char d[FP_MAXDIG];
    int n;      /* significant digits, no trailing zeros; 0 means zero */
    int exp;    /* decimal exponent of d[0] */
    bool partial;   /* fp_fast stopped early: d[n - 1] is a '1' standing for the nonzero rest */
};

enum fp_rounding { RND_HALF_UP, RND_HALF_EVEN };

static const uint32_t pow5[14] = {
    1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625, 48828125, 244140625,
    1220703125,
};

struct bigint {
    uint32_t w[BIG_WORDS];  /* little-endian */
    int n;
};

static void big_mul_small(struct bigint *b, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->w[i] * m + carry;
        b->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry && b->n < BIG_WORDS)
        b->w[b->n++] = (uint32_t)carry;
}

static void big_shl(struct bigint *b, int bits)
{
    int words = bits / 32, rem = bits % 32;
    for (int i = b->n - 1; i >= 0; i--)
        b->w[i + words] = b->w[i];
    for (int i = 0; i < words; i++)
        b->w[i] = 0;
    b->n += words;
    if (rem) {
        uint32_t carry = 0;
        for (int i = 0; i < b->n; i++) {
            uint32_t v = b->w[i];
            b->w[i] = (v << rem) | carry;
            carry = v >> (32 - rem);
        }
        if (carry)
            b->w[b->n++] = carry;
    }
}

static uint32_t big_divmod_small(struct bigint *b, uint32_t d)
{
    uint64_t r = 0;
    for (int i = b->n - 1; i >= 0; i--) {
        uint64_t cur = (r << 32) | b->w[i];
        b->w[i] = (uint32_t)(cur / d);
        r = cur % d;
    }
    while (b->n && !b->w[b->n - 1])
        b->n--;
    return (uint32_t)r;
}

/* The exact decimal digits of |v| (finite): v = m * 2^e2 is written as the integer m * 2^e2, or
 * as (m * 5^-e2) * 10^e2. */
static void fp_exact(uint64_t bits, struct fp_digits *g)
{
    uint64_t m = bits & ((UINT64_C(1) << 52) - 1);
    int be = (int)((bits >> 52) & 0x7ff), e2, dexp = 0, pos;
    struct bigint big;
    char tmp[FP_MAXDIG + 16];

    e2 = be ? be - 1075 : -1074;
    if (be)
        m |= UINT64_C(1) << 52;
    g->n = g->exp = 0;
    if (!m)
        return;
    while (!(m & 1) && e2 < 0) {
        m >>= 1;
        e2++;
    }
    big.w[0] = (uint32_t)m;
    big.w[1] = (uint32_t)(m >> 32);
    big.n = big.w[1] ? 2 : 1;
    if (e2 >= 0) {
        big_shl(&big, e2);
    } else {
        for (int k = -e2; k > 0; k -= 13)   /* 5^13 < 2^32 */
            big_mul_small(&big, pow5[k >= 13 ? 13 : k]);
        dexp = e2;
    }
    pos = (int)sizeof(tmp);
    while (big.n) {
        uint32_t r = big_divmod_small(&big, 1000000000u);
        for (int i = 0; i < 9; i++, r /= 10)
            tmp[--pos] = (char)('0' + r % 10);
    }
    while (tmp[pos] == '0')
        pos++;
    g->exp = (int)sizeof(tmp) - pos - 1 + dexp;
    g->n = (int)sizeof(tmp) - pos;
    while (tmp[pos + g->n - 1] == '0')
        g->n--;
    if (g->n > FP_MAXDIG)   /* never: 767 at most */
        g->n = FP_MAXDIG;
    __builtin_memcpy(g->d, tmp + pos, (size_t)g->n);
}

/* The largest cap fp_fast is asked for: beyond it every digit of its range is produced
 * (20 integer digits and at most 124 fraction digits), so nothing is left over. */
#define FAST_CAP_ALL 160

/* The digits of |v| = m * 2^e2 for -124 <= e2 <= 11 (about 2^-71 to 2^64: the integer part fits
 * 64 bits, the fraction 128), without the big integers of fp_exact: the integer part's digits,
 * then the fraction times 10 digit by digit. It stops after cap significant digits; if anything
 * nonzero is left, one more digit '1' stands for it and g->partial is set: rounding at any
 * keep < cap then sees the same "next digit" and "nonzero rest" as with every digit. */
static bool fp_fast(uint64_t m, int e2, int cap, struct fp_digits *g)
{
    int k = e2 < 0 ? -e2 : 0, ni = 0, n = 0, pos = 0;
    unsigned __int128 frac = 0, mask = ((unsigned __int128)1 << k) - 1;
    uint64_t ip;
    char tmp[20];
    bool rest = false;

    if (e2 > 11 || e2 < -124)
        return false;
    if (e2 >= 0)
        ip = m << e2;
    else if (k >= 64)
        ip = 0, frac = m;
    else
        ip = m >> k, frac = m & (uint64_t)mask;
    for (; ip; ip /= 10)
        tmp[ni++] = (char)('0' + ip % 10);
    g->exp = ni - 1;
    for (int i = ni - 1; i >= 0; i--) {
        if (n < cap)
            g->d[n++] = tmp[i];
        else if (tmp[i] != '0')
            rest = true;
    }
    if (k <= 60) {  /* the fraction times 10 still fits 64 bits */
        uint64_t f = (uint64_t)frac, mask64 = (uint64_t)mask;
        for (; f && n < cap; pos++) {
            unsigned digit;
            f *= 10;
            digit = (unsigned)(f >> k);
            f &= mask64;
            if (!n && !digit)
                continue;
            if (!n)
                g->exp = -pos - 1;
            g->d[n++] = (char)('0' + digit);
        }
        frac = f;
    }
    for (; frac && n < cap; pos++) {
        unsigned digit;
        frac *= 10;
        digit = (unsigned)(frac >> k);
        frac &= mask;
        if (!n && !digit)
            continue;
        if (!n)
            g->exp = -pos - 1;
        g->d[n++] = (char)('0' + digit);
    }
    g->partial = rest || frac;
    if (g->partial) {
        g->d[n++] = '1';
    } else {
        while (g->d[n - 1] == '0')
            n--;
    }
    g->n = n;
    return true;
}

/* The digits of a finite |v|: all of them, or (fp_fast) the first cap and a stand-in for the rest. */
static void fp_digits_of(uint64_t bits, int cap, struct fp_digits *g)
{
    uint64_t m = bits & ((UINT64_C(1) << 52) - 1);
    int be = (int)((bits >> 52) & 0x7ff);

    g->partial = false;
    if (be)
        m |= UINT64_C(1) << 52;
    if (m && fp_fast(m, be ? be - 1075 : -1074, cap < FAST_CAP_ALL ? cap : FAST_CAP_ALL, g))
        return;
    fp_exact(bits, g);
}

/* Rounds g to keep significant digits (keep <= 0 may leave zero). Digits are incremented as
 * chars, so msvcrt's "1#INF" rounds to "1#J" exactly as its CRT did (Old New Thing, 2013-02-28,
 * "What does 1#J mean?"). */
static void fp_round(struct fp_digits *g, int keep, enum fp_rounding mode)
{
    char next, last;
    bool up;
    int i;

    if (keep >= g->n)
        return;
    g->partial = false;
    if (keep < 0) {
        g->n = 0;
        return;
    }
    next = g->d[keep];
    last = keep > 0 ? g->d[keep - 1] : '0';
    if (mode == RND_HALF_UP)
        up = next >= '5';
    else    /* ties to even; g->n > keep + 1 means nonzero digits follow "next" */
        up = next > '5' || (next == '5' && (g->n > keep + 1 || ((last - '0') & 1)));
    g->n = keep;
    if (up) {
        for (i = keep - 1; i >= 0 && g->d[i] == '9'; i--)
            g->d[i] = '0';
        if (i >= 0) {
            g->d[i]++;
        } else {
            g->d[0] = '1';
            g->n = keep > 0 ? keep : 1;
            g->exp++;
        }
    }
    while (g->n && g->d[g->n - 1] == '0')
        g->n--;
}

static int clamp_keep(int64_t keep)
{
    return keep > INT_MAX ? INT_MAX : keep < -1 ? -1 : (int)keep;
}

/* The body of one float: segments pointing into this struct and into the digits. */
struct fp_text {
    struct fmt_body body;
    char dp;
    char expbuf[12];
    char hex[16];
    char prefix[4];
    size_t plen;
};

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

static void add_exponent(struct fp_text *t, char expchar, int e, int mindig)
{
    char tmp[8];
    int k = 0;
    unsigned a = e < 0 ? 0u - (unsigned)e : (unsigned)e;

    do {
        tmp[k++] = (char)('0' + a % 10);
        a /= 10;
    } while (a);
    while (k < mindig)
        tmp[k++] = '0';
    t->expbuf[0] = expchar;
    t->expbuf[1] = e < 0 ? '-' : '+';
    for (int i = 0; i < k; i++)
        t->expbuf[2 + i] = tmp[k - 1 - i];
    fmt_body_text(&t->body, t->expbuf, (size_t)k + 2);
}

/* [-]ddd.ddd with prec fraction digits; digits past g->n are zeros. */
static void layout_f(struct fp_text *t, const struct fp_digits *g, uint64_t prec, bool alt)
{
    struct fmt_body *b = &t->body;
    int e = g->exp, n = g->n;
    size_t z = 0, s, avail, take, p = (size_t)prec;

    if (n && e >= 0) {
        fmt_body_text(b, g->d, (size_t)(n < e + 1 ? n : e + 1));
        fmt_body_fill(b, '0', e + 1 > n ? (size_t)(e + 1 - n) : 0);
    } else {
        fmt_body_text(b, "0", 1);
    }
    if (p || alt)
        fmt_body_text(b, &t->dp, 1);
    if (!n) {
        fmt_body_fill(b, '0', p);
        return;
    }
    if (e < -1)
        z = min_size((size_t)(-e - 1), p);  /* fraction zeros before d[0] */
    fmt_body_fill(b, '0', z);
    s = e >= 0 ? (size_t)e + 1 : 0;
    avail = (size_t)n > s ? (size_t)n - s : 0;
    take = min_size(avail, p - z);
    fmt_body_text(b, g->d + s, take);
    fmt_body_fill(b, '0', p - z - take);
}

/* [-]d.ddde+xx with prec fraction digits. */
static void layout_e(struct fp_text *t, const struct fp_digits *g, uint64_t prec, bool alt,
                     char expchar, int mindig)
{
    struct fmt_body *b = &t->body;
    size_t p = (size_t)prec, take = g->n > 1 ? min_size((size_t)g->n - 1, p) : 0;

    fmt_body_text(b, g->n ? g->d : "0", 1);
    if (p || alt)
        fmt_body_text(b, &t->dp, 1);
    fmt_body_text(b, g->d + 1, take);
    fmt_body_fill(b, '0', p - take);
    add_exponent(t, expchar, g->n ? g->exp : 0, mindig);
}

/* %g on digits already rounded to prec significant digits: %e style when the exponent is < -4
 * or >= prec, else %f style; trailing zeros (and a bare point) go unless '#'. */
static void layout_g(struct fp_text *t, const struct fp_digits *g, int64_t prec, bool alt,
                     char expchar, int mindig)
{
    int64_t x = g->n ? g->exp : 0, n = g->n;

    if (x < -4 || x >= prec) {
        int64_t frac = alt ? prec - 1 : (n > 1 ? n - 1 : 0);
        layout_e(t, g, (uint64_t)frac, alt, expchar, mindig);
    } else {
        int64_t frac = alt ? prec - 1 - x : n - 1 - x;
        layout_f(t, g, frac > 0 ? (uint64_t)frac : 0, alt);
    }
}

static int exponent_digits(const struct fmt_state *st)
{
    if (st->flags & FMT_UCRT)
        return (st->flags & FMT_THREE_DIGIT_EXP) ? 3 : 2;
    return (st->flags & FMT_TWO_DIGIT_EXP) ? 2 : 3;
}

/* %e %f %g (lc is the lowercase conversion) on exact (or legacy special) digits. */
static void layout_decimal(const struct fmt_state *st, const struct fmt_spec *sp,
                           struct fp_digits *g, struct fp_text *t, enum fp_rounding mode,
                           char lc, bool upper)
{
    bool alt = sp->fl & SP_ALT;
    int64_t prec = sp->prec < 0 ? 6 : sp->prec;
    char expchar = upper ? 'E' : 'e';

    if (lc == 'f') {
        if (g->n)
            fp_round(g, clamp_keep(g->exp + 1 + prec), mode);
        layout_f(t, g, (uint64_t)prec, alt);
    } else if (lc == 'e') {
        fp_round(g, clamp_keep(prec + 1), mode);
        layout_e(t, g, (uint64_t)prec, alt, expchar, exponent_digits(st));
    } else {
        if (prec == 0)
            prec = 1;
        fp_round(g, clamp_keep(prec), mode);
        layout_g(t, g, prec, alt, expchar, exponent_digits(st));
    }
}

#define FP_MANT_MASK ((UINT64_C(1) << 52) - 1)
#define FP_QUIET_BIT (UINT64_C(1) << 51)
#define FP_INDEFINITE UINT64_C(0xfff8000000000000)  /* the x86 default NaN */

/* UCRT (not in legacy msvcrt mode): inf, nan, nan(snan), nan(ind), upper case for A E F G;
 * padded with spaces only (the UCRT drops the '0' flag for them). */
static void special_c99(struct fmt_state *st, const struct fmt_spec *sp, struct fp_text *t,
                        uint64_t bits, bool upper)
{
    static const char *const names[2][4] = {
        { "inf", "nan(snan)", "nan(ind)", "nan" },
        { "INF", "NAN(SNAN)", "NAN(IND)", "NAN" },
    };
    uint64_t mant = bits & FP_MANT_MASK;
    int k = !mant ? 0 : !(mant & FP_QUIET_BIT) ? 1 : bits == FP_INDEFINITE ? 2 : 3;
    const char *s = names[upper][k];
    size_t n = 0;

    while (s[n])
        n++;
    fmt_body_text(&t->body, s, n);
    fmt_emit_field(st, sp, t->prefix, t->plen, &t->body, false);
}

/* msvcrt (and UCRT legacy mode): the special value becomes the digit string "1#INF", "1#QNAN",
 * "1#SNAN" or "1#IND" with exponent 0 and is laid out and rounded like a number: 1.#INF00,
 * -1.#IND00, 1.#QNAN0, 1.#INF00e+000, %.2f -> 1.#J (learn.microsoft.com, "Format specification
 * syntax", infinity/NaN table; Old New Thing 2013-02-21 and 2013-02-28). */
static void special_legacy(struct fp_digits *g, uint64_t bits)
{
    uint64_t mant = bits & FP_MANT_MASK;
    const char *s = !mant ? "1#INF" : !(mant & FP_QUIET_BIT) ? "1#SNAN"
                  : bits == FP_INDEFINITE ? "1#IND" : "1#QNAN";

    g->n = 0;
    while (s[g->n]) {
        g->d[g->n] = s[g->n];
        g->n++;
    }
    g->exp = 0;
}

/* %a: [-]0xh.hhhhp+d, 13 hex digits by default; rounding at a shorter precision is half-up
 * (legacy) or ties-to-even (UCRT standard rounding). The exponent has no minimum width. */
static void layout_hex(struct fp_text *t, const struct fmt_spec *sp, uint64_t bits, bool upper,
                       bool ties_even)
{
    const char *hexits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    uint64_t m = bits & FP_MANT_MASK, kept = m;
    int be = (int)((bits >> 52) & 0x7ff), lead = be ? 1 : 0;
    int e2 = be ? be - 1023 : (m ? -1022 : 0);
    int64_t prec = sp->prec < 0 ? 13 : sp->prec;
    int nh = prec < 13 ? (int)prec : 13;

    if (nh < 13) {
        int shift = 52 - 4 * nh;
        uint64_t rem = m & ((UINT64_C(1) << shift) - 1), half = UINT64_C(1) << (shift - 1);
        bool up;
        kept = m >> shift;
        up = ties_even ? rem > half || (rem == half && ((nh ? kept : (uint64_t)lead) & 1))
                       : rem >= half;
        if (up && (++kept >> (4 * nh))) {
            kept = 0;
            lead++;
        }
    }
    t->hex[0] = (char)('0' + lead);
    for (int i = 0; i < nh; i++)
        t->hex[1 + i] = hexits[(kept >> (4 * (nh - 1 - i))) & 0xf];
    fmt_body_text(&t->body, t->hex, 1);
    if (prec || (sp->fl & SP_ALT))
        fmt_body_text(&t->body, &t->dp, 1);
    fmt_body_text(&t->body, t->hex + 1, (size_t)nh);
    fmt_body_fill(&t->body, '0', (size_t)(prec - nh));
    add_exponent(t, upper ? 'P' : 'p', e2, 1);
}

static void add_hex_prefix(struct fp_text *t, bool upper)
{
    t->prefix[t->plen++] = '0';
    t->prefix[t->plen++] = upper ? 'X' : 'x';
}

/* Legacy special values under %a: laid out as %e, then "e+000" becomes "p+0" (what the UCRT's
 * legacy path does; the "0x" prefix stays). */
static void special_legacy_hex(const struct fmt_spec *sp, struct fp_digits *g,
                               struct fp_text *t, bool upper)
{
    int64_t prec = sp->prec < 0 ? 13 : sp->prec;

    fp_round(g, clamp_keep(prec + 1), RND_HALF_UP);
    layout_e(t, g, (uint64_t)prec, sp->fl & SP_ALT, upper ? 'P' : 'p', 1);
    add_hex_prefix(t, upper);
}

/* How many leading digits layout_decimal's rounding can look at, plus one: the cap for fp_fast.
 * msvcrt rounds to 17 digits first; %e keeps prec + 1, %g prec (at least 1), %f exp + 1 + prec,
 * where the decimal exponent of a value below 2^(e2 + 53) is at most (e2 + 53) * log10(2). */
static int digits_needed(const struct fmt_state *st, const struct fmt_spec *sp, char lc,
                         uint64_t bits)
{
    int64_t prec = sp->prec < 0 ? 6 : sp->prec, keep;
    int top = (int)((bits >> 52) & 0x7ff) - 1075 + 53;

    if (!(st->flags & FMT_UCRT))
        return 18;
    if (lc == 'e')
        keep = prec + 1;
    else if (lc == 'g')
        keep = prec ? prec : 1;
    else
        keep = (top > 0 ? top * 30103 / 100000 : 0) + 1 + prec;
    return keep + 1 < FAST_CAP_ALL ? (int)keep + 1 : FAST_CAP_ALL;
}

void fmt_conv_float(struct fmt_state *st, const struct fmt_spec *sp, double value)
{
    bool upper = sp->conv == 'A' || sp->conv == 'E' || sp->conv == 'F' || sp->conv == 'G';
    char lc = (char)(sp->conv | 0x20);
    bool ucrt = st->flags & FMT_UCRT;
    bool ties_even = ucrt && (st->flags & FMT_STANDARD_ROUNDING);
    struct fp_digits g;
    struct fp_text t;
    uint64_t bits;

    __builtin_memcpy(&bits, &value, sizeof(bits));
    t.body.nseg = 0;
    t.body.len = 0;
    t.dp = st->hooks && st->hooks->decimal_point ? st->hooks->decimal_point : '.';
    t.plen = 0;
    if (bits >> 63)
        t.prefix[t.plen++] = '-';
    else if (sp->fl & SP_PLUS)
        t.prefix[t.plen++] = '+';
    else if (sp->fl & SP_SPACE)
        t.prefix[t.plen++] = ' ';

    if (((bits >> 52) & 0x7ff) == 0x7ff) {
        if (ucrt && !(st->flags & FMT_LEGACY_MSVCRT)) {
            special_c99(st, sp, &t, bits, upper);
            return;
        }
        special_legacy(&g, bits);
        if (lc == 'a')
            special_legacy_hex(sp, &g, &t, upper);
        else
            layout_decimal(st, sp, &g, &t, RND_HALF_UP, lc, upper);
    } else if (lc == 'a') {
        add_hex_prefix(&t, upper);
        layout_hex(&t, sp, bits, upper, ties_even);
    } else {
        fp_digits_of(bits, digits_needed(st, sp, lc, bits), &g);
        if (!ucrt)  /* msvcrt converts to 17 significant digits, then pads with zeros */
            fp_round(&g, 17, RND_HALF_UP);
        layout_decimal(st, sp, &g, &t, ties_even ? RND_HALF_EVEN : RND_HALF_UP, lc, upper);
    }
    fmt_emit_field(st, sp, t.prefix, t.plen, &t.body, true);
}
