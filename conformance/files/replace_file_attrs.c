/* runtimes: msvcrt ucrt */
/* files/replace_file_attrs: MoveFileExW onto a read-only target with MOVEFILE_REPLACE_EXISTING
 * fails with ERROR_ACCESS_DENIED.
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-movefileexw.
 * expected per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    make_file(L"a.txt", "A");
    make_file(L"b.txt", "B");
    SetFileAttributesW(L"b.txt", FILE_ATTRIBUTE_READONLY);
    SHOW("replace readonly", MoveFileExW(L"a.txt", L"b.txt", MOVEFILE_REPLACE_EXISTING));
    SetFileAttributesW(L"b.txt", FILE_ATTRIBUTE_NORMAL);
    show_file(L"b.txt");
    return 0;
}
