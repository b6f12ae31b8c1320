/* runtimes: msvcrt ucrt */
/* strconv/wc_buffer_sizes: WideCharToMultiByte: an exact buffer succeeds; one byte short fails
 * with ERROR_INSUFFICIENT_BUFFER, also when only a multi-byte character does not fit.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-widechartomultibyte
 * (Return value). The last line passes the same buffer as input and
 * output, which the page's Remarks say fails with ERROR_INVALID_PARAMETER. Wine 8.0 agrees
 * except on that line (it converts): the documentation wins. */
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
    char buf[8];
    SHOW("exact", WideCharToMultiByte(CP_UTF8, 0, L"ab\x20ac", 3, buf, 5, NULL, NULL));
    SHOW("short", WideCharToMultiByte(CP_UTF8, 0, L"ab\x20ac", 3, buf, 4, NULL, NULL));
    SHOW("terminator", WideCharToMultiByte(CP_UTF8, 0, L"ab", -1, buf, 2, NULL, NULL));
    SHOW("NULL input", WideCharToMultiByte(CP_UTF8, 0, NULL, 1, buf, 8, NULL, NULL));
    SHOW("same buffer", WideCharToMultiByte(CP_UTF8, 0, (LPCWSTR)buf, 1, buf, 8, NULL, NULL));
    return 0;
}
