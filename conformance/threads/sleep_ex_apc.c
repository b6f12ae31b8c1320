/* runtimes: msvcrt ucrt */
/* threads/sleep_ex_apc: QueueUserAPC runs the APC only when the thread waits alertably: SleepEx(…,
 * TRUE) returns WAIT_IO_COMPLETION (192).
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-queueuserapc and https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-sleepex. Wine 8.0 agrees. */
#include "common.h"

static int apc_ran;

static void CALLBACK apc(ULONG_PTR param)
{
    apc_ran = (int)param;
}

int main(void)
{
    QueueUserAPC(apc, GetCurrentThread(), 7);
    printf("after queue=%d\n", apc_ran);
    printf("sleep not alertable=%lu ran=%d\n", (unsigned long)SleepEx(0, FALSE), apc_ran);
    printf("sleep alertable=%lu ran=%d\n", (unsigned long)SleepEx(1000, TRUE), apc_ran);
    return 0;
}
