/* runtimes: msvcrt ucrt */
/* paths/curdir_small_buffer: GetCurrentDirectoryW with a too-small buffer returns the size needed
 * including the terminator.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-setcurrentdirectory and
 * https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-getcurrentdirectory. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    WCHAR buf[4];
    DWORD need = GetCurrentDirectoryW(0, NULL);
    poison(buf, sizeof(buf));
    DWORD n = GetCurrentDirectoryW(4, buf);
    printf("same as size query=%d bigger than buffer=%d\n", n == need, n > 4);
    char abuf[4];
    DWORD na = GetCurrentDirectoryA(4, abuf);
    printf("ansi same=%d\n", na == need);
    return 0;
}
