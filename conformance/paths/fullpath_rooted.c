/* runtimes: msvcrt ucrt */
/* paths/fullpath_rooted: a path starting with one backslash is relative to the root of the current
 * drive.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Apply the current directory"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"\\x");
    show_full(L"\\a\\..\\b");
    show_full(L"/x");
    return 0;
}
