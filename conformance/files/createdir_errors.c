/* runtimes: msvcrt ucrt */
/* files/createdir_errors: CreateDirectoryW: success, an existing folder (ERROR_ALREADY_EXISTS), a
 * missing parent (ERROR_PATH_NOT_FOUND), an existing file's name, a trailing backslash.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createdirectoryw
 * and https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-. Wine 8.0 agrees.
 * */
#include "common.h"

int main(void)
{
    SHOW("new", CreateDirectoryW(L"d", NULL));
    SHOW("again", CreateDirectoryW(L"d", NULL));
    SHOW("missing parent", CreateDirectoryW(L"x\\y", NULL));
    make_file(L"f.txt", "x");
    SHOW("over a file", CreateDirectoryW(L"f.txt", NULL));
    SHOW("trailing backslash", CreateDirectoryW(L"e\\", NULL));
    SHOW("exists", GetFileAttributesW(L"e") == FILE_ATTRIBUTE_DIRECTORY);
    return 0;
}
