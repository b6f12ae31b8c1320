/* runtimes: msvcrt ucrt */
/* files/seek_errors: SetFilePointer to a negative position fails with ERROR_NEGATIVE_SEEK and
 * leaves the pointer; an invalid move method fails with ERROR_INVALID_PARAMETER.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-setfilepointer and
 * https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499- (131
 * ERROR_NEGATIVE_SEEK). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "abcdef");
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    SetFilePointer(h, 3, NULL, FILE_BEGIN);
    SHOW("negative", (long)SetFilePointer(h, -10, NULL, FILE_CURRENT));
    SHOW("pointer kept", SetFilePointer(h, 0, NULL, FILE_CURRENT));
    SHOW("bad method", (long)SetFilePointer(h, 0, NULL, 7));
    CloseHandle(h);
    return 0;
}
