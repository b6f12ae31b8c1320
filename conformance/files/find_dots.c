/* runtimes: msvcrt ucrt */
/* files/find_dots: FindFirstFileW("dir\\*") in a subfolder returns "." and ".." besides the
 * entries; a folder has FILE_ATTRIBUTE_DIRECTORY.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-findfirstfilew.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    CreateDirectoryW(L"d", NULL);
    CreateDirectoryW(L"d\\sub", NULL);
    make_file(L"d\\f.txt", "x");
    WIN32_FIND_DATAW fd;
    int dot = 0, dotdot = 0, sub = 0, file = 0, other = 0;
    HANDLE h = FindFirstFileW(L"d\\*", &fd);
    do {
        if (!wcscmp(fd.cFileName, L".")) dot = 1 + !!(fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY);
        else if (!wcscmp(fd.cFileName, L"..")) dotdot = 1 + !!(fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY);
        else if (!wcscmp(fd.cFileName, L"sub")) sub = 1 + !!(fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY);
        else if (!wcscmp(fd.cFileName, L"f.txt")) file = 1 + !!(fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY);
        else other++;
    } while (FindNextFileW(h, &fd));
    FindClose(h);
    printf("dot=%d dotdot=%d sub=%d file=%d other=%d (2 = found as a folder)\n", dot, dotdot, sub, file, other);
    return 0;
}
