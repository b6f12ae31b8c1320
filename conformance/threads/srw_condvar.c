/* runtimes: msvcrt ucrt */
/* threads/srw_condvar: an SRW lock with a condition variable: a producer thread signals, the
 * consumer wakes with the value set.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-sleepconditionvariablesrw.
 * Wine 8.0 agrees. */
#include "common.h"

static SRWLOCK lock = SRWLOCK_INIT;
static CONDITION_VARIABLE cv = CONDITION_VARIABLE_INIT;
static int value;

static DWORD WINAPI producer(void *arg)
{
    AcquireSRWLockExclusive(&lock);
    value = 5;
    ReleaseSRWLockExclusive(&lock);
    WakeConditionVariable(&cv);
    return 0;
}

int main(void)
{
    HANDLE t = CreateThread(NULL, 0, producer, NULL, 0, NULL);
    AcquireSRWLockExclusive(&lock);
    while (!value)
        SleepConditionVariableSRW(&cv, &lock, INFINITE, 0);
    ReleaseSRWLockExclusive(&lock);
    printf("value=%d\n", value);
    WaitForSingleObject(t, INFINITE);
    AcquireSRWLockShared(&lock);
    printf("try exclusive while shared=%d\n", TryAcquireSRWLockExclusive(&lock));
    ReleaseSRWLockShared(&lock);
    return 0;
}
