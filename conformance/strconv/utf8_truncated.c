/* runtimes: msvcrt ucrt */
/* strconv/utf8_truncated: a multi-byte sequence cut off by the end of the input, or by an ASCII
 * byte, is invalid; the following character survives.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * (MB_ERR_INVALID_CHARS: "Windows Vista and later: ... replaces illegal sequences with U+FFFD").
 * The number of U+FFFD follows Unicode's "U+FFFD Substitution of Maximal Subparts"
 * (https://www.unicode.org/versions/latest/ chapter 3.9: one U+FFFD per maximal subpart of an
 * ill-formed sequence), which the Windows 10 results recorded in ReactOS's MultiByteToWideChar
 * apitest also follow (not yet recorded on Windows for these bytes). Wine 8.0 agrees. */
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
    mb("E2 82 at end", CP_UTF8, 0, "a\xe2\x82", 3);
    mb("C3 then (", CP_UTF8, 0, "\xc3\x28", 2);
    mb("F0 9F 98 then A", CP_UTF8, 0, "\xf0\x9f\x98" "A", 4);
    return 0;
}
