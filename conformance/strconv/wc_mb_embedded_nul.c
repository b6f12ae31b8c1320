/* runtimes: msvcrt ucrt */
/* strconv/wc_mb_embedded_nul: WideCharToMultiByte with an explicit length converts embedded NULs;
 * with -1 it stops after the first and counts it.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-widechartomultibyte.
 * Wine 8.0 agrees. */
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
    wc("explicit", CP_UTF8, 0, L"a\0b", 3, NULL, NULL);
    wc("-1", CP_UTF8, 0, L"a\0b", -1, NULL, NULL);
    wc("zero length", CP_UTF8, 0, L"a", 0, NULL, NULL);
    return 0;
}
