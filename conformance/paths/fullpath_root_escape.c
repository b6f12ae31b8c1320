/* runtimes: msvcrt ucrt */
/* paths/fullpath_root_escape: ".." never goes above the root of a drive, a UNC share or a device
 * path.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Evaluate relative components"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"C:\\..");
    show_full(L"C:\\a\\..\\..\\b");
    show_full(L"\\\\server\\share\\..\\x");
    show_full(L"\\\\.\\C:\\..\\x");
    return 0;
}
