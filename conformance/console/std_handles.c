/* runtimes: msvcrt ucrt */
/* console/std_handles: GetStdHandle for the three standard handles gives valid handles when the
 * runner redirects them to files/NUL, an invalid nStdHandle gives INVALID_HANDLE_VALUE with
 * ERROR_INVALID_HANDLE, and WriteFile to the stdout handle writes bytes as they are.
 * Expected per https://learn.microsoft.com/windows/console/getstdhandle (return value and
 * errors). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    printf("out valid=%d\n", out != NULL && out != INVALID_HANDLE_VALUE);
    printf("err valid=%d\n", err != NULL && err != INVALID_HANDLE_VALUE);
    printf("in valid=%d\n", in != NULL && in != INVALID_HANDLE_VALUE);
    SetLastError(0xdeadbeef);
    HANDLE bad = GetStdHandle(-100);
    printf("bad: %s err=%lu\n", bad == INVALID_HANDLE_VALUE ? "INVALID" : "other",
           (unsigned long)GetLastError());
    fflush(stdout);
    DWORD done = 0;
    BOOL ok = WriteFile(out, "raw\n", 4, &done, NULL);
    printf("\nwrite ok=%d done=%lu\n", ok, (unsigned long)done);
    return 0;
}
