/* runtimes: msvcrt ucrt */
/* files/flush: FlushFileBuffers succeeds on a file opened for writing; on a read-only handle it
 * fails with ERROR_ACCESS_DENIED.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-flushfilebuffers
 * ("The handle must have the GENERIC_WRITE access right"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileW(L"f.txt", GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_NEW, 0, NULL);
    DWORD done;
    WriteFile(h, "x", 1, &done, NULL);
    SHOW("write handle", FlushFileBuffers(h));
    HANDLE r = CreateFileW(L"f.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    SHOW("read handle", FlushFileBuffers(r));
    CloseHandle(r);
    CloseHandle(h);
    return 0;
}
