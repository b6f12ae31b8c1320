/* runtimes: msvcrt ucrt */
/* threads/wait_multiple_any_all: WaitForMultipleObjects: bWaitAll FALSE returns WAIT_OBJECT_0 +
 * the lowest signaled index; TRUE waits for all; too many handles fail with
 * ERROR_INVALID_PARAMETER.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-waitformultipleobjects. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE e[3];
    for (int i = 0; i < 3; i++)
        e[i] = CreateEventW(NULL, TRUE, FALSE, NULL);
    SetEvent(e[2]);
    SetEvent(e[1]);
    printf("any=%lu\n", (unsigned long)WaitForMultipleObjects(3, e, FALSE, 0));
    printf("all=%lu\n", (unsigned long)WaitForMultipleObjects(3, e, TRUE, 0));
    SetEvent(e[0]);
    printf("all now=%lu\n", (unsigned long)WaitForMultipleObjects(3, e, TRUE, 0));
    HANDLE many[MAXIMUM_WAIT_OBJECTS + 1];
    for (int i = 0; i <= MAXIMUM_WAIT_OBJECTS; i++)
        many[i] = e[0];
    SHOW("65 handles", WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS + 1, many, FALSE, 0));
    return 0;
}
