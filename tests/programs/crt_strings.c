/* crt_strings.c: the _s string functions with the invalid-parameter handler, strtok_s/wcstok_s,
 * _strset/_strnset, the wide string functions (wcsspn, wcscspn, wcspbrk, wcsncat, _wcsrev,
 * _wcsupr, _wcslwr) and wide integer conversions (wcstol, wcstoul, _wcstoi64, _wtoi, _itow...),
 * on both runtimes (ucrt.list). Expected values from learn.microsoft.com: "strcpy_s, wcscpy_s,
 * _mbscpy_s" (EINVAL / ERANGE, dst[0] = 0), "strncpy_s..." (_TRUNCATE -> STRUNCATE 80),
 * "strcat_s...", "strtok_s...", "_strset...", "strtol, wcstol..." (saturation with ERANGE 34,
 * endptr at the start when nothing converts), "_itoa, _itow...", "qsort_s" (context first;
 * NULL base with a count: EINVAL through the handler). Checked under Wine (same
 * output on both). The handler is called only under the UCRT (crt_strings.ucrt.expected):
 * mingw-w64 links its own _set_invalid_parameter_handler emulation for msvcrt.dll programs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <errno.h>

static int calls;

static int __cdecl by_key(void *ctx, const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    ++*(int *)ctx;
    return *(const int *)((const char *)ctx + sizeof(int)) ? (y > x) - (y < x) : (x > y) - (x < y);
}

static void handler(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line,
                    uintptr_t r)
{
    calls++;
}

int main(void)
{
    char buf[8], tok[] = " a,b;;c ", *ctx, *t;
    wchar_t wbuf[32], wtok[] = L"one two  three", *wctx, *wt, *wend;
    int r;

    _set_invalid_parameter_handler(handler);
    r = strcpy_s(buf, sizeof(buf), "abc");
    printf("strcpy_s ok: %d [%s] calls %d\n", r, buf, calls);
    r = strcpy_s(buf, 3, "abcdef");
    printf("strcpy_s too small: %d [%s] calls %d\n", r, buf, calls);
    r = strcpy_s(buf, sizeof(buf), NULL);
    printf("strcpy_s NULL src: %d [%s] calls %d\n", r, buf, calls);
    r = strcpy_s(NULL, 5, "x");
    printf("strcpy_s NULL dst: %d calls %d\n", r, calls);
    r = strncpy_s(buf, sizeof(buf), "abcdefghijk", _TRUNCATE);
    printf("strncpy_s _TRUNCATE: %d [%s]\n", r, buf);
    r = strncpy_s(buf, sizeof(buf), "abcdefghijk", 3);
    printf("strncpy_s 3: %d [%s]\n", r, buf);
    r = strcat_s(buf, sizeof(buf), "1234");
    printf("strcat_s: %d [%s]\n", r, buf);
    r = strcat_s(buf, sizeof(buf), "5");
    printf("strcat_s too small: %d [%s] calls %d\n", r, buf, calls);
    strcpy(buf, "ab");
    r = strncat_s(buf, sizeof(buf), "cdefghij", _TRUNCATE);
    printf("strncat_s _TRUNCATE: %d [%s]\n", r, buf);

    for (t = strtok_s(tok, " ,;", &ctx); t; t = strtok_s(NULL, " ,;", &ctx))
        printf("token [%s]\n", t);
    strcpy(buf, "hello");
    _strnset(buf, 'x', 2);
    printf("_strnset: [%s]\n", buf);
    _strset(buf, 'y');
    printf("_strset: [%s]\n", buf);

    for (wt = wcstok_s(wtok, L" ", &wctx); wt; wt = wcstok_s(NULL, L" ", &wctx))
        printf("wtoken [%ls]\n", wt);
    printf("wcsspn %u wcscspn %u wcspbrk [%ls]\n", (unsigned)wcsspn(L"aabbc", L"ab"),
           (unsigned)wcscspn(L"xyz:abc", L":"), wcspbrk(L"key=value", L"=:"));
    wcscpy(wbuf, L"abc");
    wcsncat(wbuf, L"defgh", 2);
    printf("wcsncat [%ls]", wbuf);
    printf(" _wcsrev [%ls]", _wcsrev(wbuf));
    printf(" _wcsupr [%ls]", _wcsupr(wbuf));
    printf(" _wcslwr [%ls]\n", _wcslwr(wbuf));
    r = wcscpy_s(wbuf, 3, L"long");
    printf("wcscpy_s too small: %d [%ls] calls %d\n", r, wbuf, calls);

    errno = 0;
    printf("wcstol [%ld]", wcstol(L"  -1234xyz", &wend, 10));
    printf(" end [%ls] errno %d\n", wend, errno);
    printf("wcstol overflow [%ld]", wcstol(L"99999999999", NULL, 10));
    printf(" errno %d\n", errno);
    errno = 0;
    printf("wcstoul hex [%lu] _wcstoi64 [%lld] _wcstoui64 [%llu]\n", wcstoul(L"0x1F", NULL, 0),
           _wcstoi64(L"-9223372036854775808", NULL, 10), _wcstoui64(L"777", NULL, 8));
    wend = NULL;
    printf("wcstol nothing [%ld]", wcstol(L"  zz", &wend, 10));
    printf(" end at start: %s\n", wend && wcscmp(wend, L"  zz") == 0 ? "yes" : "no");
    printf("_wtoi [%d] _wtol [%ld] _wtoi64 [%lld]\n", _wtoi(L"42abc"), _wtol(L"-7"),
           _wtoi64(L"123456789012"));
    printf("_itow [%ls]", _itow(-255, wbuf, 16));
    printf(" [%ls]", _itow(-255, wbuf, 10));
    printf(" _i64tow [%ls]", _i64tow(-1234567890123LL, wbuf, 10));
    printf(" _ultow [%ls]\n", _ultow(255, wbuf, 2));

    {
        int ctx[2] = { 0, 1 }, v[12] = { 5, 3, 9, 1, 7, 2, 8, 6, 4, 0, 11, 10 };
        qsort_s(v, 12, sizeof(int), by_key, ctx);
        printf("qsort_s descending:");
        for (int i = 0; i < 12; i++)
            printf(" %d", v[i]);
        printf(" (compared: %s)\n", ctx[0] > 0 ? "yes" : "no");
        qsort_s(NULL, 3, sizeof(int), by_key, ctx);
        printf("qsort_s(NULL, 3): errno %d calls %d\n", errno, calls);
    }
    return 0;
}
