/* runtimes: msvcrt ucrt */
/* threads/exit_thread: ExitThread ends the thread with its code; code after it does not run.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-exitthread.
 * Wine 8.0 agrees. */
#include "common.h"

static volatile int after;

static DWORD WINAPI worker(void *arg)
{
    ExitThread(17);
    after = 1;
    return 0;
}

int main(void)
{
    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    DWORD code;
    GetExitCodeThread(t, &code);
    printf("code=%lu after=%d\n", (unsigned long)code, after);
    return 0;
}
