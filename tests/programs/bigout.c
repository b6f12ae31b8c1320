/* bigout.c: writes up to 64 MiB to standard output in 64 KiB pieces. Behind `| head -c1` the
 * reader goes away: WriteFile must then fail (ERROR_NO_DATA, 232, "the pipe is being closed", or
 * ERROR_BROKEN_PIPE, 109) instead of the process hanging or dying of SIGPIPE. Exit code: 0 after
 * such a failure, 1 if everything was written (the reader did not go away), 2 on another error.
 * Expected: https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-writefile
 * and https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--0-499- */
#include <stdio.h>
#include <string.h>
#include <windows.h>

int main(void)
{
    static char chunk[65536];
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    DWORD put;

    memset(chunk, 'y', sizeof(chunk));
    for (int i = 0; i < 1024; i++) {
        if (!WriteFile(out, chunk, sizeof(chunk), &put, NULL)) {
            DWORD error = GetLastError();
            fprintf(stderr, "bigout: WriteFile failed after %d pieces, error %lu\n", i, error);
            return error == ERROR_NO_DATA || error == ERROR_BROKEN_PIPE ? 0 : 2;
        }
    }
    return 1;
}
