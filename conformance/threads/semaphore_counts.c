/* runtimes: msvcrt ucrt */
/* threads/semaphore_counts: ReleaseSemaphore returns the previous count; releasing beyond the
 * maximum fails with ERROR_TOO_MANY_POSTS (298); waits decrement.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-releasesemaphore. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    HANDLE s = CreateSemaphoreW(NULL, 1, 3, NULL);
    LONG prev = -1;
    printf("release 1=%d prev=%ld\n", ReleaseSemaphore(s, 1, &prev), prev);
    SHOW("release 2 (over max)", ReleaseSemaphore(s, 2, &prev));
    printf("waits: %lu %lu %lu\n", (unsigned long)WaitForSingleObject(s, 0), (unsigned long)WaitForSingleObject(s, 0),
           (unsigned long)WaitForSingleObject(s, 0));
    SHOW("bad initial", CreateSemaphoreW(NULL, 5, 3, NULL) != NULL);
    return 0;
}
