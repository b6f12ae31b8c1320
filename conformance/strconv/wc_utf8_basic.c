/* runtimes: msvcrt ucrt */
/* strconv/wc_utf8_basic: WideCharToMultiByte(CP_UTF8): 1- to 4-byte forms, the size query with -1
 * counting the terminator.
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
    BOOL *none = NULL;
    wc("ascii", CP_UTF8, 0, L"az", 2, NULL, none);
    wc("2 bytes", CP_UTF8, 0, L"\x00e9\x07ff", 2, NULL, none);
    wc("3 bytes", CP_UTF8, 0, L"\x20ac\xffff", 2, NULL, none);
    wc("pair", CP_UTF8, 0, L"\xd83d\xde00", 2, NULL, none);
    SHOW("query -1", WideCharToMultiByte(CP_UTF8, 0, L"\x20ac", -1, NULL, 0, NULL, NULL));
    return 0;
}
