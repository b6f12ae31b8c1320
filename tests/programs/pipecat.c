/* pipecat.c: copies standard input to standard output with ReadFile/WriteFile, bytes unchanged,
 * until the end of the input (ReadFile fails with ERROR_BROKEN_PIPE at the end of a pipe, or
 * reads 0 bytes at the end of a file). For the pipelines of shell-tests.sh.
 * Expected: https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-readfile and
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-writefile
 * Exit code: 0 when everything was copied, 1 on a failure. */
#include <windows.h>

int main(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE), out = GetStdHandle(STD_OUTPUT_HANDLE);
    char buf[4096];
    DWORD got, put;

    while (ReadFile(in, buf, sizeof(buf), &got, NULL) && got) {
        if (!WriteFile(out, buf, got, &put, NULL) || put != got)
            return 1;
    }
    return GetLastError() == ERROR_BROKEN_PIPE || GetLastError() == ERROR_SUCCESS ? 0 : 1;
}
