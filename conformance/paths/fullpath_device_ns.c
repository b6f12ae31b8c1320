/* runtimes: msvcrt ucrt */
/* paths/fullpath_device_ns: "\\.\" device paths are normalized: "." and ".." evaluated after the
 * device prefix.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("DOS device paths", "Evaluate relative components"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"\\\\.\\C:\\a\\..\\b");
    show_full(L"\\\\.\\C:\\a\\.\\b");
    show_full(L"\\\\.\\COM1");
    show_full(L"\\\\.\\pipe\\x\\..\\y");
    return 0;
}
