/* runtimes: msvcrt ucrt */
/* paths/open_forward_slash: forward slashes in file names passed to CreateFileW are separators
 * (normalization), but not after "\\?\".
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    CreateDirectoryW(L"dir", NULL);
    HANDLE h = CreateFileW(L"dir/f.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    printf("create with slash ok=%d\n", h != INVALID_HANDLE_VALUE);
    CloseHandle(h);
    SHOW("backslash finds it", GetFileAttributesW(L"dir\\f.txt") != INVALID_FILE_ATTRIBUTES);
    SHOW("dotdot through slash", GetFileAttributesW(L"dir/../dir/f.txt") != INVALID_FILE_ATTRIBUTES);
    return 0;
}
