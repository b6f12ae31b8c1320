/* files/attributes_set: SetFileAttributesW sets read-only and hidden; FILE_ATTRIBUTE_NORMAL clears
 * them; a missing file fails with ERROR_FILE_NOT_FOUND.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-setfileattributesw. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "x");
    SHOW("readonly", SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_READONLY));
    SHOW("get", GetFileAttributesW(L"f.txt"));
    SHOW("hidden", SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_READONLY));
    SHOW("get", GetFileAttributesW(L"f.txt"));
    SHOW("normal", SetFileAttributesW(L"f.txt", FILE_ATTRIBUTE_NORMAL));
    SHOW("get", GetFileAttributesW(L"f.txt"));
    SHOW("missing", SetFileAttributesW(L"nothere", FILE_ATTRIBUTE_NORMAL));
    return 0;
}
