/* printf_table.c: the printf torture table, run on both runtimes (ucrt.list; the UCRT output is
 * printf_table.ucrt.expected): integer, 64-bit, floating-point, string and char conversions with
 * flags, widths, precisions and size prefixes (%I32 %I64 %I %z %j %ll %h %hh), 600+ pairs.
 * Expected values: learn.microsoft.com "Format specification syntax: printf and wprintf
 * functions" (flags, width, precision, sizes, the inf/NaN spellings of each runtime, the
 * exponent digits of each runtime), "printf Type Field Characters"; the rest of the rules and
 * their sources are in docs/printf.md. Checked under Wine's msvcrt.dll and ucrtbase.dll; the
 * lines where Wine differs, and why we keep ours, are listed in docs/printf.md ("Torture
 * table"). */
#include <stdio.h>
#include <stdint.h>
#include <float.h>
#include <math.h>
#include <wchar.h>

static const char *const int_formats[] = {
    "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%#x", "%X", "%#o", "%o", "%u", "%.3d",
    "%8.3d", "%-+8d|", "%hd", "%hhd", "%ld", "%I32d", "%#X", "%i", "%+05d", "%-05d|", "%.0d",
};
static const int int_values[] = { 0, 1, -1, 42, -42, 2147483647, -2147483647 - 1, 65535, 255,
                                  100000 };
static const char *const i64_formats[] = {
    "%lld", "%I64d", "%I64x", "%llu", "%Id", "%zd", "%jd", "%#llx", "%20lld|", "%-20I64u|",
};
static const long long i64_values[] = { 0, -1, INT64_MAX, INT64_MIN, 1234567890123LL };
static const char *const dbl_formats[] = {
    "%f", "%.0f", "%.1f", "%e", "%.2e", "%E", "%g", "%G", "%.3g", "%#g", "%10.4f", "%-10.2e|",
    "%+.3f", "%.0e", "%#.0f", "%015.3f", "% g", "%.10g", "%.17g", "%5.1g",
};
#ifdef _UCRT
static const char *const dbl_formats_ucrt_only[] = { "%a", "%.2a", "%A" };
#endif

int main(void)
{
    double dbl_values[] = { 0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 1e10, 1.23456789e-5, 123456789.0,
                            0.1, 1e300, DBL_MIN, 1.0 / 3, 999.9999, HUGE_VAL, -HUGE_VAL, NAN };
    unsigned i, j, n = 0;

    for (i = 0; i < sizeof(int_formats) / sizeof(*int_formats); i++)
        for (j = 0; j < sizeof(int_values) / sizeof(*int_values); j++, n++) {
            printf("%-10s %11d -> [", int_formats[i], int_values[j]);
            printf(int_formats[i], int_values[j]);
            printf("]\n");
        }
    for (i = 0; i < sizeof(i64_formats) / sizeof(*i64_formats); i++)
        for (j = 0; j < sizeof(i64_values) / sizeof(*i64_values); j++, n++) {
            printf("%-10s %20lld -> [", i64_formats[i], i64_values[j]);
            printf(i64_formats[i], i64_values[j]);
            printf("]\n");
        }
    for (i = 0; i < sizeof(dbl_formats) / sizeof(*dbl_formats); i++)
        for (j = 0; j < sizeof(dbl_values) / sizeof(*dbl_values); j++, n++) {
            printf("%-10s %-24.17g -> [", dbl_formats[i], dbl_values[j]);
            printf(dbl_formats[i], dbl_values[j]);
            printf("]\n");
        }
#ifdef _UCRT
    for (i = 0; i < sizeof(dbl_formats_ucrt_only) / sizeof(*dbl_formats_ucrt_only); i++)
        for (j = 0; j < 14; j++, n++) {
            printf("%-10s %-24.17g -> [", dbl_formats_ucrt_only[i], dbl_values[j]);
            printf(dbl_formats_ucrt_only[i], dbl_values[j]);
            printf("]\n");
        }
#endif
    printf("[%s] [%10s] [%-10s] [%.2s] [%c] [%5c] [%-3c] [%%] [%5%]\n", "abc", "abc", "abc",
           "abc", 'x', 'y', 'z');
    printf("[%ls] [%hs] [%S] [%.1ls] [%lc] [%C] [%s]\n", L"wide", "narrow", L"swap", L"wq",
           (wint_t)L'W', (wint_t)L'C', (char *)NULL);
    printf("[%p] [%#p] [%20p] [%-20p]\n", (void *)0x1234abcd, (void *)0x10, (void *)0xff,
           (void *)0xff);
    printf("[%*d] [%-*d] [%.*f] [%*.*e]\n", 6, 42, 6, 42, 2, 3.14159, 12, 3, 31415.9);
    n += 4;
    printf("pairs: %u\n", n);
    return 0;
}
