/* runtimes: msvcrt ucrt */
/* strconv/cp1252_best_fit: by default WideCharToMultiByte(1252) maps some characters to a "best
 * fit" (A-macron to A); WC_NO_BEST_FIT_CHARS gives the default character instead.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-widechartomultibyte
 * (WC_NO_BEST_FIT_CHARS) and https://learn.microsoft.com/windows/win32/intl/code-pages (best fit).
 * The best-fit table entries are per Wine 8.0 (which follows Microsoft's published
 * bestfit1252.txt). */
#include "common.h"

/* Converts and prints "label: ret=N err=E used=U" and the bytes produced. */
static void wc(const char *label, UINT cp, DWORD flags, const WCHAR *s, int len, const char *def, BOOL *used)
{
    char buf[64];
    poison(buf, sizeof(buf));
    if (used)
        *used = 7;
    SetLastError(0xdeadbeef);
    int n = WideCharToMultiByte(cp, flags, s, len, buf, 64, def, used);
    DWORD err = GetLastError();
    printf("%s: ret=%d err=%lu", label, n, (unsigned long)err);
    if (used)
        printf(" used=%d", *used);
    printf(" [");
    for (int i = 0; i < n; i++)
        printf("%s%02x", i ? " " : "", (unsigned char)buf[i]);
    printf("]\n");
}

int main(void)
{
    BOOL used;
    wc("A-macron", 1252, 0, L"\x0100", 1, NULL, &used);
    wc("A-macron no best fit", 1252, WC_NO_BEST_FIT_CHARS, L"\x0100", 1, NULL, &used);
    wc("fullwidth A", 1252, 0, L"\xff21", 1, NULL, &used);
    return 0;
}
