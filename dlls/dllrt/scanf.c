/* scanf.c: the scanf input engine (msvcrt.dll semantics, narrow format).
 *
 * Reference: Microsoft's "Format Specification Fields: scanf and wscanf Functions", "scanf Width
 * Specification" and "scanf Type Field Characters" pages.
 *
 * - A white-space char in the format matches any amount (also none) of white space in the input.
 *   Other chars except '%' must match the next input char; a mismatch stops (matching failure).
 * - %[*][width][size]type. '*' reads the field without storing it (not counted). The width is
 *   the most chars read for the field (%c: how many chars, default 1).
 * - Sizes: hh (char), h (short), l (long = 32 bits on Windows; double for floats; wide chars for
 *   c, s and [), ll / I64 / L on integers (64 bits), I32 (32 bits), I / z / j / t (pointer
 *   size, 64 bits), L on floats (long double, which is double on Windows), w (wide, as l).
 * - Integers accumulate in 64 bits and wrap silently; the result is then truncated to the size
 *   stored (the low bits), as msvcrt does: no saturation and no errno. A '-' negates (also for
 *   %u, %o, %x). %i takes 0x/0X as hexadecimal and a leading 0 as octal; %x also skips 0x.
 * - Floats: the longest text of msvcrt's float syntax (sign, digits, '.', digits, exponent
 *   e/E/d/D with sign and digits) is collected (at most FLOAT_TEXT_MAX - 1 chars) and converted
 *   by the to_double hook. There is one char of push-back, so "1e+x" leaves the input at "x"
 *   and reads as 1.
 * - %c, %[ and %n do not skip leading white space; the others do. %s stops at white space.
 *   In %[set], ']' right after '[' or '[^' is a member, "a-z" is a range (also when written "z-a",
 *   as the Microsoft page says), a '-' first or last is itself.
 * - %n stores the number of chars read so far and is not counted.
 * - Returns the number of fields assigned; -1 when the input ended before the first conversion
 *   completed ("returns EOF ... if the end of the string is reached before the first
 *   conversion"). A malformed or unknown conversion stops, as a matching failure. */
#include <limits.h>
#include "scanf.h"

#define FLOAT_TEXT_MAX 512
#define NOCHAR (-2)     /* no char read (the width ran out) */

enum scan_size { SZ_INT, SZ_CHAR, SZ_SHORT, SZ_LONG, SZ_64, SZ_LDOUBLE, SZ_PTR };

struct reader {
    struct scan_source *src;
    size_t consumed;
    bool eof;
    int mask;       /* 0xff for narrow input, 0xffff for UTF-16 */
};

/* The format: narrow bytes or UTF-16 units, read by index. */
struct fmt {
    const void *base;
    size_t pos;
    bool wide;
};

static unsigned fmt_at(const struct fmt *f, size_t i)
{
    return f->wide ? ((const uint16_t *)f->base)[i] : ((const unsigned char *)f->base)[i];
}

#define P(k) fmt_at(&fmt, fmt.pos + (k))
#define ADV(n) (fmt.pos += (n))

static int rd_get(struct reader *r)
{
    int c;

    if (r->eof)
        return -1;
    c = r->src->get(r->src);
    if (c < 0) {
        r->eof = true;
        return -1;
    }
    r->consumed++;
    return c & r->mask;
}

static void rd_unget(struct reader *r, int c)
{
    if (c < 0)
        return;
    r->src->unget(r->src, c);
    r->consumed--;
}

