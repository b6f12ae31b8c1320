/* runtimes: msvcrt ucrt */
/* paths/fullpath_mixed: relative paths mixing separators, dots and trailing trimming all at once.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"a/b\\..\\c.");
    show_full(L"./a//b/ ");
    show_full(L"a\\.\\.\\b\\..");
    return 0;
}
