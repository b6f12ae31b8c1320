/* runtimes: msvcrt ucrt */
/* threads/init_once: InitOnceExecuteOnce runs the callback exactly once across threads and passes
 * the context.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-initonceexecuteonce. Wine 8.0
 * agrees. */
#include "common.h"

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static LONG calls;

static BOOL CALLBACK init(INIT_ONCE *o, void *param, void **ctx)
{
    InterlockedIncrement(&calls);
    return TRUE;
}

static DWORD WINAPI worker(void *arg)
{
    InitOnceExecuteOnce(&once, init, NULL, NULL);
    return 0;
}

int main(void)
{
    HANDLE t[4];
    for (int i = 0; i < 4; i++)
        t[i] = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForMultipleObjects(4, t, TRUE, INFINITE);
    printf("calls=%ld\n", calls);
    return 0;
}
