/* runtimes: msvcrt ucrt */
/* files/write_past_end: writing after seeking past the end fills the gap with zeros.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-setfilepointer
 * (Remarks: "It is not an error to set a file pointer to a position beyond the end of the file").
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileW(L"f.bin", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    DWORD done;
    WriteFile(h, "ab", 2, &done, NULL);
    SetFilePointer(h, 6, NULL, FILE_BEGIN);
    printf("size before write=%lu\n", (unsigned long)GetFileSize(h, NULL));
    WriteFile(h, "z", 1, &done, NULL);
    unsigned char buf[8];
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    ReadFile(h, buf, 8, &done, NULL);
    hexdump("content", buf, done);
    CloseHandle(h);
    return 0;
}
