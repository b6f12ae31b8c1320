/* runtimes: msvcrt ucrt */
/* files/write_zero: WriteFile of 0 bytes succeeds without changing the file (a "null write");
 * ReadFile of 0 bytes succeeds.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-writefile ("A
 * value of zero specifies a null write operation"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "abc");
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    DWORD done = 99;
    SHOW("write 0", WriteFile(h, "", 0, &done, NULL));
    printf("done=%lu size=%lu\n", (unsigned long)done, (unsigned long)GetFileSize(h, NULL));
    done = 99;
    char c;
    SHOW("read 0", ReadFile(h, &c, 0, &done, NULL));
    printf("done=%lu\n", (unsigned long)done);
    CloseHandle(h);
    return 0;
}
