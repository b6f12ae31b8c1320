/* runtimes: msvcrt ucrt */
/* threads/mutex_abandoned: a mutex whose owner thread ends without releasing it is abandoned: the
 * next wait returns WAIT_ABANDONED (0x80) and owns it.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-waitforsingleobject
 * (WAIT_ABANDONED). Wine 8.0 agrees. */
#include "common.h"

static DWORD WINAPI owner(void *mx)
{
    WaitForSingleObject(mx, INFINITE);
    return 0;   /* ends while owning it */
}

int main(void)
{
    HANDLE mx = CreateMutexW(NULL, FALSE, NULL);
    HANDLE t = CreateThread(NULL, 0, owner, mx, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    printf("wait=0x%lx\n", (unsigned long)WaitForSingleObject(mx, 0));
    printf("release=%d\n", ReleaseMutex(mx));
    return 0;
}
