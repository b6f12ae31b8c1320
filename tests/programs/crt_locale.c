/* crt_locale.c: setlocale/localeconv/_create_locale for "C" and the Windows-named locales,
 * ___lc_codepage_func and MB_CUR_MAX following LC_CTYPE, the single-byte _mbs* functions, and
 * the heap extras (_heapchk, _heapmin, the new handler, and in the UCRT _recalloc,
 * _aligned_realloc/_aligned_msize/_aligned_offset_realloc). Expected values: Microsoft Learn
 * pages "setlocale, _wsetlocale" (names "English_United States.1252", "" the user's default,
 * ".UTF8" in the UCRT only, NULL for unknown names), "localeconv", "_mbsnbcpy" (pads with
 * NULs), "_recalloc", "_aligned_realloc" (the alignment must not change), "_aligned_msize",
 * "_heapchk", "_heapmin" (0 on success), "_set_new_mode" (malloc calls the new handler).
 * Wine 8.0 agrees except: its _heapmin returns -1 (no HeapCompact), its UCRT names ".UTF8"
 * "English_United States.65001" (we say ".utf8", as the UCRT does) and its UCRT malloc does
 * not call the new handler in new mode 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <errno.h>
#include <locale.h>
#include <malloc.h>
#include <mbstring.h>
#include <mbctype.h>

typedef int (__cdecl *new_handler_t)(size_t);
#ifdef _UCRT
new_handler_t __cdecl _set_new_handler(new_handler_t);
int __cdecl _set_new_mode(int);
size_t __cdecl _aligned_msize(void *, size_t, size_t);
#else      /* msvcrt.dll exports them with their C++ names */
int __cdecl _set_new_mode(int) __asm__("\"?_set_new_mode@@YAHH@Z\"");
new_handler_t __cdecl _set_new_handler(new_handler_t) __asm__("\"?_set_new_handler@@YAP6AH_K@ZP6AH0@Z@Z\"");
#endif
int __cdecl _callnewh(size_t);

static const char *show(const char *s)
{
    return s ? s : "NULL";
}

static void locales(void)
{
    struct lconv *lc;
    const char *r;

    printf("initial: %s, code page %u, MB_CUR_MAX %d\n", setlocale(LC_ALL, NULL), ___lc_codepage_func(),
           ___mb_cur_max_func());
    r = setlocale(LC_ALL, "English_United States.1252");
    printf("English: %s, code page %u, MB_CUR_MAX %d\n", show(r), ___lc_codepage_func(), ___mb_cur_max_func());
    lc = localeconv();
    printf("lconv: '%s' '%s' grouping %d,%d '%s' '%s' '%s' %d %d %d %d %d\n", lc->decimal_point,
           lc->thousands_sep, lc->grouping[0], lc->grouping[1], lc->int_curr_symbol, lc->currency_symbol,
           lc->negative_sign, lc->frac_digits, lc->p_cs_precedes, lc->p_sep_by_space, lc->n_cs_precedes,
           lc->n_sign_posn);
    printf("by language only: %s\n", show(setlocale(LC_ALL, "english")));
    printf("numeric German: %s\n", show(setlocale(LC_NUMERIC, "German_Germany")));
    printf("  decimal '%s' thousands '%s', LC_ALL %s\n", localeconv()->decimal_point,
           localeconv()->thousands_sep, setlocale(LC_ALL, NULL));
    printf("unknown: %s\n", show(setlocale(LC_ALL, "Klingon_Kronos")));
    r = setlocale(LC_ALL, ".UTF8");
    printf(".UTF8: %s\n", show(r));
    printf("  code page %u, MB_CUR_MAX %d\n", ___lc_codepage_func(), ___mb_cur_max_func());
    r = setlocale(LC_ALL, "C");
    printf("C: %s, code page %u, decimal '%s'\n", r, ___lc_codepage_func(), localeconv()->decimal_point);
    r = setlocale(LC_ALL, "");
    printf("user default: %s, code page consistent: %s\n", r ? "set" : "NULL",
           r && strrchr(r, '.') && (unsigned)atoi(strrchr(r, '.') + 1) == ___lc_codepage_func() ? "yes" : "no");
    setlocale(LC_ALL, "C");
    _locale_t loc = _create_locale(LC_ALL, "English_United Kingdom.1252");
    printf("_create_locale: %s; bad name: %s\n", loc ? "made" : "NULL",
           _create_locale(LC_ALL, "Nowhere") ? "made" : "NULL");
    _free_locale(loc);
}

