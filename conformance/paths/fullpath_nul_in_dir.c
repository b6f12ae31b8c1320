/* runtimes: msvcrt ucrt */
/* paths/fullpath_nul_in_dir: GetFullPathNameW of names with an extension after a device name
 * ("nul.txt").
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Identify legacy devices"). expected per Wine 8.0 (not yet recorded on
 * Windows); Windows versions differ here. */
#include "common.h"

int main(void)
{
    show_full(L"C:\\dir\\nul.txt");
    show_full(L"nul.txt");
    show_full(L"con .txt");
    return 0;
}
