/* runtimes: msvcrt ucrt */
/* paths/fullpath_wildcards: wildcards and other characters invalid in file names pass through
 * GetFullPathNameW unchanged.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfullpathnamew
 * (it does not check that the path exists or is valid). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"C:\\a\\*.txt");
    show_full(L"C:\\a\\?");
    show_full(L"C:\\a<b>");
    show_full(L"x|y");
    return 0;
}
