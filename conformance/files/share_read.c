/* runtimes: msvcrt ucrt */
/* files/share_read: FILE_SHARE_READ lets a second reader in but not a writer; the second opener
 * must also share the access of the first.
 * Expected per https://learn.microsoft.com/windows/win32/fileio/creating-and-opening-files
 * (sharing table). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "x");
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    struct { const char *label; DWORD access, share; } t[] = {
        { "read/share read", GENERIC_READ, FILE_SHARE_READ },
        { "write/share read", GENERIC_WRITE, FILE_SHARE_READ },
        { "read/share write", GENERIC_READ, FILE_SHARE_WRITE },
        { "read/share rw", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE },
    };
    for (int i = 0; i < 4; i++) {
        SetLastError(0xdeadbeef);
        HANDLE h2 = CreateFileW(L"f.txt", t[i].access, t[i].share, NULL, OPEN_EXISTING, 0, NULL);
        printf("%s: %s err=%lu\n", t[i].label, h2 == INVALID_HANDLE_VALUE ? "INVALID" : "handle",
               h2 == INVALID_HANDLE_VALUE ? (unsigned long)GetLastError() : 0ul);
        if (h2 != INVALID_HANDLE_VALUE)
            CloseHandle(h2);
    }
    CloseHandle(h);
    return 0;
}
