/* runtimes: msvcrt ucrt */
/* threads/create_thread_id: CreateThread stores the new thread's id (lpThreadId) before the thread
 * runs, so a thread that reads the variable at once finds its own id, also when the threads before
 * it have ended (vinho then reuses their Linux threads, which start at once).
 * Expected per https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-createthread
 * (lpThreadId receives the identifier; CREATE_SUSPENDED: runs only after ResumeThread, whose
 * return value is the previous suspend count). Wine 8.0 agrees. */
#include "common.h"

static volatile DWORD stored;
static volatile LONG matches;

static DWORD WINAPI worker(void *arg)
{
    if (stored == GetCurrentThreadId())
        InterlockedIncrement(&matches);
    return 0;
}

int main(void)
{
    DWORD id, suspended_count;
    for (int i = 0; i < 20; i++) {
        HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, (DWORD *)&stored);
        WaitForSingleObject(t, INFINITE);
        CloseHandle(t);
    }
    printf("own id seen %ld of 20\n", (long)matches);
    /* CREATE_SUSPENDED stays suspended until ResumeThread (its count is 1). */
    HANDLE t = CreateThread(NULL, 0, worker, NULL, CREATE_SUSPENDED, &id);
    suspended_count = ResumeThread(t);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    printf("suspended count %lu, id nonzero %d\n", (unsigned long)suspended_count, id != 0);
    return 0;
}
