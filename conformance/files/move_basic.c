/* runtimes: msvcrt ucrt */
/* files/move_basic: MoveFileW renames a file; an existing target fails with ERROR_ALREADY_EXISTS;
 * a missing source with ERROR_FILE_NOT_FOUND.
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-movefilew and
 * https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"a.txt", "A");
    make_file(L"b.txt", "B");
    SHOW("rename", MoveFileW(L"a.txt", L"c.txt"));
    show_file(L"a.txt");
    show_file(L"c.txt");
    SHOW("onto existing", MoveFileW(L"c.txt", L"b.txt"));
    SHOW("missing source", MoveFileW(L"nothere.txt", L"d.txt"));
    return 0;
}
