/* critsec_first_thread: a critical section entered while the process has one thread (vinho's
 * ntdll then uses plain stores) is seen held by the first thread made afterwards, which waits
 * for it and gets it when the main thread leaves it; recursion across the switch works. Expected
 * per https://learn.microsoft.com/windows/win32/sync/critical-section-objects. */
#include <windows.h>
#include <stdio.h>

static CRITICAL_SECTION cs;
static volatile LONG inside, entered;

static DWORD WINAPI contender(void *arg)
{
    InterlockedIncrement(&entered);
    EnterCriticalSection(&cs);
    inside = 1;
    LeaveCriticalSection(&cs);
    return 0;
}

int main(void)
{
    HANDLE t;
    InitializeCriticalSection(&cs);
    EnterCriticalSection(&cs);
    EnterCriticalSection(&cs);      /* recursion, taken with one thread */
    t = CreateThread(NULL, 0, contender, NULL, 0, NULL);
    while (!entered)
        Sleep(1);
    Sleep(50);
    printf("thread got in while held: %ld\n", inside);
    printf("try from the owner: %d\n", TryEnterCriticalSection(&cs));
    LeaveCriticalSection(&cs);
    LeaveCriticalSection(&cs);
    printf("still held once: %ld\n", inside);
    LeaveCriticalSection(&cs);
    printf("thread ended: %lu\n", WaitForSingleObject(t, 5000));
    printf("it got in: %ld\n", inside);
    EnterCriticalSection(&cs);
    printf("recursion count %ld\n", cs.RecursionCount);
    LeaveCriticalSection(&cs);
    printf("free again: %d\n", TryEnterCriticalSection(&cs));
    LeaveCriticalSection(&cs);
    DeleteCriticalSection(&cs);
    return 0;
}
