/* runtimes: msvcrt ucrt */
/* paths/open_device_nul: opening "NUL" and "\\.\NUL" gives the null device: writes succeed, reads
 * return 0 bytes.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Identify legacy devices") and
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilew. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    const WCHAR *names[] = { L"NUL", L"nul", L"\\\\.\\NUL" };
    for (int i = 0; i < 3; i++) {
        HANDLE h = CreateFileW(names[i], GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
        DWORD done = 99;
        char buf[4];
        BOOL w = WriteFile(h, "abc", 3, &done, NULL);
        printf("%d: open=%d write=%d done=%lu", i, h != INVALID_HANDLE_VALUE, w, (unsigned long)done);
        done = 99;
        BOOL r = ReadFile(h, buf, 4, &done, NULL);
        printf(" read=%d done=%lu\n", r, (unsigned long)done);
        CloseHandle(h);
    }
    return 0;
}
