/* runtimes: msvcrt ucrt */
/* files/set_end_of_file: SetEndOfFile truncates and extends a file at the pointer; the extension
 * reads back as zeros.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-setendoffile. The
 * read-only handle lacks the GENERIC_WRITE the page requires: ERROR_ACCESS_DENIED expected (not
 * yet recorded on Windows); Wine 8.0 reports ERROR_INVALID_PARAMETER there. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "0123456789");
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    SetFilePointer(h, 4, NULL, FILE_BEGIN);
    SHOW("truncate", SetEndOfFile(h));
    printf("size=%lu\n", (unsigned long)GetFileSize(h, NULL));
    SetFilePointer(h, 8, NULL, FILE_BEGIN);
    SHOW("extend", SetEndOfFile(h));
    printf("size=%lu\n", (unsigned long)GetFileSize(h, NULL));
    unsigned char buf[8];
    DWORD done;
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    ReadFile(h, buf, 8, &done, NULL);
    hexdump("content", buf, done);
    CloseHandle(h);
    h = CreateFileW(L"f.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    SHOW("read-only handle", SetEndOfFile(h));
    CloseHandle(h);
    return 0;
}
