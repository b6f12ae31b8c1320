/* runtimes: msvcrt ucrt */
/* files/attributes_ex: GetFileAttributesExW reports size and attributes; a missing file fails with
 * ERROR_FILE_NOT_FOUND.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfileattributesexw. The error
 * for a bad level is per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "12345678");
    WIN32_FILE_ATTRIBUTE_DATA ad;
    SHOW("get", GetFileAttributesExW(L"f.txt", GetFileExInfoStandard, &ad));
    printf("size=%lu:%lu attrs=0x%lx\n", (unsigned long)ad.nFileSizeHigh, (unsigned long)ad.nFileSizeLow, (unsigned long)ad.dwFileAttributes);
    SHOW("missing", GetFileAttributesExW(L"nothere", GetFileExInfoStandard, &ad));
    SHOW("bad level", GetFileAttributesExW(L"f.txt", (GET_FILEEX_INFO_LEVELS)5, &ad));
    return 0;
}
