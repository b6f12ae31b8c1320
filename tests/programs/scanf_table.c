/* scanf_table.c: a table of scanf format/input pairs, run through sscanf (narrow) and swscanf
 * (wide), under msvcrt and the UCRT (ucrt.list). Each row prints the return value and what was
 * stored. Expected values from Microsoft's pages "Format specification fields: scanf and wscanf
 * functions" https://learn.microsoft.com/en-us/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions,
 * "scanf Width Specification" https://learn.microsoft.com/en-us/cpp/c-runtime-library/scanf-width-specification
 * and "scanf Type Field Characters" https://learn.microsoft.com/en-us/cpp/c-runtime-library/scanf-type-field-characters:
 * white space in the format matches any white space; the width limits the chars read; %i takes
 * 0x and 0 prefixes; %[ sets with ranges and ^; %n counts chars read and is not counted; EOF (-1)
 * when the input ends before the first conversion; in the wide functions %s/%c/%[ store wide
 * chars and %hs/%S narrow ones. Wine agrees with every row but "   " %d, where it returns 0
 * (the page: EOF when the end of the input comes before the first conversion).
 * Left out on purpose (the runtimes differ and ours does not yet): the UCRT's hex floats, inf,
 * nan (docs/crt.md). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

enum kind { K_INT, K_LL, K_SHORT, K_CHAR1, K_UINT, K_FLOAT, K_DOUBLE, K_STR, K_INT_N, K_TWO, K_STR_INT };

struct row {
    const char *input, *format;
    enum kind kind;
};

static const struct row rows[] = {
    { "42", "%d", K_INT },
    { "  -17xyz", "%d", K_INT },
    { "+0", "%d", K_INT },
    { "12345", "%3d", K_INT },
    { "abc", "%d", K_INT },
    { "", "%d", K_INT },
    { "   ", "%d", K_INT },
    { "0x1F", "%i", K_INT },
    { "017", "%i", K_INT },
    { "-0x10", "%i", K_INT },
    { "ff", "%x", K_INT },
    { "0XfF", "%X", K_INT },
    { "777", "%o", K_INT },
    { "4294967295", "%u", K_UINT },
    { "-1", "%u", K_UINT },
    { "9223372036854775807", "%lld", K_LL },
    { "-9223372036854775808", "%I64d", K_LL },
    { "70000", "%hd", K_SHORT },
    { "65", "%hhd", K_CHAR1 },
    { "3.25", "%f", K_FLOAT },
    { "-1.5e3", "%lf", K_DOUBLE },
    { "2.5E-2x", "%le", K_DOUBLE },
    { ".5", "%lg", K_DOUBLE },
    { "123.456", "%4lf", K_DOUBLE },
    { "1d2", "%lf", K_DOUBLE },
    { "hello world", "%s", K_STR },
    { "hello world", "%3s", K_STR },
    { "  tab\there", "%s", K_STR },
    { "abcdef", "%[a-c]", K_STR },
    { "abcdef", "%[^d]", K_STR },
    { "]x]y", "%[]x]", K_STR },
    { "a-b-c", "%[-a]", K_STR },
    { "zyx", "%[z-x]", K_STR },
    { "xyz", "%c", K_STR },
    { "abc", "%2c", K_STR },
    { "12 34", "%d%n", K_INT_N },
    { "12 34", "%d %d", K_TWO },
    { "12,34", "%d,%d", K_TWO },
    { "12;34", "%d,%d", K_TWO },
    { "12 34", "%*d %d", K_INT },
    { "12%34", "%d%%%d", K_TWO },
    { "5 apples", "%d apples", K_INT },
    { "key=val 9", "key=%s %d", K_STR_INT },
    { "12", "%d %d", K_TWO },
};

/* Prints a row's results; ret is the scanf return value. */
static void show(const char *label, int ret, enum kind kind, int i1, int i2, long long ll,
                 short sh, signed char ch, unsigned u, float fl, double db, const char *s)
{
    printf("%-26s -> %2d", label, ret);
    if (ret <= 0) {
        printf("\n");
        return;
    }
    switch (kind) {
    case K_INT: printf("  %d\n", i1); break;
    case K_LL: printf("  %lld\n", ll); break;
    case K_SHORT: printf("  %d\n", sh); break;
    case K_CHAR1: printf("  %d\n", ch); break;
    case K_UINT: printf("  %u\n", u); break;
    case K_FLOAT: printf("  %.4f\n", fl); break;
    case K_DOUBLE: printf("  %.6g\n", db); break;
    case K_STR: printf("  \"%s\"\n", s); break;
    case K_INT_N: printf("  %d n=%d\n", i1, i2); break;
    case K_TWO: printf("  %d %d\n", i1, i2); break;
    case K_STR_INT: printf("  \"%s\" %d\n", s, i1); break;
    }
}

