/* runtimes: msvcrt ucrt */
/* strconv/utf8_bom_nul: a UTF-8 BOM is kept as U+FEFF; embedded NUL bytes inside an explicit
 * length are converted.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar.
 * Wine 8.0 agrees. */
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
    mb("BOM", CP_UTF8, 0, "\xef\xbb\xbfx", 4);
    mb("embedded NUL", CP_UTF8, 0, "a\0b", 3);
    mb("-1 stops at NUL", CP_UTF8, 0, "a\0b", -1);
    return 0;
}
