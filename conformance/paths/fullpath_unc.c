/* runtimes: msvcrt ucrt */
/* paths/fullpath_unc: UNC paths: the server and share are the root; relative components stay below
 * them.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("UNC paths"). Wine 8.0 differs on the last (it keeps both separators); the
 * documentation ("a series of slashes that follow the first two slashes are collapsed") wins. */
#include "common.h"

int main(void)
{
    show_full(L"\\\\server\\share\\a\\..\\b");
    show_full(L"\\\\server\\share\\a\\.\\b");
    show_full(L"\\\\server\\share");
    show_full(L"\\\\server\\share\\\\");
    return 0;
}
