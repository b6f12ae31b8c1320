/* runtimes: msvcrt ucrt */
/* threads/wait_timeout: WaitForSingleObject on an unsignaled event with a 0 and a short timeout
 * returns WAIT_TIMEOUT (258).
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-waitforsingleobject. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
    printf("zero=%lu\n", (unsigned long)WaitForSingleObject(e, 0));
    printf("short=%lu\n", (unsigned long)WaitForSingleObject(e, 10));
    SetEvent(e);
    printf("signaled=%lu\n", (unsigned long)WaitForSingleObject(e, 0));
    return 0;
}
