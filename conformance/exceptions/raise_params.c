/* runtimes: msvcrt ucrt */
/* exceptions/raise_params: RaiseException delivers the code, flags and arguments to a vectored
 * handler; EXCEPTION_CONTINUE_EXECUTION returns from RaiseException.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-raiseexception
 * and
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-addvectoredexceptionhandler. Wine 8.0 agrees. */
#include "common.h"

static volatile DWORD code, flags, nparams;
static volatile ULONG_PTR params[16];

static LONG CALLBACK record_and_continue(EXCEPTION_POINTERS *ep)
{
    EXCEPTION_RECORD *r = ep->ExceptionRecord;
    code = r->ExceptionCode;
    flags = r->ExceptionFlags;
    nparams = r->NumberParameters;
    for (DWORD i = 0; i < r->NumberParameters && i < 16; i++)
        params[i] = r->ExceptionInformation[i];
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    AddVectoredExceptionHandler(1, record_and_continue);
    ULONG_PTR args[3] = { 10, 20, 30 };
    RaiseException(0xE0001234, 0, 3, args);
    printf("code=0x%lx flags=%lu n=%lu args=%llu %llu %llu\n", (unsigned long)code, (unsigned long)flags,
           (unsigned long)nparams, (unsigned long long)params[0], (unsigned long long)params[1], (unsigned long long)params[2]);
    return 0;
}
