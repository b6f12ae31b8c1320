/* runtimes: msvcrt ucrt */
/* files/attributes_set: SetFileAttributesW sets read-only and hidden; FILE_ATTRIBUTE_NORMAL clears
 * them; a missing file fails with ERROR_FILE_NOT_FOUND.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-setfileattributesw ("The file
 * attributes to set for the file"): the attributes become exactly those given, so a file that had
 * FILE_ATTRIBUTE_ARCHIVE loses it (backup programs clear it this way: "File Attribute Constants",
 * FILE_ATTRIBUTE_ARCHIVE "to mark files for backup or removal"), and FILE_ATTRIBUTE_NORMAL alone
 * leaves "a file that does not have other attributes set", reported as FILE_ATTRIBUTE_NORMAL (128).
 * Wine 8.0 differs (it always reports ARCHIVE: 33, 35, 32); the documentation wins. */
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
