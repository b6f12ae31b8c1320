/* runtimes: msvcrt ucrt */
/* threads/wait_thread_handle_twice: a finished thread stays signaled: waiting on its handle again
 * returns WAIT_OBJECT_0 at once; a duplicated handle too.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-waitforsingleobject. Wine 8.0
 * agrees. */
#include "common.h"

static DWORD WINAPI worker(void *arg)
{
    return 0;
}

int main(void)
{
    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL), dup;
    WaitForSingleObject(t, INFINITE);
    DuplicateHandle(GetCurrentProcess(), t, GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS);
    printf("again=%lu dup=%lu\n", (unsigned long)WaitForSingleObject(t, 0), (unsigned long)WaitForSingleObject(dup, 0));
    return 0;
}
