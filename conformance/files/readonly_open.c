/* runtimes: msvcrt ucrt */
/* files/readonly_open: opening a read-only file for writing fails with ERROR_ACCESS_DENIED;
 * reading works.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilew and
 * https://learn.microsoft.com/windows/win32/fileio/file-attribute-constants
 * (FILE_ATTRIBUTE_READONLY). Wine 8.0 running as root differs (it opens the file for writing); the documentation wins. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "x");
    SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_READONLY);
    SetLastError(0xdeadbeef);
    HANDLE h = CreateFileW(L"f.txt", GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("write open: %s err=%lu\n", h == INVALID_HANDLE_VALUE ? "INVALID" : "handle", (unsigned long)GetLastError());
    h = CreateFileW(L"f.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("read open: %s\n", h == INVALID_HANDLE_VALUE ? "INVALID" : "handle");
    CloseHandle(h);
    SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_NORMAL);
    return 0;
}
