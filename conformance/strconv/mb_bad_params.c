/* runtimes: msvcrt ucrt */
/* strconv/mb_bad_params: MultiByteToWideChar parameter errors: NULL input, a length of -2 (works as -1), an
 * unknown code page, a negative output size.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * (ERROR_INVALID_PARAMETER "Any of the parameter values was invalid"). A negative length other than -1 is
 * not an error: it works as -1 (the Windows 10 results in ReactOS's MultiByteToWideChar apitest:
 * "a" with -2 and -3 gives 2). Wine 8.0 agrees. */
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
    SHOW("NULL input", MultiByteToWideChar(CP_UTF8, 0, NULL, 3, buf, 8));
    SHOW("length -2", MultiByteToWideChar(CP_UTF8, 0, "abc", -2, buf, 8));
    SHOW("code page 12345", MultiByteToWideChar(12345, 0, "abc", 3, buf, 8));
    SHOW("output size -1", MultiByteToWideChar(CP_UTF8, 0, "abc", 3, buf, -1));
    SHOW("NULL output with size", MultiByteToWideChar(CP_UTF8, 0, "abc", 3, NULL, 8));
    return 0;
}
