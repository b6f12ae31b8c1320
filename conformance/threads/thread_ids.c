/* runtimes: msvcrt ucrt */
/* threads/thread_ids: GetCurrentThreadId differs between threads; GetThreadId(handle) matches the
 * id CreateThread returned; GetCurrentThread is the pseudo-handle -2.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-getthreadid
 * and .../nf-processthreadsapi-getcurrentthread. Wine 8.0 agrees. */
#include "common.h"

static DWORD seen_id;

static DWORD WINAPI worker(void *arg)
{
    seen_id = GetCurrentThreadId();
    return 0;
}

int main(void)
{
    DWORD id = 0;
    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, &id);
    WaitForSingleObject(t, INFINITE);
    printf("thread id matches=%d differs from main=%d\n", GetThreadId(t) == id && seen_id == id, id != GetCurrentThreadId());
    printf("pseudo=%lld\n", (long long)(INT_PTR)GetCurrentThread());
    return 0;
}
