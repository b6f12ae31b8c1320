/* runtimes: msvcrt ucrt */
/* paths/curdir_roundtrip: SetCurrentDirectoryW to a subfolder (relative), GetCurrentDirectoryW
 * size query (with terminator) and result (without), and a relative name resolved against it.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-setcurrentdirectory and
 * https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-getcurrentdirectory. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    init_cwd();
    CreateDirectoryW(L"sub", NULL);
    SHOW("set", SetCurrentDirectoryW(L"sub"));
    WCHAR buf[MAX_PATH];
    DWORD need = GetCurrentDirectoryW(0, NULL);
    DWORD n = GetCurrentDirectoryW(MAX_PATH, buf);
    printf("need=n+1: %d\n", need == n + 1);
    print_path_w(buf);
    printf("\n");
    SHOW("set trailing slash", SetCurrentDirectoryW(L"..\\sub\\"));
    n = GetCurrentDirectoryW(MAX_PATH, buf);
    print_path_w(buf);
    printf(" ends with backslash=%d\n", buf[n - 1] == '\\');
    SHOW("set parent", SetCurrentDirectoryW(L".."));
    n = GetCurrentDirectoryW(MAX_PATH, buf);
    print_path_w(buf);
    printf("\n");
    return 0;
}
