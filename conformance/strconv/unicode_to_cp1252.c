/* runtimes: msvcrt ucrt */
/* strconv/unicode_to_cp1252: WideCharToMultiByte(1252): mapped characters, an unmappable one (the
 * default "?"), the lpUsedDefaultChar report, and a caller default character.
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
    BOOL used;
    wc("euro e-acute", 1252, 0, L"\x20ac\x00e9", 2, NULL, &used);
    wc("CJK", 1252, 0, L"\x65e5", 1, NULL, &used);
    wc("CJK default *", 1252, 0, L"\x65e5", 1, "*", &used);
    return 0;
}
