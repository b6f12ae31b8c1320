/* runtimes: msvcrt ucrt */
/* paths/fullpath_trailing_sep: a trailing separator is kept and the file part is NULL.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfullpathnamew
 * (lpFilePart is NULL when the path ends in a separator). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"C:\\a\\b\\\\");
    show_full(L"C:\\\\");
    show_full(L"C:\\a\\..\\\\");
    return 0;
}
