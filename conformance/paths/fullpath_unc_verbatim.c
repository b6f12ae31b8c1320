/* runtimes: msvcrt ucrt */
/* paths/fullpath_unc_verbatim: "\\?\UNC\" paths are returned unchanged.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Skip normalization"). Wine 8.0 differs on the second (it evaluates ".."); the
 * documentation wins. */
#include "common.h"

int main(void)
{
    show_full(L"\\\\?\\UNC\\server\\share\\a");
    show_full(L"\\\\?\\UNC\\server\\share\\..\\x");
    return 0;
}
