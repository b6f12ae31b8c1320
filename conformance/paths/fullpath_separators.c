/* runtimes: msvcrt ucrt */
/* paths/fullpath_separators: forward slashes become backslashes and repeated separators collapse
 * (except the leading two).
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Canonicalize separators"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"C:/a/b");
    show_full(L"C:\\a//b\\\\\\c");
    show_full(L"C:/a\\/b/");
    show_full(L"//server/share/x");
    return 0;
}
