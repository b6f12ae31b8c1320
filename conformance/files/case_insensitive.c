/* runtimes: msvcrt ucrt */
/* files/case_insensitive: file names are case-insensitive: a file created as "Mixed.TXT" opens as
 * "mixed.txt" and is listed with its original case.
 * Expected per https://learn.microsoft.com/windows/win32/fileio/naming-a-file ("Do not assume case
 * sensitivity"). Wine 8.0 agrees (NTFS default, not a case-sensitive folder). */
#include "common.h"

int main(void)
{
    make_file(L"Mixed.TXT", "x");
    SHOW("lower", GetFileAttributesW(L"mixed.txt") != INVALID_FILE_ATTRIBUTES);
    SHOW("upper", GetFileAttributesW(L"MIXED.TXT") != INVALID_FILE_ATTRIBUTES);
    SHOW("create new lower", CreateFileW(L"mixed.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL) == INVALID_HANDLE_VALUE);
    WIN32_FIND_DATAW fd;
    HANDLE f = FindFirstFileW(L"mixed.*", &fd);
    print_w(fd.cFileName, -1);
    printf("\n");
    FindClose(f);
    return 0;
}
