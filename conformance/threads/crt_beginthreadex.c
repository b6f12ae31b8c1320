/* runtimes: msvcrt ucrt */
/* threads/crt_beginthreadex: msvcrt _beginthreadex returns a waitable handle; _endthreadex sets
 * the exit code.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/reference/beginthread-beginthreadex. Wine 8.0
 * agrees. */
#include "common.h"
#include <process.h>

static unsigned __stdcall worker(void *arg)
{
    _endthreadex(23);
    return 0;
}

int main(void)
{
    unsigned id;
    HANDLE t = (HANDLE)_beginthreadex(NULL, 0, worker, NULL, 0, &id);
    WaitForSingleObject(t, INFINITE);
    DWORD code;
    GetExitCodeThread(t, &code);
    printf("code=%lu\n", (unsigned long)code);
    CloseHandle(t);
    return 0;
}
