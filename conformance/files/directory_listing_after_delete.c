/* runtimes: msvcrt ucrt */
/* files/directory_listing_after_delete: a deleted file no longer appears in FindFirstFileW
 * results; a new one does.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-findfirstfilew.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    CreateDirectoryW(L"d", NULL);
    make_file(L"d\\a.txt", "a");
    make_file(L"d\\b.txt", "b");
    DeleteFileW(L"d\\a.txt");
    make_file(L"d\\c.txt", "c");
    WIN32_FIND_DATAW fd;
    int a = 0, b = 0, c = 0;
    HANDLE h = FindFirstFileW(L"d\\*.txt", &fd);
    do {
        a |= !wcscmp(fd.cFileName, L"a.txt");
        b |= !wcscmp(fd.cFileName, L"b.txt");
        c |= !wcscmp(fd.cFileName, L"c.txt");
    } while (FindNextFileW(h, &fd));
    FindClose(h);
    printf("a=%d b=%d c=%d\n", a, b, c);
    return 0;
}
