/* runtimes: msvcrt ucrt */
/* threads/critical_section: a critical section is recursive for its owner; TryEnterCriticalSection
 * fails from another thread while it is held.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-tryentercriticalsection. Wine
 * 8.0 agrees. */
#include "common.h"

static CRITICAL_SECTION cs;
static int other_result;

static DWORD WINAPI other(void *arg)
{
    other_result = TryEnterCriticalSection(&cs);
    if (other_result)
        LeaveCriticalSection(&cs);
    return 0;
}

int main(void)
{
    InitializeCriticalSection(&cs);
    EnterCriticalSection(&cs);
    printf("try own=%d\n", TryEnterCriticalSection(&cs));
    HANDLE t = CreateThread(NULL, 0, other, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    printf("other thread try=%d\n", other_result);
    LeaveCriticalSection(&cs);
    LeaveCriticalSection(&cs);
    t = CreateThread(NULL, 0, other, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    printf("after leave try=%d\n", other_result);
    DeleteCriticalSection(&cs);
    return 0;
}
