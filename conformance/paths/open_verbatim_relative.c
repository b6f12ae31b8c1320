/* paths/open_verbatim_relative: a "\\?\" path must be absolute: a relative one is not found.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Skip normalization"). The error code is per Wine 8.0 (not yet recorded on
 * Windows). */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileW(L"data.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    CloseHandle(h);
    SHOW("relative verbatim", GetFileAttributesW(L"\\\\?\\data.txt"));
    return 0;
}
