/* exceptions/exception_in_thread: an exception raised in a second thread reaches the vectored
 * handler (process-wide) on that thread.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-addvectoredexceptionhandler. Wine 8.0 agrees. */
#include "common.h"

static volatile DWORD code, tid;
static volatile int same_thread;

static LONG CALLBACK handler(EXCEPTION_POINTERS *ep)
{
    code = ep->ExceptionRecord->ExceptionCode;
    same_thread = GetCurrentThreadId() == tid;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static DWORD WINAPI worker(void *arg)
{
    RaiseException(0xE0000007, 0, 0, NULL);
    return 0;
}

int main(void)
{
    AddVectoredExceptionHandler(1, handler);
    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, &tid);
    WaitForSingleObject(t, INFINITE);
    printf("code=0x%lx on that thread=%d\n", (unsigned long)code, same_thread);
    return 0;
}
