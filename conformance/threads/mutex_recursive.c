/* runtimes: msvcrt ucrt */
/* threads/mutex_recursive: a mutex can be taken again by its owner (recursion count); ReleaseMutex
 * by a non-owner fails with ERROR_NOT_OWNER (288); too many releases fail.
 * Expected per https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-releasemutex.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE mx = CreateMutexW(NULL, TRUE, NULL);
    printf("again=%lu\n", (unsigned long)WaitForSingleObject(mx, 0));
    printf("release 1=%d\n", ReleaseMutex(mx));
    printf("release 2=%d\n", ReleaseMutex(mx));
    SHOW("release 3", ReleaseMutex(mx));
    return 0;
}
