/* runtimes: msvcrt ucrt */
/* files/file_size: GetFileSize returns the low part and stores the high part; GetFileSizeEx; on an
 * invalid handle INVALID_FILE_SIZE with ERROR_INVALID_HANDLE.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfilesize and
 * .../nf-fileapi-getfilesizeex. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "12345");
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    DWORD high = 99;
    DWORD low = GetFileSize(h, &high);
    printf("low=%lu high=%lu\n", (unsigned long)low, (unsigned long)high);
    LARGE_INTEGER li;
    SHOW("ex", GetFileSizeEx(h, &li));
    printf("size=%lld\n", li.QuadPart);
    CloseHandle(h);
    SHOW("bad handle", GetFileSize((HANDLE)(ULONG_PTR)0x1230, NULL));
    return 0;
}
