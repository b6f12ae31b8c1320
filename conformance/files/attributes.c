/* runtimes: msvcrt ucrt */
/* files/attributes: GetFileAttributesW: a new file is FILE_ATTRIBUTE_ARCHIVE, a folder
 * FILE_ATTRIBUTE_DIRECTORY, a missing name INVALID_FILE_ATTRIBUTES with ERROR_FILE_NOT_FOUND or
 * ERROR_PATH_NOT_FOUND.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfileattributesw
 * and https://learn.microsoft.com/windows/win32/fileio/file-attribute-constants. Wine 8.0 agrees
 * (a new file on NTFS has FILE_ATTRIBUTE_ARCHIVE set). */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "x");
    CreateDirectoryW(L"d", NULL);
    SHOW("file", GetFileAttributesW(L"f.txt"));
    SHOW("dir", GetFileAttributesW(L"d"));
    SHOW("dir slash", GetFileAttributesW(L"d\\"));
    SHOW("missing", GetFileAttributesW(L"nothere"));
    SHOW("missing dir", GetFileAttributesW(L"nodir\\x"));
    return 0;
}
