/* runtimes: msvcrt ucrt */
/* paths/fullpath_trailing_dots: GetFullPathNameW trims trailing periods from the last segment when
 * the path does not end in a separator.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") and https://learn.microsoft.com/archive/blogs/jeremykuhne/path-normalization.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"C:\\a\\b.");
    show_full(L"C:\\a\\b...");
    show_full(L"C:\\a\\b.txt.");
    show_full(L"C:\\a.\\b");
    show_full(L"C:\\a\\b.\\\\");
    return 0;
}
