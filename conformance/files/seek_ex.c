/* runtimes: msvcrt ucrt */
/* files/seek_ex: SetFilePointerEx with FILE_BEGIN, FILE_CURRENT and FILE_END reports the new
 * position; beyond the end is allowed and does not change the size.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-setfilepointerex.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "0123456789");
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    LARGE_INTEGER d, pos;
    d.QuadPart = 4;
    SetFilePointerEx(h, d, &pos, FILE_BEGIN);
    printf("begin+4=%lld\n", pos.QuadPart);
    d.QuadPart = -1;
    SetFilePointerEx(h, d, &pos, FILE_CURRENT);
    printf("current-1=%lld\n", pos.QuadPart);
    d.QuadPart = -2;
    SetFilePointerEx(h, d, &pos, FILE_END);
    printf("end-2=%lld\n", pos.QuadPart);
    d.QuadPart = 1000;
    SetFilePointerEx(h, d, &pos, FILE_END);
    LARGE_INTEGER size;
    GetFileSizeEx(h, &size);
    printf("end+1000=%lld size=%lld\n", pos.QuadPart, size.QuadPart);
    d.QuadPart = -100;
    SHOW("negative", SetFilePointerEx(h, d, &pos, FILE_BEGIN));
    CloseHandle(h);
    return 0;
}
