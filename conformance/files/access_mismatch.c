/* runtimes: msvcrt ucrt */
/* files/access_mismatch: WriteFile on a handle opened for reading only, and ReadFile on one opened
 * for writing only, fail with ERROR_ACCESS_DENIED.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-writefile and
 * https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "abc");
    HANDLE r = CreateFileW(L"f.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    HANDLE w = CreateFileW(L"f.txt", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    DWORD done = 99;
    char buf[4];
    SHOW("write on read handle", WriteFile(r, "x", 1, &done, NULL));
    printf("done=%lu\n", (unsigned long)done);
    done = 99;
    SHOW("read on write handle", ReadFile(w, buf, 1, &done, NULL));
    printf("done=%lu\n", (unsigned long)done);
    CloseHandle(r);
    CloseHandle(w);
    return 0;
}
