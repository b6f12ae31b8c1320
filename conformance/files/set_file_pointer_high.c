/* runtimes: msvcrt ucrt */
/* files/set_file_pointer_high: SetFilePointer with lpDistanceToMoveHigh handles 64-bit positions;
 * the returned low part and the high part are reported.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-setfilepointer.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    LONG high = 1;
    SetLastError(0xdeadbeef);
    DWORD low = SetFilePointer(h, 0x10, &high, FILE_BEGIN);
    printf("low=0x%lx high=%ld err=%lu\n", (unsigned long)low, high, (unsigned long)GetLastError());
    high = 0;
    low = SetFilePointer(h, 0, &high, FILE_CURRENT);
    printf("current low=0x%lx high=%ld\n", (unsigned long)low, high);
    CloseHandle(h);
    return 0;
}
