/* runtimes: msvcrt ucrt */
/* strconv/utf8_beyond_10ffff: 4-byte sequences above U+10FFFF (F4 90 80 80) and 5-byte forms are
 * invalid; U+10FFFF itself is a surrogate pair.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * (MB_ERR_INVALID_CHARS: "Windows Vista and later: ... replaces illegal sequences with U+FFFD")
 * and RFC 3629. The number of U+FFFD follows Unicode's "U+FFFD Substitution of Maximal Subparts"
 * (https://www.unicode.org/versions/latest/ chapter 3.9: one U+FFFD per maximal subpart of an
 * ill-formed sequence), which the Windows 10 results recorded in ReactOS's MultiByteToWideChar
 * apitest also follow (not yet recorded on Windows for these bytes).
 * Wine 8.0 replaces some of these sequences with fewer U+FFFD: Unicode's rule wins. */
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
    mb("F4 8F BF BF", CP_UTF8, 0, "\xf4\x8f\xbf\xbf", 4);
    mb("F4 90 80 80", CP_UTF8, 0, "\xf4\x90\x80\x80", 4);
    mb("F8 88 80 80 80", CP_UTF8, 0, "\xf8\x88\x80\x80\x80", 5);
    return 0;
}
