/* openarg.c: for shell-tests.sh: prints the current folder's drive and the size of the file its
 * argument names (a Unix path from the shell works: /tmp/a.txt is Z:\tmp\a.txt). */
#include <stdio.h>
#include <windows.h>

int main(int argc, char **argv)
{
    WCHAR cwd[MAX_PATH];
    HANDLE h;
    GetCurrentDirectoryW(MAX_PATH, cwd);
    printf("drive %c:\n", (char)cwd[0]);
    if (argc < 2)
        return 2;
    h = CreateFileA(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        printf("open %s: error %lu\n", argv[1], GetLastError());
        return 1;
    }
    printf("size %lu\n", GetFileSize(h, NULL));
    CloseHandle(h);
    return 0;
}
