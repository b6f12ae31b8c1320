/* runtimes: msvcrt ucrt */
/* exceptions/priv_instruction: a privileged instruction (HLT) in user mode raises
 * STATUS_PRIVILEGED_INSTRUCTION (0xC0000096) at that instruction; a handler that steps over it
 * continues.
 * Expected per https://learn.microsoft.com/windows/win32/api/winnt/ns-winnt-exception_record
 * (EXCEPTION_PRIV_INSTRUCTION: "The thread tried to execute an instruction whose operation is not
 * allowed in the current machine mode") and
 * https://learn.microsoft.com/windows/win32/debug/getexceptioncode (its value). Wine 8.0 agrees. */
#include "common.h"

static volatile DWORD code, nparams;
static volatile int at_hlt;

static LONG CALLBACK handler(EXCEPTION_POINTERS *ep)
{
    code = ep->ExceptionRecord->ExceptionCode;
    nparams = ep->ExceptionRecord->NumberParameters;
    at_hlt = *(unsigned char *)ep->ContextRecord->Rip == 0xf4 &&
             ep->ExceptionRecord->ExceptionAddress == (void *)ep->ContextRecord->Rip;
    ep->ContextRecord->Rip += 1;   /* HLT is one byte */
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    AddVectoredExceptionHandler(1, handler);
    __asm__ volatile ("hlt");
    printf("code=0x%lx params=%lu at hlt=%d\n", (unsigned long)code, (unsigned long)nparams, at_hlt);
    return 0;
}
