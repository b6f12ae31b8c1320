/* runtimes: msvcrt ucrt */
/* exceptions/breakpoint: int3 raises EXCEPTION_BREAKPOINT (0x80000003); on x64 the exception
 * address is the int3 instruction and the handler must step over it to continue.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/minwinbase/ns-minwinbase-exception_record. Wine
 * 8.0 agrees (x64 reports the address of the int3 itself). */
#include "common.h"

static volatile DWORD code;
static volatile int at_int3;

static LONG CALLBACK handler(EXCEPTION_POINTERS *ep)
{
    code = ep->ExceptionRecord->ExceptionCode;
    at_int3 = *(unsigned char *)ep->ExceptionRecord->ExceptionAddress == 0xcc;
    ep->ContextRecord->Rip = (DWORD64)ep->ExceptionRecord->ExceptionAddress + 1;
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    AddVectoredExceptionHandler(1, handler);
    __asm__ volatile("int3");
    printf("code=0x%lx at int3=%d continued\n", (unsigned long)code, (int)at_int3);
    return 0;
}
