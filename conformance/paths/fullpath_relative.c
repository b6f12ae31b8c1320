/* runtimes: msvcrt ucrt */
/* paths/fullpath_relative: relative paths are joined to the current folder; "." and ".." evaluated.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Apply the current directory"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"x");
    show_full(L".\\x");
    show_full(L"x\\..\\y");
    show_full(L"a\\b\\.\\c");
    show_full(L".");
    return 0;
}
