/* runtimes: msvcrt ucrt */
/* console/exit_codes: ExitProcess(3) sets the exit code, skipping the rest; earlier output is
 * flushed by the CRT at exit only through exit(), so it is flushed here first.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-exitprocess. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    printf("bye\n");
    fflush(stdout);
    ExitProcess(3);
    return 0;
}
