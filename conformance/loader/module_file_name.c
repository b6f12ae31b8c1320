/* runtimes: msvcrt ucrt */
/* loader/module_file_name: GetModuleFileNameW(NULL) ends with the program's file name; a too-small
 * buffer is filled, terminated, and the call returns nSize with ERROR_INSUFFICIENT_BUFFER.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-getmodulefilenamew
 * (Return value). Wine 8.0 differs (it does not terminate the truncated name); the documentation ("truncated to nSize characters including the terminating null character") wins. */
#include "common.h"

int main(void)
{
    WCHAR buf[MAX_PATH];
    DWORD n = GetModuleFileNameW(NULL, buf, MAX_PATH);
    const WCHAR *base = wcsrchr(buf, '\\');
    printf("n=len=%d base=", n == wcslen(buf));
    print_w(base ? base + 1 : buf, -1);
    printf("\n");
    poison(buf, sizeof(buf));
    SetLastError(0xdeadbeef);
    n = GetModuleFileNameW(NULL, buf, 5);
    printf("small: n=%lu err=%lu terminated=%d\n", (unsigned long)n, (unsigned long)GetLastError(), buf[4] == 0);
    return 0;
}