static void narrow_row(const struct row *r)
{
    int i1 = -99, i2 = -99, ret;
    long long ll = -99;
    short sh = -99;
    signed char ch = -99;
    unsigned u = 99;
    float fl = -99;
    double db = -99;
    char s[32], label[64];

    memset(s, 0, sizeof(s));
    switch (r->kind) {
    case K_INT: ret = sscanf(r->input, r->format, &i1); break;
    case K_LL: ret = sscanf(r->input, r->format, &ll); break;
    case K_SHORT: ret = sscanf(r->input, r->format, &sh); break;
    case K_CHAR1: ret = sscanf(r->input, r->format, &ch); break;
    case K_UINT: ret = sscanf(r->input, r->format, &u); break;
    case K_FLOAT: ret = sscanf(r->input, r->format, &fl); break;
    case K_DOUBLE: ret = sscanf(r->input, r->format, &db); break;
    case K_STR: ret = sscanf(r->input, r->format, s); break;
    case K_STR_INT: ret = sscanf(r->input, r->format, s, &i1); break;
    default: ret = sscanf(r->input, r->format, &i1, &i2); break;
    }
    snprintf(label, sizeof(label), "\"%s\" %s", r->input, r->format);
    show(label, ret, r->kind, i1, i2, ll, sh, ch, u, fl, db, s);
}

/* The same row through swscanf: %s, %c and %[ store wide chars there. */
static void wide_row(const struct row *r)
{
    wchar_t input[64], format[32], ws[32];
    int i1 = -99, i2 = -99, ret;
    long long ll = -99;
    short sh = -99;
    signed char ch = -99;
    unsigned u = 99;
    float fl = -99;
    double db = -99;
    char s[32], label[64];

    mbstowcs(input, r->input, 64);
    mbstowcs(format, r->format, 32);
    wmemset(ws, 0, 32);
    switch (r->kind) {
    case K_INT: ret = swscanf(input, format, &i1); break;
    case K_LL: ret = swscanf(input, format, &ll); break;
    case K_SHORT: ret = swscanf(input, format, &sh); break;
    case K_CHAR1: ret = swscanf(input, format, &ch); break;
    case K_UINT: ret = swscanf(input, format, &u); break;
    case K_FLOAT: ret = swscanf(input, format, &fl); break;
    case K_DOUBLE: ret = swscanf(input, format, &db); break;
    case K_STR: ret = swscanf(input, format, ws); break;
    case K_STR_INT: ret = swscanf(input, format, ws, &i1); break;
    default: ret = swscanf(input, format, &i1, &i2); break;
    }
    wcstombs(s, ws, sizeof(s));
    snprintf(label, sizeof(label), "L\"%s\" %s", r->input, r->format);
    show(label, ret, r->kind, i1, i2, ll, sh, ch, u, fl, db, s);
}

#ifdef _UCRT
/* _snwscanf is inline in the UCRT's headers (mingw's lack it): its body. */
static int snwscanf_ucrt(const wchar_t *str, size_t len, const wchar_t *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = __stdio_common_vswscanf(_CRT_INTERNAL_LOCAL_SCANF_OPTIONS, str, len, format, NULL, args);
    va_end(args);
    return ret;
}
#endif

/* Rows only the wide functions have: chars above 255, narrow fields, the secure forms. */
static void wide_extras(void)
{
    wchar_t ws[8] = L"", small[3];
    char s[8] = "";
    int ret, n = -1;

    ret = swscanf(L"\x263a\x263b rest", L"%s%n", ws, &n);
    printf("swscanf %%s U+263A U+263B   -> %d  %04x %04x len %d n=%d\n", ret, ws[0], ws[1],
           (int)wcslen(ws), n);
    ret = swscanf(L"narrow", L"%hs", s);
    printf("swscanf %%hs                -> %d  \"%s\"\n", ret, s);
    memset(s, 0, sizeof(s));
    ret = swscanf(L"capital", L"%S", s);
    printf("swscanf %%S                 -> %d  \"%s\"\n", ret, s);
    ret = swscanf(L"\x00e9t\x00e9", L"%[\x00e0-\x00ff]", ws);
    printf("swscanf %%[U+E0-U+FF]       -> %d  %04x len %d\n", ret, ws[0], (int)wcslen(ws));
    ret = swscanf(L"ab", L"%ls", ws);
    printf("swscanf %%ls                -> %d  len %d\n", ret, (int)wcslen(ws));
    ret = swscanf_s(L"toolong", L"%s", small, 3);
    printf("swscanf_s %%s in 3 chars    -> %d  first %d\n", ret, small[0]);
    ret = swscanf_s(L"ok", L"%s", small, 3);
    printf("swscanf_s %%s \"ok\" in 3     -> %d  \"%ls\"\n", ret, small);
#ifdef _UCRT
    ret = snwscanf_ucrt(L"123456", 3, L"%d", &n);
#else
    ret = _snwscanf(L"123456", 3, L"%d", &n);
#endif
    printf("_snwscanf 3 chars of 123456 -> %d  %d\n", ret, n);
    ret = sscanf_s("toolong", "%s", s, 4);
    printf("sscanf_s %%s in 4 chars     -> %d  first %d\n", ret, s[0]);
}

int main(void)
{
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        narrow_row(&rows[i]);
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        wide_row(&rows[i]);
    wide_extras();
    return 0;
}
