/* runtimes: msvcrt ucrt */
/* threads/thread_exit_code: CreateThread runs the function; WaitForSingleObject on the thread
 * returns WAIT_OBJECT_0 when it ends; GetExitCodeThread gives its return value, STILL_ACTIVE (259)
 * before.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-createthread and .../nf-processthreadsapi-getexitcodethread. Wine 8.0 agrees. */
#include "common.h"

static DWORD WINAPI worker(void *arg)
{
    WaitForSingleObject(arg, INFINITE);
    return 42;
}

int main(void)
{
    HANDLE go = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE t = CreateThread(NULL, 0, worker, go, 0, NULL);
    DWORD code = 0;
    GetExitCodeThread(t, &code);
    printf("before=%lu\n", (unsigned long)code);
    SetEvent(go);
    printf("wait=%lu\n", (unsigned long)WaitForSingleObject(t, INFINITE));
    GetExitCodeThread(t, &code);
    printf("after=%lu\n", (unsigned long)code);
    CloseHandle(t);
    return 0;
}
