/* runtimes: msvcrt ucrt */
/* files/copy_basic: CopyFileW copies content; bFailIfExists over an existing file fails with
 * ERROR_FILE_EXISTS; a missing source fails with ERROR_FILE_NOT_FOUND; without bFailIfExists it
 * overwrites.
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-copyfilew and
 * https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"a.txt", "hello");
    make_file(L"b.txt", "B");
    SHOW("copy new", CopyFileW(L"a.txt", L"c.txt", TRUE));
    show_file(L"c.txt");
    SHOW("fail if exists", CopyFileW(L"a.txt", L"b.txt", TRUE));
    show_file(L"b.txt");
    SHOW("overwrite", CopyFileW(L"a.txt", L"b.txt", FALSE));
    show_file(L"b.txt");
    SHOW("missing", CopyFileW(L"nothere.txt", L"d.txt", FALSE));
    return 0;
}
