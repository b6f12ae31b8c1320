/* runtimes: msvcrt ucrt */
/* exceptions/exception_in_thread: an exception raised in a second thread reaches the vectored
 * handler (process-wide) on that thread.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-addvectoredexceptionhandler. Wine 8.0 agrees. */
#include "common.h"

static volatile DWORD code, worker_tid;
static volatile int same_thread;

static LONG CALLBACK handler(EXCEPTION_POINTERS *ep)
{
    code = ep->ExceptionRecord->ExceptionCode;
    same_thread = GetCurrentThreadId() == worker_tid;
    return EXCEPTION_CONTINUE_EXECUTION;
}

/* The worker notes its own id: CreateThread's lpThreadId may be stored only after the new thread
 * has already raised, so the handler must not compare with that. */
static DWORD WINAPI worker(void *arg)
{
    worker_tid = GetCurrentThreadId();
    RaiseException(0xE0000007, 0, 0, NULL);
    return 0;
}

int main(void)
{
    AddVectoredExceptionHandler(1, handler);
    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    printf("code=0x%lx on that thread=%d\n", (unsigned long)code, same_thread);
    return 0;
}
