/* runtimes: msvcrt ucrt */
/* paths/fullpath_drive_relative: "Q:x" on a drive other than the current one, with no "=Q:"
 * variable, is relative to that drive's root.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Apply the current directory"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"Q:x");
    show_full(L"Q:");
    show_full(L"Q:.");
    show_full(L"Q:..\\x");
    return 0;
}
