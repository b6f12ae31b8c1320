/* runtimes: msvcrt ucrt */
/* paths/fullpath_verbatim: "\\?\" paths skip normalization: no "." or ".." evaluation, no
 * trimming, no separator change.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Skip normalization"). Wine 8.0 differs (it normalizes them); the documentation
 * wins. */
#include "common.h"

int main(void)
{
    show_full(L"\\\\?\\C:\\a\\..\\b");
    show_full(L"\\\\?\\C:\\a\\.\\b.");
    show_full(L"\\\\?\\C:\\a\\b  ");
    return 0;
}
