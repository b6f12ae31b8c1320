/* runtimes: msvcrt ucrt */
/* strconv/mb_buffer_sizes: MultiByteToWideChar: the size query, an exact buffer, a buffer one
 * short (ERROR_INSUFFICIENT_BUFFER), with and without the terminator.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * (Return value). Wine 8.0 agrees except on the last line (it
 * returns 1, half a surrogate pair): the documentation wins (ERROR_INSUFFICIENT_BUFFER, "returns
 * 0 if it does not succeed"). */
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
    WCHAR buf[8];
    SHOW("query -1", MultiByteToWideChar(CP_UTF8, 0, "abc", -1, NULL, 0));
    SHOW("exact -1", MultiByteToWideChar(CP_UTF8, 0, "abc", -1, buf, 4));
    SHOW("short -1", MultiByteToWideChar(CP_UTF8, 0, "abc", -1, buf, 3));
    SHOW("exact 3", MultiByteToWideChar(CP_UTF8, 0, "abc", 3, buf, 3));
    SHOW("short 3", MultiByteToWideChar(CP_UTF8, 0, "abc", 3, buf, 2));
    SHOW("surrogate pair needs 2", MultiByteToWideChar(CP_UTF8, 0, "\xf0\x9f\x98\x80", 4, buf, 1));
    return 0;
}
