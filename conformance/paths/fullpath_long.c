/* runtimes: msvcrt ucrt */
/* paths/fullpath_long: GetFullPathNameW handles results longer than MAX_PATH (the W functions are
 * not limited to it).
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfullpathnamew
 * ("In the ANSI version ... limited to MAX_PATH"; the Unicode version is not). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    WCHAR in[600], buf[700];
    wcscpy(in, L"C:");
    for (int i = 0; i < 50; i++)
        wcscat(in, L"\\abcdefghij");
    DWORD n = GetFullPathNameW(in, 700, buf, NULL);
    printf("length=%lu same=%d\n", (unsigned long)n, wcscmp(in, buf) == 0);
    SHOW("small", GetFullPathNameW(in, 260, buf, NULL));
    return 0;
}
