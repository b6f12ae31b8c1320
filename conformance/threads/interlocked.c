/* runtimes: msvcrt ucrt */
/* threads/interlocked: Interlocked functions return values: Increment/Decrement the new value,
 * Exchange/CompareExchange/ExchangeAdd the old one; 4 threads x 10000 increments total 40000.
 * Expected per https://learn.microsoft.com/windows/win32/api/winnt/nf-winnt-interlockedincrement
 * and related pages. Wine 8.0 agrees. */
#include "common.h"

static LONG counter;

static DWORD WINAPI adder(void *arg)
{
    for (int i = 0; i < 10000; i++)
        InterlockedIncrement(&counter);
    return 0;
}

int main(void)
{
    LONG v = 5;
    printf("inc=%ld dec=%ld\n", InterlockedIncrement(&v), InterlockedDecrement(&v));
    printf("xchg=%ld now=%ld\n", InterlockedExchange(&v, 9), v);
    printf("cmpxchg miss=%ld hit=%ld now=%ld\n", InterlockedCompareExchange(&v, 1, 3), InterlockedCompareExchange(&v, 1, 9), v);
    printf("add old=%ld now=%ld\n", InterlockedExchangeAdd(&v, 10), v);
    HANDLE t[4];
    for (int i = 0; i < 4; i++)
        t[i] = CreateThread(NULL, 0, adder, NULL, 0, NULL);
    WaitForMultipleObjects(4, t, TRUE, INFINITE);
    printf("total=%ld\n", counter);
    return 0;
}
