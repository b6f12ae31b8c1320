/* ntdll_crt: ntdll's C runtime subset (the legacy msvcrt.dll semantics of _snprintf & co., per
 * Microsoft's "_snprintf, _snwprintf" page: a NUL only when it fits, -1 when the text does not
 * fit; swprintf without a count), looked up in ntdll.dll as programs without a CRT import them.
 * Wine 8.0 prints the same. Floating point is not tested: Wine's ntdll formats none, and whether
 * Windows' ntdll does is not documented (ours formats it as msvcrt.dll does). */
#include <stdio.h>
#include <string.h>
#include <windows.h>

typedef int (__cdecl *snprintf_fn)(char *, size_t, const char *, ...);
typedef int (__cdecl *snwprintf_fn)(WCHAR *, size_t, const WCHAR *, ...);
typedef int (__cdecl *sprintf_fn)(char *, const char *, ...);
typedef int (__cdecl *swprintf_fn)(WCHAR *, const WCHAR *, ...);
typedef size_t (__cdecl *strlen_fn)(const char *);
typedef void *(__cdecl *memset_fn)(void *, int, size_t);

int main(void)
{
    HMODULE nt = GetModuleHandleA("ntdll.dll");
    snprintf_fn snp = (snprintf_fn)GetProcAddress(nt, "_snprintf");
    snwprintf_fn snwp = (snwprintf_fn)GetProcAddress(nt, "_snwprintf");
    sprintf_fn sp = (sprintf_fn)GetProcAddress(nt, "sprintf");
    swprintf_fn swp = (swprintf_fn)GetProcAddress(nt, "swprintf");
    strlen_fn sl = (strlen_fn)GetProcAddress(nt, "strlen");
    memset_fn ms = (memset_fn)GetProcAddress(nt, "memset");
    char buf[16];
    WCHAR wbuf[16];
    int r;

    printf("found %d %d %d %d %d %d %d\n", !!snp, !!snwp, !!sp, !!swp, !!sl, !!ms,
           !!GetProcAddress(nt, "_vsnprintf"));
    ms(buf, 'x', sizeof(buf));
    r = snp(buf, sizeof(buf), "%d-%s-%04x", 42, "ab", 0xbe);
    printf("fits: %d [%s]\n", r, buf);
    ms(buf, 'x', sizeof(buf));
    r = snp(buf, 4, "%s", "abcd");
    printf("exact: %d [%.4s] after=%c\n", r, buf, buf[4]);
    ms(buf, 'x', sizeof(buf));
    r = snp(buf, 4, "%s", "abcdef");
    printf("over: %d [%.4s] after=%c\n", r, buf, buf[4]);
    r = sp(buf, "%5d|%c", -25, 'z');
    printf("sprintf: %d [%s] strlen=%u\n", r, buf, (unsigned)sl(buf));
    r = snwp(wbuf, 16, L"%ls=%d", L"w", 7);
    printf("snwprintf: %d [%ls]\n", r, wbuf);
    r = snwp(wbuf, 2, L"%d", 12345);
    printf("snwprintf over: %d\n", r);
    r = swp(wbuf, L"%S %u", "narrow", 9u);
    printf("swprintf: %d [%ls]\n", r, wbuf);
    return 0;
}
