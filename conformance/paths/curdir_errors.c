/* runtimes: msvcrt ucrt */
/* paths/curdir_errors: SetCurrentDirectoryW to a missing folder, to a file, and with an empty
 * name: the error codes.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-setcurrentdirectory and
 * https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-getcurrentdirectory and
 * https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-. The codes are per
 * Wine 8.0 (not yet recorded on Windows): 2, 3, 267 (ERROR_DIRECTORY) and 123
 * (ERROR_INVALID_NAME). */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileW(L"file.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    CloseHandle(h);
    SHOW("missing", SetCurrentDirectoryW(L"nonexistent"));
    SHOW("missing deeper", SetCurrentDirectoryW(L"nonexistent\\x"));
    SHOW("file", SetCurrentDirectoryW(L"file.txt"));
    SHOW("empty", SetCurrentDirectoryW(L""));
    return 0;
}
