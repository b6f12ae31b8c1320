/* runtimes: msvcrt ucrt */
/* files/read_eof: ReadFile at and past the end of a file succeeds and reads 0 bytes; a read across
 * the end returns the bytes that were there.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-readfile ("When a
 * synchronous read operation reaches the end of a file, ReadFile returns TRUE and sets
 * *lpNumberOfBytesRead to zero"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "abc");
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    char buf[8];
    DWORD done = 99;
    SHOW("across end", ReadFile(h, buf, 8, &done, NULL));
    printf("done=%lu\n", (unsigned long)done);
    done = 99;
    SHOW("at end", ReadFile(h, buf, 8, &done, NULL));
    printf("done=%lu\n", (unsigned long)done);
    SetFilePointer(h, 100, NULL, FILE_BEGIN);
    done = 99;
    SHOW("past end", ReadFile(h, buf, 8, &done, NULL));
    printf("done=%lu\n", (unsigned long)done);
    CloseHandle(h);
    return 0;
}
