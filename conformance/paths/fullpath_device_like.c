/* runtimes: msvcrt ucrt */
/* paths/fullpath_device_like: names that only start with a device name are ordinary files.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Identify legacy devices"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"CONx");
    show_full(L"C:\\dir\\NULL");
    show_full(L"COM0x");
    show_full(L"C:\\dir\\con2");
    return 0;
}
