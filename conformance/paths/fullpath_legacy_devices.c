/* runtimes: msvcrt ucrt */
/* paths/fullpath_legacy_devices: legacy device names become "\\.\NAME", case kept, wherever the
 * name is alone.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Identify legacy devices"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"CON");
    show_full(L"nul");
    show_full(L"COM1");
    show_full(L"LPT1");
    show_full(L"AUX");
    show_full(L"PRN");
    return 0;
}
