/* runtimes: msvcrt ucrt */
/* files/removedir_errors: RemoveDirectoryW: a non-empty folder (ERROR_DIR_NOT_EMPTY), a missing
 * one, a file (ERROR_DIRECTORY), then success.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-removedirectoryw
 * and https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-. The error for a
 * file is per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    CreateDirectoryW(L"d", NULL);
    make_file(L"d\\f.txt", "x");
    SHOW("not empty", RemoveDirectoryW(L"d"));
    SHOW("missing", RemoveDirectoryW(L"nothere"));
    SHOW("a file", RemoveDirectoryW(L"d\\f.txt"));
    DeleteFileW(L"d\\f.txt");
    SHOW("empty", RemoveDirectoryW(L"d"));
    SHOW("gone", GetFileAttributesW(L"d"));
    return 0;
}
