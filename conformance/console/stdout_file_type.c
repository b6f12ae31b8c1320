/* runtimes: msvcrt ucrt */
/* console/stdout_file_type: GetFileType says FILE_TYPE_CHAR (2) for stdin on NUL, FILE_TYPE_DISK
 * (1) for a file, FILE_TYPE_PIPE (3) for both ends of an anonymous pipe; stdout, which the runner
 * sends to a file and others to a pipe, is one of those two.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfiletype (the
 * FILE_TYPE_* values). Wine 8.0 agrees. (The runner and record.cmd take stdin from NUL.) */
#include "common.h"

int main(void)
{
    DWORD out = GetFileType(GetStdHandle(STD_OUTPUT_HANDLE));
    printf("stdout is a file or pipe=%d\n", out == FILE_TYPE_DISK || out == FILE_TYPE_PIPE);
    printf("stdin=%lu\n", (unsigned long)GetFileType(GetStdHandle(STD_INPUT_HANDLE)));
    HANDLE f = CreateFileW(L"f.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    printf("file=%lu\n", (unsigned long)GetFileType(f));
    CloseHandle(f);
    HANDLE r, w;
    CreatePipe(&r, &w, NULL, 0);
    printf("pipe read=%lu write=%lu\n", (unsigned long)GetFileType(r), (unsigned long)GetFileType(w));
    CloseHandle(r);
    CloseHandle(w);
    return 0;
}
