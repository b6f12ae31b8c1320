/* runtimes: msvcrt ucrt */
/* files/read_share_after_write: data written through one handle is visible through another handle
 * on the same file at once.
 * Expected per https://learn.microsoft.com/windows/win32/fileio/file-caching (a single system
 * cache per file). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE w = CreateFileW(L"f.txt", GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_NEW, 0, NULL);
    HANDLE r = CreateFileW(L"f.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    DWORD done;
    WriteFile(w, "hello", 5, &done, NULL);
    char buf[8];
    done = 0;
    ReadFile(r, buf, 8, &done, NULL);
    printf("read %lu [", (unsigned long)done);
    print_a(buf, (int)done);
    printf("]\n");
    CloseHandle(w);
    CloseHandle(r);
    return 0;
}
