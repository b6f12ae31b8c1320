/* runtimes: msvcrt ucrt */
/* exceptions/noncontinuable: continuing a noncontinuable exception raises
 * STATUS_NONCONTINUABLE_EXCEPTION (0xC0000025).
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-raiseexception
 * (EXCEPTION_NONCONTINUABLE) and
 * https://learn.microsoft.com/windows/win32/debug/exception-handler-syntax. Wine 8.0 differs (no second exception); the documentation wins. */
#include "common.h"

static volatile DWORD codes[2], first_flags;
static volatile int n;
static CONTEXT resume;
static volatile int resumed;

static int capture(void)
{
    resumed = 0;
    RtlCaptureContext(&resume);
    return resumed;
}

static LONG CALLBACK handler(EXCEPTION_POINTERS *ep)
{
    if (n == 0)
        first_flags = ep->ExceptionRecord->ExceptionFlags;
    if (n < 2)
        codes[n] = ep->ExceptionRecord->ExceptionCode;
    if (n++ == 0)
        return EXCEPTION_CONTINUE_EXECUTION;   /* not allowed: raises the second exception */
    resumed = 1;
    *ep->ContextRecord = resume;
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    AddVectoredExceptionHandler(1, handler);
    if (capture() == 0)
        RaiseException(0xE0000002, EXCEPTION_NONCONTINUABLE, 0, NULL);
    printf("first=0x%lx flags=%lu second=0x%lx\n", (unsigned long)codes[0], (unsigned long)first_flags, (unsigned long)codes[1]);
    return 0;
}
