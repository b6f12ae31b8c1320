/* runtimes: msvcrt ucrt */
/* paths/fullpath_trailing_spaces: GetFullPathNameW trims trailing spaces (and mixed spaces and
 * periods) from the last segment.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") and https://learn.microsoft.com/archive/blogs/jeremykuhne/path-normalization.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"C:\\a\\b   ");
    show_full(L"C:\\a\\b . .");
    show_full(L"C:\\a\\ b");
    show_full(L"C:\\a \\b");
    show_full(L"C:\\a\\b \\\\");
    return 0;
}
