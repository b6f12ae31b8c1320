/* runtimes: msvcrt ucrt */
/* files/find_missing: FindFirstFileW with no match fails with ERROR_FILE_NOT_FOUND; in a missing
 * folder with ERROR_PATH_NOT_FOUND.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-findfirstfilew.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    WIN32_FIND_DATAW fd;
    SetLastError(0xdeadbeef);
    HANDLE h = FindFirstFileW(L"*.none", &fd);
    printf("no match: %s err=%lu\n", h == INVALID_HANDLE_VALUE ? "INVALID" : "handle", (unsigned long)GetLastError());
    SetLastError(0xdeadbeef);
    h = FindFirstFileW(L"nodir\\*", &fd);
    printf("missing dir: %s err=%lu\n", h == INVALID_HANDLE_VALUE ? "INVALID" : "handle", (unsigned long)GetLastError());
    return 0;
}
