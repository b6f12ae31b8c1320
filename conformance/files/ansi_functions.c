/* runtimes: msvcrt ucrt */
/* files/ansi_functions: the A file functions (CreateFileA, GetFileAttributesA, DeleteFileA,
 * MoveFileA) behave like the W ones for ASCII names.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilea. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileA("ansi.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    printf("create=%d\n", h != INVALID_HANDLE_VALUE);
    CloseHandle(h);
    SHOW("attrs", GetFileAttributesA("ansi.txt"));
    SHOW("move", MoveFileA("ansi.txt", "ansi2.txt"));
    SHOW("delete old", DeleteFileA("ansi.txt"));
    SHOW("delete new", DeleteFileA("ansi2.txt"));
    return 0;
}
