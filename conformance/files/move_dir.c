/* runtimes: msvcrt ucrt */
/* files/move_dir: MoveFileW renames a folder with its content, and moves a file into another
 * folder.
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-movefilew. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    CreateDirectoryW(L"d", NULL);
    make_file(L"d\\f.txt", "F");
    SHOW("rename dir", MoveFileW(L"d", L"e"));
    show_file(L"e\\f.txt");
    make_file(L"g.txt", "G");
    SHOW("into dir", MoveFileW(L"g.txt", L"e\\g.txt"));
    show_file(L"e\\g.txt");
    return 0;
}
