/* runtimes: msvcrt ucrt */
/* files/create_always_hidden: CREATE_ALWAYS over a hidden file without FILE_ATTRIBUTE_HIDDEN in
 * the request fails with ERROR_ACCESS_DENIED; with it, it succeeds.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilew ("If
 * CREATE_ALWAYS and FILE_ATTRIBUTE_NORMAL are specified, CreateFile fails and sets the last error
 * to ERROR_ACCESS_DENIED if the file exists and has the FILE_ATTRIBUTE_HIDDEN or
 * FILE_ATTRIBUTE_SYSTEM attribute"). Wine 8.0 differs (it opens the file); the documentation wins. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "x");
    SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_HIDDEN);
    SetLastError(0xdeadbeef);
    HANDLE h = CreateFileW(L"f.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    printf("normal: %s err=%lu\n", h == INVALID_HANDLE_VALUE ? "INVALID" : "handle", (unsigned long)GetLastError());
    CloseHandle(h);
    h = CreateFileW(L"f.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_HIDDEN, NULL);
    printf("hidden: %s\n", h == INVALID_HANDLE_VALUE ? "INVALID" : "handle");
    CloseHandle(h);
    SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_NORMAL);
    return 0;
}
