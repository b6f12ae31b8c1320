/* runtimes: msvcrt ucrt */
/* threads/suspend_resume: CreateThread(CREATE_SUSPENDED): the thread does not run until
 * ResumeThread, which returns the previous suspend count (1); SuspendThread counts up.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-resumethread. Wine 8.0 agrees. */
#include "common.h"

static volatile int ran;

static DWORD WINAPI worker(void *arg)
{
    ran = 1;
    return 0;
}

int main(void)
{
    HANDLE t = CreateThread(NULL, 0, worker, NULL, CREATE_SUSPENDED, NULL);
    Sleep(50);
    printf("ran while suspended=%d\n", ran);
    printf("suspend=%lu\n", (unsigned long)SuspendThread(t));
    printf("resume=%lu\n", (unsigned long)ResumeThread(t));
    printf("resume=%lu\n", (unsigned long)ResumeThread(t));
    WaitForSingleObject(t, INFINITE);
    printf("ran=%d\n", ran);
    return 0;
}
