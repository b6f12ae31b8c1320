/* runtimes: msvcrt ucrt */
/* threads/event_manual_auto: a manual-reset event stays signaled for every wait; an auto-reset
 * event releases one wait and resets; ResetEvent and PulseEvent-free checks.
 * Expected per https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-createeventw.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE m = CreateEventW(NULL, TRUE, TRUE, NULL);
    HANDLE a = CreateEventW(NULL, FALSE, TRUE, NULL);
    printf("manual: %lu %lu\n", (unsigned long)WaitForSingleObject(m, 0), (unsigned long)WaitForSingleObject(m, 0));
    printf("auto: %lu %lu\n", (unsigned long)WaitForSingleObject(a, 0), (unsigned long)WaitForSingleObject(a, 0));
    ResetEvent(m);
    printf("manual after reset: %lu\n", (unsigned long)WaitForSingleObject(m, 0));
    return 0;
}
