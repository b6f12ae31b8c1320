/* runtimes: msvcrt ucrt */
/* files/delete_readonly: DeleteFileW on a read-only file fails with ERROR_ACCESS_DENIED; after
 * clearing the attribute it succeeds.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-deletefilew ("If
 * an application attempts to delete a file that is read-only, the function fails with
 * ERROR_ACCESS_DENIED"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "x");
    SHOW("set readonly", SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_READONLY));
    SHOW("delete", DeleteFileW(L"f.txt"));
    SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_NORMAL);
    SHOW("delete normal", DeleteFileW(L"f.txt"));
    return 0;
}
