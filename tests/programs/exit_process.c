/* exit_process.c: ExitProcess ends the process with its argument as the exit code; nothing after
 * it runs. The output is flushed by hand first: ExitProcess is below the C run-time.
 * Expected: https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/nf-processthreadsapi-exitprocess
 * Exit codes above 255 cannot be seen on Linux (the status of a Linux process is 8 bits), so the
 * code stays below. Checked with Wine 8.0. */
#include <stdio.h>
#include <windows.h>

int main(void)
{
    printf("calling ExitProcess(99)\n");
    fflush(stdout);
    ExitProcess(99);
    printf("not reached\n");
    return 1;
}