static void mbs(void)
{
    const unsigned char *s = (const unsigned char *)"hello, world";
    unsigned char buf[8], text[] = "a,b;;c";

    printf("_mbslen %u _mbschr %d _mbsrchr %d _mbsstr %d\n", (unsigned)_mbslen(s),
           (int)(_mbschr(s, 'o') - s), (int)(_mbsrchr(s, 'o') - s), (int)(_mbsstr(s, (const unsigned char *)"wor") - s));
    printf("_mbscmp %d %d _mbsicmp %d %d\n", _mbscmp((const unsigned char *)"abc", (const unsigned char *)"abd"),
           _mbscmp(s, s), _mbsicmp((const unsigned char *)"HeLLo", (const unsigned char *)"hello"),
           _mbsicmp((const unsigned char *)"b", (const unsigned char *)"A"));
    memset(buf, 'z', sizeof(buf));
    _mbsnbcpy(buf, (const unsigned char *)"xy", 5);
    printf("_mbsnbcpy: %s %d %d %c\n", buf, buf[3], buf[4], buf[5]);
    printf("_mbstok:");
    for (unsigned char *t = _mbstok(text, (const unsigned char *)",;"); t; t = _mbstok(NULL, (const unsigned char *)",;"))
        printf(" [%s]", t);
    printf("\n_ismbblead(0x81) %d, _getmbcp %d, _mbsinc +%d\n", _ismbblead(0x81), _getmbcp(),
           (int)(_mbsinc(s) - s));
}

static int handler_calls;
static int __cdecl handler(size_t size)
{
    handler_calls++;
    return 0;
}

static void heap(void)
{
    int chk = _heapchk();
    printf("_heapchk %d, _heapmin %d\n", chk, _heapmin());
    _set_new_handler(handler);
    int called = _callnewh(5);
    printf("_callnewh -> %d (calls %d)\n", called, handler_calls);
    _set_new_mode(1);
    void *p = malloc((size_t)1 << 62);
    printf("malloc of 2^62 in new mode 1: %s, handler calls %d\n", p ? "block" : "NULL", handler_calls);
    _set_new_mode(0);
    _set_new_handler(NULL);
#ifdef _UCRT
    char *c = calloc(4, 1);
    memset(c, 'x', 4);
    c = _recalloc(c, 8, 1);
    printf("_recalloc: %.4s %d %d %d %d\n", c, c[4], c[5], c[6], c[7]);
    free(c);
    errno = 0;
    c = _recalloc(NULL, SIZE_MAX / 2, 4);
    printf("_recalloc overflow: %s errno %d\n", c ? "block" : "NULL", errno);
    char *a = _aligned_malloc(100, 64);
    strcpy(a, "kept");
    printf("_aligned_malloc: aligned %d, _aligned_msize %u\n", !((uintptr_t)a & 63), (unsigned)_aligned_msize(a, 64, 0));
    a = _aligned_realloc(a, 5000, 64);     /* the same alignment: changing it is an error */
    printf("_aligned_realloc: aligned %d, %s, _aligned_msize %u\n", !((uintptr_t)a & 63), a,
           (unsigned)_aligned_msize(a, 64, 0));
    _aligned_free(a);
    a = _aligned_offset_malloc(100, 32, 8);
    strcpy(a, "offset");
    a = _aligned_offset_realloc(a, 200, 32, 8);
    printf("_aligned_offset_realloc: (p + 8) aligned %d, %s\n", !(((uintptr_t)a + 8) & 31), a);
    _aligned_free(a);
#endif
}

int main(void)
{
    locales();
    mbs();
    heap();
    return 0;
}
