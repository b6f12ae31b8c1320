/* runtimes: msvcrt ucrt */
/* files/delete_errors: DeleteFileW: success, a missing file, a missing folder in the path, a
 * folder (ERROR_ACCESS_DENIED).
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-deletefilew and
 * https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "x");
    SHOW("existing", DeleteFileW(L"f.txt"));
    SHOW("again", DeleteFileW(L"f.txt"));
    SHOW("missing dir", DeleteFileW(L"nodir\\f.txt"));
    CreateDirectoryW(L"d", NULL);
    SHOW("a folder", DeleteFileW(L"d"));
    return 0;
}
