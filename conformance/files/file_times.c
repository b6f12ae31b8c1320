/* runtimes: msvcrt ucrt */
/* files/file_times: SetFileTime then GetFileTime round-trip a fixed last-write time (100 ns units).
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-setfiletime and
 * .../nf-fileapi-getfiletime. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    FILETIME ft = { 0x12345600u, 0x01d00000u }, got;
    SHOW("set", SetFileTime(h, NULL, NULL, &ft));
    SHOW("get", GetFileTime(h, NULL, NULL, &got));
    printf("write time=%08lx%08lx\n", (unsigned long)got.dwHighDateTime, (unsigned long)got.dwLowDateTime);
    CloseHandle(h);
    WIN32_FILE_ATTRIBUTE_DATA ad;
    GetFileAttributesExW(L"f.txt", GetFileExInfoStandard, &ad);
    printf("by name=%08lx%08lx\n", (unsigned long)ad.ftLastWriteTime.dwHighDateTime, (unsigned long)ad.ftLastWriteTime.dwLowDateTime);
    return 0;
}
