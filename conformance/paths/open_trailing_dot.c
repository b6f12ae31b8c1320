/* runtimes: msvcrt ucrt */
/* paths/open_trailing_dot: a file opened as "name." or "name " is the file "name" (normalization
 * trims them), unless the path is a "\\?\" path.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Skip normalization"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileW(L"data.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    CloseHandle(h);
    SHOW("trailing dot", GetFileAttributesW(L"data.txt.") != INVALID_FILE_ATTRIBUTES);
    SHOW("trailing spaces", GetFileAttributesW(L"data.txt  ") != INVALID_FILE_ATTRIBUTES);
    SHOW("trailing dots and spaces", GetFileAttributesW(L"data.txt. .") != INVALID_FILE_ATTRIBUTES);
    WCHAR path[MAX_PATH] = L"\\\\?\\";
    GetFullPathNameW(L"data.txt", MAX_PATH - 4, path + 4, NULL);
    SHOW("verbatim exact", GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES);
    wcscat(path, L".");
    SHOW("verbatim trailing dot", GetFileAttributesW(path));
    return 0;
}
