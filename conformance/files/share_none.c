/* runtimes: msvcrt ucrt */
/* files/share_none: a file open with share mode 0 cannot be opened again (ERROR_SHARING_VIOLATION)
 * until it is closed.
 * Expected per https://learn.microsoft.com/windows/win32/fileio/creating-and-opening-files
 * (sharing table) and https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    SetLastError(0xdeadbeef);
    HANDLE h2 = CreateFileW(L"f.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    printf("second: %s err=%lu\n", h2 == INVALID_HANDLE_VALUE ? "INVALID" : "handle", (unsigned long)GetLastError());
    CloseHandle(h);
    h2 = CreateFileW(L"f.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    printf("after close: %s\n", h2 == INVALID_HANDLE_VALUE ? "INVALID" : "handle");
    CloseHandle(h2);
    return 0;
}
