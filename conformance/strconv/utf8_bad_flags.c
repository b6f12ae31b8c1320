/* runtimes: msvcrt ucrt */
/* strconv/utf8_bad_flags: CP_UTF8 accepts only 0 and MB_ERR_INVALID_CHARS: MB_PRECOMPOSED or
 * MB_USEGLYPHCHARS fail with ERROR_INVALID_FLAGS.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * ("For UTF-8 ... dwFlags must be set to either 0 or MB_ERR_INVALID_CHARS. Otherwise, the function
 * fails with ERROR_INVALID_FLAGS"). Wine 8.0 ignores the flags and converts:
 * the documentation wins. */
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
    mb("MB_PRECOMPOSED", CP_UTF8, MB_PRECOMPOSED, "a", 1);
    mb("MB_USEGLYPHCHARS", CP_UTF8, MB_USEGLYPHCHARS, "a", 1);
    mb("MB_COMPOSITE", CP_UTF8, MB_COMPOSITE, "a", 1);
    return 0;
}
