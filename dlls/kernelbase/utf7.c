/* utf7.c: the UTF-7 code page (CP_UTF7, 65000) of MultiByteToWideChar and WideCharToMultiByte,
 * after RFC 2152. Windows converts UTF-7 in kernelbase itself, outside the table-driven code
 * pages of ntdll, and so do we (docs/nls.md, "UTF-7"). */
#define WINBASEAPI
#include <windows.h>
#include <limits.h>
#include "utf7.h"

/* The output of a conversion: counts everything, stores what fits (nothing when cap is 0, the
 * "how long would it be" call), and remembers that something did not fit. */
struct utf7_sink {
    void *dst;
    size_t unit;        /* sizeof(WCHAR) or 1 */
    size_t cap;
    size_t len;
    BOOL overflow;
};

static void sink_put(struct utf7_sink *s, unsigned int value)
{
    if (s->cap) {
        if (s->len < s->cap) {
            if (s->unit == sizeof(WCHAR))
                ((WCHAR *)s->dst)[s->len] = (WCHAR)value;
            else
                ((char *)s->dst)[s->len] = (char)value;
        } else {
            s->overflow = TRUE;
        }
    }
    s->len++;
}

static const char base64_digits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* The value of a modified-base64 digit (RFC 2152, "Rule 2"), or -1 for any other byte. */
static int base64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

/* Characters the encoder writes as themselves: RFC 2152's Set D, space, tab, CR, LF (its "Rule
 * 3") and NUL. Set O ("!\"#$%&*;<=>@[]^_`{|}") may be direct by the RFC; Windows encodes it in
 * base64 (as Wine does, whose tests were checked on Windows), and so do we, as every other
 * character. '+' is handled apart ("+-"). */
static BOOL is_direct(WCHAR c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return TRUE;
    switch (c) {
    case '\'': case '(': case ')': case ',': case '-': case '.': case '/': case ':': case '?':
    case ' ': case '\t': case '\r': case '\n': case 0:
        return TRUE;
    default:
        return FALSE;
    }
}

/* Decodes one base64 run, src[*pos] being the first byte after its '+'; stops at the first
 * byte that is not a base64 digit and swallows it if it is '-'. Bits left over at the end of a
 * run (fewer than 16) are dropped, as on Windows, whatever their value. */
static void decode_run(const unsigned char *src, size_t len, size_t *pos, struct utf7_sink *out)
{
    unsigned int bits = 0, nbits = 0;
    size_t i = *pos;
    int v;

    while (i < len && (v = base64_value(src[i])) >= 0) {
        bits = ((bits << 6) | (unsigned int)v) & 0x3fffff;
        nbits += 6;
        i++;
        if (nbits >= 16) {
            nbits -= 16;
            sink_put(out, (bits >> nbits) & 0xffff);
        }
    }
    if (i < len && src[i] == '-')
        i++;
    *pos = i;
}

static void utf7_decode(const unsigned char *src, size_t len, struct utf7_sink *out)
{
    size_t i = 0;

    while (i < len) {
        unsigned char c = src[i++];

        if (c != '+') {
            /* Bytes that UTF-7 does not use (above 0x7f) pass through unchanged, as on Windows. */
            sink_put(out, c);
        } else if (i < len && src[i] == '-') {
            sink_put(out, '+');
            i++;
        } else {
            decode_run(src, len, &i, out);
        }
    }
}

/* Encodes the run of characters that need base64 starting at src[*pos]: '+', the 16-bit units
 * in modified base64, the last digit padded with zero bits, then always '-' (Windows ends
 * every run with it, even before a character that could not be mistaken for a digit). */
static void encode_run(const WCHAR *src, size_t len, size_t *pos, struct utf7_sink *out)
{
    unsigned int bits = 0, nbits = 0;
    size_t i = *pos;

    sink_put(out, '+');
    while (i < len && !is_direct(src[i]) && src[i] != '+') {
        bits = (bits << 16) | src[i++];
        nbits += 16;
        while (nbits >= 6) {
            nbits -= 6;
            sink_put(out, (unsigned char)base64_digits[(bits >> nbits) & 63]);
        }
        bits &= (1u << nbits) - 1;
    }
    if (nbits)
        sink_put(out, (unsigned char)base64_digits[(bits << (6 - nbits)) & 63]);
    sink_put(out, '-');
    *pos = i;
}

static void utf7_encode(const WCHAR *src, size_t len, struct utf7_sink *out)
{
    size_t i = 0;

    while (i < len) {
        if (is_direct(src[i])) {
            sink_put(out, src[i++]);
        } else if (src[i] == '+') {
            sink_put(out, '+');
            sink_put(out, '-');
            i++;
        } else {
            encode_run(src, len, &i, out);
        }
    }
}

/* The result of a finished conversion: its length, or 0 with *error set. */
static INT finish(const struct utf7_sink *out, DWORD *error)
{
    if (out->overflow || out->len > INT_MAX) {
        *error = ERROR_INSUFFICIENT_BUFFER;
        return 0;
    }
    return (INT)out->len;
}

/* MultiByteToWideChar(CP_UTF7). Returns the number of UTF-16 units (0 with *error set on
 * failure; 0 with *error 0 when the input decodes to nothing, such as a lone "+", where Windows
 * returns 0 and leaves the last error alone). */
INT utf7_mb_to_wc(DWORD flags, const char *src, INT srclen, WCHAR *dst, INT dstlen, DWORD *error)
{
    struct utf7_sink out = { dst, sizeof(WCHAR), dstlen > 0 ? (size_t)dstlen : 0, 0, FALSE };
    size_t len;

    *error = ERROR_INVALID_PARAMETER;
    if (!src || !srclen || dstlen < 0 || (!dst && dstlen) || (const void *)dst == (const void *)src)
        return 0;
    /* "For the code pages listed below, dwFlags must be set to 0 ... 65000 (UTF-7)". */
    if (flags) {
        *error = ERROR_INVALID_FLAGS;
        return 0;
    }
    for (len = 0; srclen < 0 && src[len]; len++)
        ;
    len = srclen < 0 ? len + 1 : (size_t)srclen;
    utf7_decode((const unsigned char *)src, len, &out);
    *error = 0;
    return finish(&out, error);
}

/* WideCharToMultiByte(CP_UTF7): every UTF-16 unit has an encoding (lone surrogates too), so no
 * default character is ever used; lpDefaultChar and lpUsedDefaultChar must be NULL. */
INT utf7_wc_to_mb(DWORD flags, const WCHAR *src, INT srclen, char *dst, INT dstlen,
                  const char *defchar, const BOOL *used, DWORD *error)
{
    struct utf7_sink out = { dst, 1, dstlen > 0 ? (size_t)dstlen : 0, 0, FALSE };
    size_t len;

    *error = ERROR_INVALID_PARAMETER;
    if (!src || !srclen || dstlen < 0 || (!dst && dstlen) || (const void *)dst == (const void *)src)
        return 0;
    if (defchar || used)
        return 0;
    if (flags) {
        *error = ERROR_INVALID_FLAGS;
        return 0;
    }
    for (len = 0; srclen < 0 && src[len]; len++)
        ;
    len = srclen < 0 ? len + 1 : (size_t)srclen;
    utf7_encode(src, len, &out);
    *error = 0;
    return finish(&out, error);
}
