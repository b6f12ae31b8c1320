/* runtimes: msvcrt ucrt */
/* exceptions/null_read: reading address 0 raises EXCEPTION_ACCESS_VIOLATION with
 * ExceptionInformation[0]=0 (read) and [1]=0.
 * Expected per https://learn.microsoft.com/windows/win32/api/winnt/ns-winnt-exception_record
 * (EXCEPTION_ACCESS_VIOLATION). Wine 8.0 agrees. */
#include "common.h"

static volatile DWORD code;
static volatile ULONG_PTR info[2];
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
    info[0] = ep->ExceptionRecord->ExceptionInformation[0];
    info[1] = ep->ExceptionRecord->ExceptionInformation[1];
    resumed = 1;
    *ep->ContextRecord = resume;
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    AddVectoredExceptionHandler(1, handler);
    if (capture() == 0)
        printf("%d\n", *(volatile int *)0);
    printf("code=0x%lx rw=%llu addr=%llu\n", (unsigned long)code, (unsigned long long)info[0], (unsigned long long)info[1]);
    return 0;
}
