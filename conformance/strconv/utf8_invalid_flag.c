/* runtimes: msvcrt ucrt */
/* strconv/utf8_invalid_flag: with MB_ERR_INVALID_CHARS, invalid UTF-8 fails with
 * ERROR_NO_UNICODE_TRANSLATION, also in a size query.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * (MB_ERR_INVALID_CHARS; 1113 ERROR_NO_UNICODE_TRANSLATION). Wine 8.0 agrees. */
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
    mb("lone continuation", CP_UTF8, MB_ERR_INVALID_CHARS, "a\x80", 2);
    mb("valid", CP_UTF8, MB_ERR_INVALID_CHARS, "a\xc3\xa9", 3);
    SetLastError(0xdeadbeef);
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "\xff", 1, NULL, 0);
    printf("size query: ret=%d err=%lu\n", n, (unsigned long)GetLastError());
    return 0;
}
