/* runtimes: msvcrt ucrt */
/* paths/fullpath_streams: a colon after the drive (stream syntax) is kept as it is.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfullpathnamew.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"C:\\a\\b:stream");
    show_full(L"C:\\a\\b::$DATA");
    return 0;
}
