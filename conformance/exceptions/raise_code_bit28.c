/* runtimes: msvcrt ucrt */
/* exceptions/raise_code_bit28: RaiseException clears bit 28 of the code (reserved for the system).
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-raiseexception
 * ("The fourth bit is reserved: the system clears it"). Wine 8.0 agrees. */
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
    RaiseException(0xF0000001, 0, 0, NULL);
    printf("code=0x%lx\n", (unsigned long)code);
    return 0;
}
