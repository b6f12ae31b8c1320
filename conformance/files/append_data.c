/* runtimes: msvcrt ucrt */
/* files/append_data: a handle opened with FILE_APPEND_DATA only writes at the end of the file.
 * Expected per https://learn.microsoft.com/windows/win32/fileio/file-access-rights-constants
 * (FILE_APPEND_DATA). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "abc");
    HANDLE h = CreateFileW(L"f.txt", FILE_APPEND_DATA, 0, NULL, OPEN_EXISTING, 0, NULL);
    DWORD done;
    SHOW("write", WriteFile(h, "XY", 2, &done, NULL));
    CloseHandle(h);
    show_file(L"f.txt");
    return 0;
}
