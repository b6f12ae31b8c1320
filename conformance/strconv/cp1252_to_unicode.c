/* runtimes: msvcrt ucrt */
/* strconv/cp1252_to_unicode: code page 1252 bytes 0x80-0x9F map to the Windows-1252 characters
 * (0x80 euro, 0x85 ellipsis, 0x9F Y-diaeresis); the five unassigned bytes map to U+0081 etc.
 * Expected per https://learn.microsoft.com/windows/win32/intl/code-page-identifiers and the code
 * page 1252 table (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT,
 * bestfit for the unassigned bytes). Wine 8.0 agrees. */
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
    mb("80 85 9f", 1252, 0, "\x80\x85\x9f", 3);
    mb("81 8d 8f 90 9d", 1252, 0, "\x81\x8d\x8f\x90\x9d", 5);
    mb("a0 e9 ff", 1252, 0, "\xa0\xe9\xff", 3);
    return 0;
}
