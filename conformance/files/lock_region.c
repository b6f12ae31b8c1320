/* runtimes: msvcrt ucrt */
/* files/lock_region: LockFile locks a byte range: reading it through another handle fails with
 * ERROR_LOCK_VIOLATION; outside the range works; UnlockFile of an unlocked range fails with
 * ERROR_NOT_LOCKED.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-lockfile and
 * .../nf-fileapi-unlockfile. Wine 8.0 differs (it lets the other handle read the locked range and reports 33 for the second unlock); the documentation ("cannot access the specified region through this second handle") and 158 ERROR_NOT_LOCKED win. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "0123456789");
    HANDLE a = CreateFileW(L"f.txt", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    HANDLE b = CreateFileW(L"f.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    char buf[4];
    DWORD done;
    SHOW("lock", LockFile(a, 0, 0, 4, 0));
    SHOW("lock again", LockFile(a, 2, 0, 4, 0));
    SHOW("read locked", ReadFile(b, buf, 2, &done, NULL));
    SetFilePointer(b, 6, NULL, FILE_BEGIN);
    SHOW("read outside", ReadFile(b, buf, 2, &done, NULL));
    SHOW("unlock", UnlockFile(a, 0, 0, 4, 0));
    SHOW("unlock again", UnlockFile(a, 0, 0, 4, 0));
    CloseHandle(a);
    CloseHandle(b);
    return 0;
}
