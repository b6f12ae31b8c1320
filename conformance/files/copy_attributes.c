/* runtimes: msvcrt ucrt */
/* files/copy_attributes: CopyFileW keeps the read-only attribute of the source on the new file;
 * overwriting a read-only target fails with ERROR_ACCESS_DENIED.
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-copyfilew ("File
 * attributes for the existing file are copied to the new file"; read-only target). Wine 8.0
 * differs on the read-only target (it overwrites it); the documentation ("If the destination file
 * already exists and has the FILE_ATTRIBUTE_HIDDEN or FILE_ATTRIBUTE_READONLY attribute set, this
 * function fails with ERROR_ACCESS_DENIED") wins. */
#include "common.h"

int main(void)
{
    make_file(L"a.txt", "A");
    SetFileAttributesW(L"a.txt", FILE_ATTRIBUTE_READONLY);
    SHOW("copy", CopyFileW(L"a.txt", L"b.txt", FALSE));
    printf("readonly kept=%d\n", (GetFileAttributesW(L"b.txt") & FILE_ATTRIBUTE_READONLY) != 0);
    SHOW("onto readonly", CopyFileW(L"a.txt", L"b.txt", FALSE));
    SetFileAttributesW(L"a.txt", FILE_ATTRIBUTE_NORMAL);
    SetFileAttributesW(L"b.txt", FILE_ATTRIBUTE_NORMAL);
    return 0;
}
