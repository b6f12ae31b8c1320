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
};

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
    return c & 0xff;
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

/* Stores one char of a %c, %s or %[ field. */
static void store_char(void **dst, bool wide, int c)
{
    if (wide) {
        uint16_t *w = *dst;
        *w++ = (uint16_t)(c & 0xff);
        *dst = w;
    } else {
        char *s = *dst;
        *s++ = (char)c;
        *dst = s;
    }
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

int scan_vformat_a(struct scan_source *src, const char *format, va_list args,
                   const struct scan_hooks *hooks)
{
    struct reader r = { src, 0, false };
    const unsigned char *p = (const unsigned char *)format;
    int count = 0;
    bool converted = false, secure = hooks && (hooks->flags & SCAN_SECURE);
    va_list ap;

    if (!src || !format)
        return -1;
    va_copy(ap, args);
    while (*p) {
        bool suppress = false, wide;
        enum scan_size size = SZ_INT;
        int width = 0, conv, c, res;
        void *dst = NULL;

        if (is_space(*p)) {
            while (is_space(*p))
                p++;
            skip_space(&r);
            continue;
        }
        if (*p != '%' || p[1] == '%') {
            int want = *p;
            if (want == '%') {
                p += 2;
                if (!skip_space(&r))
                    goto input_failure;
            } else {
                p++;
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
        p++;
        if (*p == '*') {
            suppress = true;
            p++;
        }
        while (is_digit(*p)) {
            width = width > (INT_MAX - 9) / 10 ? INT_MAX : width * 10 + (*p - '0');
            p++;
        }
        switch (*p) {
        case 'h':
            size = p[1] == 'h' ? SZ_CHAR : SZ_SHORT;
            p += p[1] == 'h' ? 2 : 1;
            break;
        case 'l':
            size = p[1] == 'l' ? SZ_64 : SZ_LONG;
            p += p[1] == 'l' ? 2 : 1;
            break;
        case 'w':
            size = SZ_LONG;
            p++;
            break;
        case 'L':
            size = SZ_LDOUBLE;
            p++;
            break;
        case 'I':
            if (p[1] == '6' && p[2] == '4') {
                size = SZ_64;
                p += 3;
            } else if (p[1] == '3' && p[2] == '2') {
                size = SZ_INT;
                p += 3;
            } else {
                size = SZ_PTR;
                p++;
            }
            break;
        case 'z': case 'j': case 't':
            size = SZ_PTR;
            p++;
            break;
        }
        conv = *p++;
        if (!conv)
            goto done;
        if (conv != 'c' && conv != 'C' && conv != '[' && conv != 'n' && !skip_space(&r))
            goto input_failure;
        if (width == 0)
            width = (conv == 'c' || conv == 'C') ? 1 : INT_MAX;
        wide = size == SZ_LONG || ((conv == 'C' || conv == 'S') && size != SZ_SHORT);

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
                if (!suppress)
                    store_char(&dst, wide, c);
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
            unsigned char set[32] = { 0 };
            bool invert = false;
            int n = 0, left = width;
            void *start = NULL;
            unsigned room = UINT_MAX;

            if (conv == '[') {
                if (*p == '^') {
                    invert = true;
                    p++;
                }
                if (*p == ']') {
                    set[']' >> 3] |= 1 << (']' & 7);
                    p++;
                }
                while (*p && *p != ']') {
                    unsigned a = *p, b = a, x;
                    if (p[1] == '-' && p[2] && p[2] != ']') {
                        b = p[2];
                        if (a > b) {
                            x = a;
                            a = b;
                            b = x;
                        }
                        p += 3;
                    } else {
                        p++;
                    }
                    for (x = a; x <= b; x++)
                        set[x >> 3] |= 1 << (x & 7);
                }
                if (!*p)
                    goto done;  /* no closing ']': malformed */
                p++;
            }
            if (!suppress) {
                start = dst = va_arg(ap, void *);
                if (secure)
                    room = va_arg(ap, unsigned);
            }
            c = rd_get(&r);
            while (c >= 0) {
                bool member = conv == '[' ? ((set[c >> 3] >> (c & 7)) & 1) != invert : !is_space(c);
                if (!member)
                    break;
                if (!suppress && (unsigned)n + 1 >= room) {   /* no room for it and the NUL */
                    store_empty(start, wide, room);
                    goto done;
                }
                if (!suppress)
                    store_char(&dst, wide, c);
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
