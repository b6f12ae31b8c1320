/* runtimes: msvcrt ucrt */
/* files/create_always_truncates: CREATE_ALWAYS and TRUNCATE_EXISTING empty an existing file.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilew
 * (dwCreationDisposition). The documentation requires GENERIC_WRITE for TRUNCATE_EXISTING but does
 * not say what happens without it: that line is per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "abcdef");
    HANDLE h = CreateFileW(L"f.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    printf("size after CREATE_ALWAYS=%lu\n", (unsigned long)GetFileSize(h, NULL));
    CloseHandle(h);
    make_file(L"f.txt", "abcdef");
    h = CreateFileW(L"f.txt", GENERIC_WRITE, 0, NULL, TRUNCATE_EXISTING, 0, NULL);
    printf("size after TRUNCATE_EXISTING=%lu\n", (unsigned long)GetFileSize(h, NULL));
    CloseHandle(h);
    make_file(L"f.txt", "abcdef");
    h = CreateFileW(L"f.txt", GENERIC_READ, 0, NULL, TRUNCATE_EXISTING, 0, NULL);
    printf("TRUNCATE_EXISTING without GENERIC_WRITE: %s\n", h == INVALID_HANDLE_VALUE ? "INVALID" : "handle");
    CloseHandle(h);
    return 0;
}
