/* runtimes: msvcrt ucrt */
/* exceptions/raise_too_many_params: RaiseException with more than EXCEPTION_MAXIMUM_PARAMETERS
 * (15) arguments passes only 15.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-raiseexception
 * ("If this parameter exceeds EXCEPTION_MAXIMUM_PARAMETERS, the function sets it to
 * EXCEPTION_MAXIMUM_PARAMETERS"... the count is limited). Wine 8.0 agrees. */
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
    ULONG_PTR args[20];
    for (int i = 0; i < 20; i++)
        args[i] = i;
    RaiseException(0xE0000001, 0, 20, args);
    printf("n=%lu last=%llu\n", (unsigned long)nparams, (unsigned long long)params[nparams - 1]);
    return 0;
}
