/* runtimes: msvcrt ucrt */
/* exceptions/divide_by_zero: an integer division by zero raises EXCEPTION_INT_DIVIDE_BY_ZERO
 * (0xC0000094) at the faulting instruction.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/minwinbase/ns-minwinbase-exception_record
 * (exception codes). Wine 8.0 agrees. */
#include "common.h"

static volatile DWORD code;
static volatile ULONG_PTR address_ok;
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
    code = ep->ExceptionRecord->ExceptionCode;
    address_ok = ep->ExceptionRecord->ExceptionAddress == (void *)ep->ContextRecord->Rip;
    resumed = 1;
    *ep->ContextRecord = resume;
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    AddVectoredExceptionHandler(1, handler);
    volatile int zero = 0;
    if (capture() == 0)
        printf("%d\n", 10 / zero);
    printf("code=0x%lx address is rip=%d\n", (unsigned long)code, (int)address_ok);
    return 0;
}
