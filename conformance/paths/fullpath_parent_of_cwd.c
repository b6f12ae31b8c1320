/* runtimes: msvcrt ucrt */
/* paths/fullpath_parent_of_cwd: ".." from the current folder removes its last component.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Evaluate relative components"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    init_cwd();
    CreateDirectoryW(L"sub", NULL);
    SetCurrentDirectoryW(L"sub");
    show_full(L"..\\x");
    show_full(L"..");
    return 0;
}
