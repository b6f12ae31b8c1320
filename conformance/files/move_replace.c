/* runtimes: msvcrt ucrt */
/* files/move_replace: MoveFileExW with MOVEFILE_REPLACE_EXISTING replaces the target; it cannot
 * replace a folder.
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-movefileexw. The
 * error for the folder is per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    make_file(L"a.txt", "A");
    make_file(L"b.txt", "B");
    SHOW("replace", MoveFileExW(L"a.txt", L"b.txt", MOVEFILE_REPLACE_EXISTING));
    show_file(L"a.txt");
    show_file(L"b.txt");
    CreateDirectoryW(L"d", NULL);
    SHOW("onto a folder", MoveFileExW(L"b.txt", L"d", MOVEFILE_REPLACE_EXISTING));
    return 0;
}
