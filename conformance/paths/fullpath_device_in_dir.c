/* runtimes: msvcrt ucrt */
/* paths/fullpath_device_in_dir: a legacy device name as the last segment of a path gives the
 * device.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Identify legacy devices"). Wine 8.0 agrees. (Windows 11 changed this for some
 * names; record on Windows.) */
#include "common.h"

int main(void)
{
    show_full(L"C:\\dir\\NUL");
    show_full(L"C:\\dir\\con");
    show_full(L"C:\\dir\\COM1");
    return 0;
}
