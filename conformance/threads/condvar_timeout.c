/* runtimes: msvcrt ucrt */
/* threads/condvar_timeout: SleepConditionVariableSRW with a timeout and no wake returns FALSE with
 * ERROR_TIMEOUT (1460).
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-sleepconditionvariablesrw
 * (Return value). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    SRWLOCK lock = SRWLOCK_INIT;
    CONDITION_VARIABLE cv = CONDITION_VARIABLE_INIT;
    AcquireSRWLockExclusive(&lock);
    SHOW("timeout", SleepConditionVariableSRW(&cv, &lock, 10, 0));
    ReleaseSRWLockExclusive(&lock);
    return 0;
}
