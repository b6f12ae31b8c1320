/* runtimes: msvcrt ucrt */
/* strconv/cp437_oem: code page 437 (OEM United States): 0x80 is C-cedilla, 0xB0 a light shade,
 * 0xE1 sharp s, 0x01 the smiley only with MB_USEGLYPHCHARS.
 * Expected per https://learn.microsoft.com/windows/win32/intl/code-page-identifiers and
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * (MB_USEGLYPHCHARS). Wine 8.0 agrees. */
#include "common.h"

/* Converts and prints "label: ret=N err=E" and the UTF-16 units produced. */
static void mb(const char *label, UINT cp, DWORD flags, const char *s, int len)
{
    WCHAR buf[64];
    poison(buf, sizeof(buf));
    SetLastError(0xdeadbeef);
    int n = MultiByteToWideChar(cp, flags, s, len, buf, 64);
    DWORD err = GetLastError();
    printf("%s: ret=%d err=%lu [", label, n, (unsigned long)err);
    for (int i = 0; i < n; i++)
        printf("%s%04x", i ? " " : "", (unsigned)buf[i]);
    printf("]\n");
}

int main(void)
{
    mb("80 b0 e1", 437, 0, "\x80\xb0\xe1", 3);
    mb("01 plain", 437, 0, "\x01", 1);
    mb("01 glyph", 437, MB_USEGLYPHCHARS, "\x01", 1);
    return 0;
}
