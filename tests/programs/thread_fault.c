/* thread_fault: an access violation nobody handles, in a thread other than the main one, ends the
 * process with the exception code (0xC0000005: a shell sees 5), as it does in the main thread;
 * the fault is not lost because of the new thread's signal set-up. */
#include <windows.h>

static DWORD WINAPI bad(void *arg)
{
    *(volatile int *)arg = 1;
    return 0;
}

int main(void)
{
    HANDLE t = CreateThread(NULL, 0, bad, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    return 0;
}
