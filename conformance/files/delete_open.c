/* runtimes: msvcrt ucrt */
/* files/delete_open: DeleteFileW on a file open without FILE_SHARE_DELETE fails with
 * ERROR_SHARING_VIOLATION; with FILE_SHARE_DELETE it succeeds and the name is gone after the last
 * close.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-deletefilew
 * (Remarks). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "x");
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    SHOW("no share delete", DeleteFileW(L"f.txt"));
    CloseHandle(h);
    h = CreateFileW(L"f.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    SHOW("share delete", DeleteFileW(L"f.txt"));
    CloseHandle(h);
    SHOW("after close", GetFileAttributesW(L"f.txt"));
    return 0;
}
