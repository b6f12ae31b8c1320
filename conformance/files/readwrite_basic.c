/* runtimes: msvcrt ucrt */
/* files/readwrite_basic: WriteFile and ReadFile move the file pointer; SetFilePointer(FILE_BEGIN)
 * rewinds; ReadFile reports the bytes read.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-readfile and
 * .../nf-fileapi-writefile. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileW(L"f.bin", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    DWORD done = 0;
    char buf[16];
    SHOW("write", WriteFile(h, "0123456789", 10, &done, NULL));
    printf("written=%lu\n", (unsigned long)done);
    SHOW("pointer", SetFilePointer(h, 0, NULL, FILE_CURRENT));
    SHOW("rewind", SetFilePointer(h, 2, NULL, FILE_BEGIN));
    poison(buf, sizeof(buf));
    SHOW("read", ReadFile(h, buf, 5, &done, NULL));
    printf("read=%lu [", (unsigned long)done);
    print_a(buf, (int)done);
    printf("]\n");
    SHOW("pointer", SetFilePointer(h, 0, NULL, FILE_CURRENT));
    CloseHandle(h);
    return 0;
}