static bool is_space(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* Skips input white space; returns false at the end of the input. */
static bool skip_space(struct reader *r)
{
    int c;

    while (is_space(c = rd_get(r)))
        ;
    if (c < 0)
        return false;
    rd_unget(r, c);
    return true;
}

/* The next char of a field with *left chars of width remaining (the current one included). */
static int field_next(struct reader *r, int *left)
{
    return --*left > 0 ? rd_get(r) : NOCHAR;
}

/* 1: converted; 0: matching failure; -1: end of input before the field. */
static int scan_integer(struct reader *r, int width, int base, uint64_t *out)
{
    int left = width, c = rd_get(r), d;
    bool neg = false, digits = false;
    uint64_t v = 0;

    if (c < 0)
        return -1;
    if (c == '+' || c == '-') {
        neg = c == '-';
        c = field_next(r, &left);
    }
    if (c == '0' && (base == 0 || base == 16)) {
        digits = true;
        c = field_next(r, &left);
        if (c == 'x' || c == 'X') {
            base = 16;
            c = field_next(r, &left);
        } else if (base == 0) {
            base = 8;
        }
    }
    if (base == 0)
        base = 10;
    while (c >= 0 && (d = digit_value(c)) < base) {
        v = v * (unsigned)base + (unsigned)d;
        digits = true;
        c = field_next(r, &left);
    }
    rd_unget(r, c);
    if (!digits)
        return 0;
    *out = neg ? 0 - v : v;
    return 1;
}

/* Collects a float's text into buf (FLOAT_TEXT_MAX). Same results as scan_integer. */
static int scan_float_text(struct reader *r, int width, char *buf)
{
    int left = width, c = rd_get(r);
    size_t n = 0, mantissa = 0;

    if (c < 0)
        return -1;
    if (width > FLOAT_TEXT_MAX - 1)
        left = FLOAT_TEXT_MAX - 1;
#define TAKE() (buf[n++] = (char)c, c = field_next(r, &left))
    if (c == '+' || c == '-')
        TAKE();
    while (is_digit(c)) {
        TAKE();
        mantissa++;
    }
    if (c == '.') {
        TAKE();
        while (is_digit(c)) {
            TAKE();
            mantissa++;
        }
    }
    if (mantissa && (c == 'e' || c == 'E' || c == 'd' || c == 'D')) {
        TAKE();
        if (c == '+' || c == '-')
            TAKE();
        while (is_digit(c))
            TAKE();
    }
#undef TAKE
    rd_unget(r, c);
    buf[n] = 0;
    return mantissa ? 1 : 0;
}

static void store_int(va_list *ap, enum scan_size size, uint64_t v)
{
    switch (size) {
    case SZ_CHAR: *va_arg(*ap, signed char *) = (signed char)v; break;
    case SZ_SHORT: *va_arg(*ap, short *) = (short)v; break;
    case SZ_64: case SZ_LDOUBLE: case SZ_PTR: *va_arg(*ap, int64_t *) = (int64_t)v; break;
    default: *va_arg(*ap, int32_t *) = (int32_t)v; break;  /* int, long */
    }
}

/* Stores one char of a %c, %s or %[ field; false for a char a narrow field cannot hold (the
 * "C" locale has chars 0-255 only). */
static bool store_char(void **dst, bool wide, int c)
{
    if (wide) {
        uint16_t *w = *dst;
        *w++ = (uint16_t)c;
        *dst = w;
    } else {
        char *s = *dst;
        if (c > 0xff)
            return false;
        *s++ = (char)c;
        *dst = s;
    }
    return true;
}

/* Whether a %c, %s or %[ field stores wide chars. natural_wide: the field's natural width is
 * wide (the wide functions with the legacy Microsoft meaning). h forces narrow, l/w wide; the
 * capital forms %C and %S take the other width. */
static bool field_is_wide(bool natural_wide, int conv, enum scan_size size)
{
    if (size == SZ_SHORT)
        return false;
    if (size == SZ_LONG)
        return true;
    return (conv == 'C' || conv == 'S') ? !natural_wide : natural_wide;
}

/* Whether c is in the %[ set between the format indexes start and end: ']' first is a member,
 * "a-z" a range (also "z-a"), '-' first or last itself. */
static bool in_set(const struct fmt *f, size_t start, size_t end, int c)
{
    for (size_t i = start; i < end; ) {
        unsigned a = fmt_at(f, i), b = a;
        if (i + 2 < end && fmt_at(f, i + 1) == '-') {
            b = fmt_at(f, i + 2);
            if (a > b) {
                unsigned x = a;
                a = b;
                b = x;
            }
            i += 3;
        } else {
            i++;
        }
        if ((unsigned)c >= a && (unsigned)c <= b)
            return true;
    }
    return false;
}

/* A secure-mode field that did not fit: an empty string, if the buffer has room for its NUL. */
static void store_empty(void *start, bool wide, unsigned room)
{
    if (!room)
        return;
    if (wide)
        *(uint16_t *)start = 0;
    else
        *(char *)start = 0;
}

/* The engine for both widths: fmt.wide says whether the format (and the input) is UTF-16. */
static int scan_vformat(struct scan_source *src, struct fmt fmt, va_list args,
                        const struct scan_hooks *hooks)
{
    struct reader r = { src, 0, false, fmt.wide ? 0xffff : 0xff };
    int count = 0;
    bool converted = false, secure = hooks && (hooks->flags & SCAN_SECURE);
    bool iso = hooks && (hooks->flags & SCAN_ISO_WIDE);
    va_list ap;

    if (!src || !fmt.base)
        return -1;
    va_copy(ap, args);
    while (P(0)) {
        bool suppress = false, wide;
        enum scan_size size = SZ_INT;
        int width = 0, conv, c, res;
        void *dst = NULL;

        if (is_space(P(0))) {
            while (is_space(P(0)))
                ADV(1);
            skip_space(&r);
            continue;
        }
        if (P(0) != '%' || P(1) == '%') {
            int want = P(0);
            if (want == '%') {
                ADV(2);
                if (!skip_space(&r))
                    goto input_failure;
            } else {
                ADV(1);
            }
            c = rd_get(&r);
            if (c < 0)
                goto input_failure;
            if (c != want) {
                rd_unget(&r, c);
                goto done;
            }
            continue;
        }
        ADV(1);
        if (P(0) == '*') {
            suppress = true;
            ADV(1);
        }
        while (is_digit(P(0))) {
            width = width > (INT_MAX - 9) / 10 ? INT_MAX : width * 10 + (int)(P(0) - '0');
            ADV(1);
        }
        switch (P(0)) {
        case 'h':
            size = P(1) == 'h' ? SZ_CHAR : SZ_SHORT;
            ADV(P(1) == 'h' ? 2 : 1);
            break;
        case 'l':
            size = P(1) == 'l' ? SZ_64 : SZ_LONG;
            ADV(P(1) == 'l' ? 2 : 1);
            break;
        case 'w':
            size = SZ_LONG;
            ADV(1);
            break;
        case 'L':
            size = SZ_LDOUBLE;
            ADV(1);
            break;
        case 'I':
            if (P(1) == '6' && P(2) == '4') {
                size = SZ_64;
                ADV(3);
            } else if (P(1) == '3' && P(2) == '2') {
                size = SZ_INT;
                ADV(3);
            } else {
                size = SZ_PTR;
                ADV(1);
            }
            break;
        case 'z': case 'j': case 't':
            size = SZ_PTR;
            ADV(1);
            break;
        }
        conv = P(0);
        if (!conv)
            goto done;
        ADV(1);
        if (conv != 'c' && conv != 'C' && conv != '[' && conv != 'n' && !skip_space(&r))
            goto input_failure;
        if (width == 0)
            width = (conv == 'c' || conv == 'C') ? 1 : INT_MAX;
        wide = field_is_wide(fmt.wide && !iso, conv, size);

        switch (conv) {
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'p': {
            uint64_t v = 0;
            int base = conv == 'i' ? 0 : conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
            if (conv == 'p' && size == SZ_INT)
                size = SZ_PTR;
            res = scan_integer(&r, width, base, &v);
            if (res < 0)
                goto input_failure;
            if (!res)
                goto done;
            if (!suppress) {
                store_int(&ap, size, v);
                count++;
            }
            converted = true;
            break;
        }
        case 'e': case 'E': case 'f': case 'g': case 'G': case 'a': case 'A': {
            char text[FLOAT_TEXT_MAX];
            double d;
            res = scan_float_text(&r, width, text);
            if (res < 0)
                goto input_failure;
            if (!res || !hooks || !hooks->to_double)
                goto done;
            if (!suppress) {
                d = hooks->to_double(text, hooks->ctx);
                if (size == SZ_LONG || size == SZ_LDOUBLE || size == SZ_64)
                    *va_arg(ap, double *) = d;
                else
                    *va_arg(ap, float *) = (float)d;
                count++;
            }
            converted = true;
            break;
        }
        case 'c': case 'C': {
            int n = 0;
            void *start = NULL;
            unsigned room = UINT_MAX;
            if (!suppress) {
                start = dst = va_arg(ap, void *);
                if (secure)
                    room = va_arg(ap, unsigned);
            }
            while (n < width && (c = rd_get(&r)) >= 0) {
                if (!suppress && (unsigned)n >= room) {
                    store_empty(start, wide, room);
                    goto done;
                }
                if (!suppress && !store_char(&dst, wide, c))
                    goto done;
                n++;
            }
            if (!n)
                goto input_failure;
            if (!suppress)
                count++;
            converted = true;
            break;
        }
        case 's': case 'S': case '[': {
            size_t set_start = 0, set_end = 0;
            bool invert = false;
            int n = 0, left = width;
            void *start = NULL;
            unsigned room = UINT_MAX;

            if (conv == '[') {
                if (P(0) == '^') {
                    invert = true;
                    ADV(1);
                }
                set_start = fmt.pos;
                if (P(0) == ']')
                    ADV(1);
                while (P(0) && P(0) != ']')
                    ADV(1);
                if (!P(0))
                    goto done;  /* no closing ']': malformed */
                set_end = fmt.pos;
                ADV(1);
            }
            if (!suppress) {
                start = dst = va_arg(ap, void *);
                if (secure)
                    room = va_arg(ap, unsigned);
            }
            c = rd_get(&r);
            while (c >= 0) {
                bool member = conv == '[' ? in_set(&fmt, set_start, set_end, c) != invert
                                          : !is_space(c);
                if (!member)
                    break;
                if (!suppress && (unsigned)n + 1 >= room) {   /* no room for it and the NUL */
                    store_empty(start, wide, room);
                    goto done;
                }
                if (!suppress && !store_char(&dst, wide, c))
                    goto done;
                n++;
                c = field_next(&r, &left);
            }
            rd_unget(&r, c);
            if (!n) {
                if (c == -1)
                    goto input_failure;
                goto done;
            }
            if (!suppress) {
                store_char(&dst, wide, 0);
                count++;
            }
            converted = true;
            break;
        }
        case 'n':
            if (!suppress)
                store_int(&ap, size, (uint64_t)r.consumed);
            break;
        default:
            goto done;  /* unknown conversion */
        }
    }
done:
    va_end(ap);
    return count;
input_failure:
    va_end(ap);
    return converted || count ? count : -1;
}

int scan_vformat_a(struct scan_source *src, const char *format, va_list args,
                   const struct scan_hooks *hooks)
{
    struct fmt fmt = { format, 0, false };
    return scan_vformat(src, fmt, args, hooks);
}

int scan_vformat_w(struct scan_source *src, const uint16_t *format, va_list args,
                   const struct scan_hooks *hooks)
{
    struct fmt fmt = { format, 0, true };
    return scan_vformat(src, fmt, args, hooks);
}
