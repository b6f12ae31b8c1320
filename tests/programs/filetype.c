/* filetype.c: GetFileType of the three standard handles, for shell-tests.sh, which runs it with
 * pipes, files and /dev/null: FILE_TYPE_DISK 1 for a file, FILE_TYPE_CHAR 2 for a character
 * device (NUL on Windows, /dev/null here), FILE_TYPE_PIPE 3 for a pipe.
 * Expected: https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-getfiletype */
#include <stdio.h>
#include <windows.h>

int main(void)
{
    printf("stdin %lu stdout %lu stderr %lu\n", GetFileType(GetStdHandle(STD_INPUT_HANDLE)),
           GetFileType(GetStdHandle(STD_OUTPUT_HANDLE)), GetFileType(GetStdHandle(STD_ERROR_HANDLE)));
    return 0;
}
