/* runtimes: msvcrt ucrt */
/* exceptions/unhandled_filter: an unhandled exception goes to the SetUnhandledExceptionFilter
 * filter; EXCEPTION_EXECUTE_HANDLER ends the process with the exception code as exit code.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-setunhandledexceptionfilter and https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-unhandledexceptionfilter. The exit code is the exception code, shown as
 * cmd.exe's signed ERRORLEVEL (-536870907 = 0xE0000005). Wine 8.0 agrees. */
#include "common.h"

static LONG WINAPI filter(EXCEPTION_POINTERS *ep)
{
    printf("filter code=0x%lx\n", (unsigned long)ep->ExceptionRecord->ExceptionCode);
    fflush(stdout);
    return EXCEPTION_EXECUTE_HANDLER;
}

int main(void)
{
    SetErrorMode(SEM_NOGPFAULTERRORBOX);
    SetUnhandledExceptionFilter(filter);
    RaiseException(0xE0000005, 0, 0, NULL);
    printf("not reached\n");
    return 0;
}
