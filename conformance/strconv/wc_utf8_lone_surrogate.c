/* runtimes: msvcrt ucrt */
/* strconv/wc_utf8_lone_surrogate: a lone surrogate becomes EF BF BD (U+FFFD) without
 * WC_ERR_INVALID_CHARS, and fails with ERROR_NO_UNICODE_TRANSLATION with it.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-widechartomultibyte
 * (WC_ERR_INVALID_CHARS: "Windows Vista and later: Fail if an invalid input character is
 * encountered"; otherwise replaced by U+FFFD). Wine 8.0 agrees. */
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
    wc("lone high", CP_UTF8, 0, L"a\xd800" L"b", 3, NULL, NULL);
    wc("lone low", CP_UTF8, 0, L"\xdc00", 1, NULL, NULL);
    wc("reversed pair", CP_UTF8, 0, L"\xde00\xd83d", 2, NULL, NULL);
    wc("flag lone high", CP_UTF8, WC_ERR_INVALID_CHARS, L"a\xd800", 2, NULL, NULL);
    return 0;
}
