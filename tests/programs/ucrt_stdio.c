/* ucrt_stdio.c: the UCRT's formatted I/O through __stdio_common_v* (built against the UCRT only).
 * Expected values: learn.microsoft.com "Format specification syntax: printf and wprintf
 * functions" (two-digit exponents, inf/nan spellings since VS2015), "snprintf, _snprintf..."
 * (snprintf returns the full length; _snprintf -1 when truncated, no NUL), "sprintf_s..."
 * (buffer too small: empty string, invalid-parameter handler, -1), "_snprintf_s..." (_TRUNCATE),
 * "_set_printf_count_output" (%n disabled by default), "scanf_s..." (buffer sizes),
 * "quick_exit", "at_quick_exit"; checked under Wine's ucrtbase.dll. Where Wine differs, the
 * documentation wins: Wine prints %hhd of 300 as 300 (the size table: hh is char, so 44);
 * Wine's sprintf_s leaves "abcd" unterminated without calling the handler (the sprintf_s page:
 * empty string, handler, -1; errno ERANGE as for the other _s buffer errors); Wine prints the
 * "5" before the rejected %n (we format a call's output first and drop it on failure: a known
 * difference, docs/crt.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>

static int handler_calls;

static void handler(const wchar_t *expr, const wchar_t *func, const wchar_t *file, unsigned line,
                    uintptr_t reserved)
{
    handler_calls++;
}

static void at_quick(void)
{
    printf("at_quick_exit handler\n");
    fflush(stdout);
}

static void at_exit(void)
{
    printf("atexit handler (must not run)\n");
}

int main(void)
{
    char buf[16];
    wchar_t wbuf[16];
    int ret, n = -1, i1 = 0;
    char s1[4], s2[8];
    double inf = HUGE_VAL, nan_ = NAN;

    _set_invalid_parameter_handler(handler);

    printf("[%e] [%E] [%g] [%.3e]\n", 1e10, 1e-5, 1e100, 12345.678);
    printf("[%f] [%" "F] [%e] [%g] [%5.1f] [%+f]\n", inf, inf, -inf, nan_, -nan_, inf);
    printf("[%a] [%.2a] [%A]\n", 1.0, 1.0 / 3, 255.5);
    printf("[%zu] [%lld] [%hhd] [%jd] [%td] [%I64x]\n", (size_t)42, -5LL, 300, (intmax_t)7,
           (ptrdiff_t)-3, 0xabcULL);

    ret = snprintf(buf, 8, "%s", "abcdefghij");
    printf("snprintf: %d [%s]\n", ret, buf);
    memset(buf, 'x', sizeof(buf));
    ret = _snprintf(buf, 4, "%s", "abcdef");
    printf("_snprintf: %d [%.6s]\n", ret, buf);
    ret = snprintf(NULL, 0, "%d", 123456);
    printf("snprintf(NULL, 0): %d\n", ret);

    errno = 0;
    ret = sprintf_s(buf, 4, "%s", "abcdef");
    printf("sprintf_s too small: %d errno %d handler %d [%s]\n", ret, errno, handler_calls, buf);
    ret = sprintf_s(buf, sizeof(buf), "%d-%s", 12, "ab");
    printf("sprintf_s: %d [%s]\n", ret, buf);
    ret = _snprintf_s(buf, sizeof(buf), _TRUNCATE, "%s", "0123456789abcdefghij");
    printf("_snprintf_s _TRUNCATE: %d [%s] handler %d\n", ret, buf, handler_calls);
    ret = _snprintf_s(buf, sizeof(buf), 3, "%s", "abcdef");
    printf("_snprintf_s count 3: %d [%s] handler %d\n", ret, buf, handler_calls);

    errno = 0;
    ret = printf("%d%n\n", 5, &n);
    printf("%%n disabled: ret %d n %d errno %d handler %d\n", ret, n, errno, handler_calls);
    _set_printf_count_output(1);
    ret = printf("abc%n\n", &n);
    printf("%%n enabled: ret %d n %d get %d\n", ret, n, _get_printf_count_output());

    ret = swprintf(wbuf, 16, L"%ls|%d|%hs", L"wide", 42, "nar");
    printf("swprintf: %d [%ls]\n", ret, wbuf);
    ret = swprintf(wbuf, 4, L"%s", L"abcdef");
    printf("swprintf too small: %d\n", ret);
    ret = wprintf(L"wprintf %s %c %hs\n", L"wide", L'W', "narrow");
    printf("wprintf returned %d\n", ret);
    ret = fwprintf(stdout, L"%5.2f|%-4d|\n", 3.14159, 7);
    printf("fwprintf returned %d\n", ret);

    ret = sscanf("12 abc defghijk", "%d %3s %7s", &i1, s1, s2);
    printf("sscanf: %d %d [%s] [%s]\n", ret, i1, s1, s2);
    memset(s2, 'x', sizeof(s2));
    ret = sscanf_s("ab longword", "%s %s", s1, (unsigned)sizeof(s1), s2, 4u);
    printf("sscanf_s: %d [%s] [%s]\n", ret, s1, s2);

    at_quick_exit(at_quick);
    atexit(at_exit);
    printf("quick_exit(7)\n");
    fflush(stdout);
    quick_exit(7);
}
