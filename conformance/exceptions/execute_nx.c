/* runtimes: msvcrt ucrt */
/* exceptions/execute_nx: calling code in a PAGE_READWRITE page raises STATUS_ACCESS_VIOLATION
 * with ExceptionInformation[0]=8 (a data execution prevention violation) and [1]=the address;
 * the same code runs once the page is PAGE_EXECUTE_READ.
 * Expected per https://learn.microsoft.com/windows/win32/api/winnt/ns-winnt-exception_record
 * ("If this value is 8, the thread caused a user-mode data execution prevention (DEP)
 * violation") and https://learn.microsoft.com/windows/win32/memory/data-execution-prevention
 * (64-bit processes always have DEP on). Wine 8.0 agrees. */
#include "common.h"

static volatile DWORD code, nparams;
static volatile ULONG_PTR info0, info1;

/* Records the fault and returns to the caller of the faulting function (the call pushed the
 * return address, which is on top of the stack at the first instruction). */
static LONG CALLBACK handler(EXCEPTION_POINTERS *ep)
{
    EXCEPTION_RECORD *r = ep->ExceptionRecord;
    code = r->ExceptionCode;
    nparams = r->NumberParameters;
    info0 = r->ExceptionInformation[0];
    info1 = r->ExceptionInformation[1];
    ep->ContextRecord->Rip = *(DWORD64 *)ep->ContextRecord->Rsp;
    ep->ContextRecord->Rsp += 8;
    ep->ContextRecord->Rax = 0;
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    /* mov eax, 42; ret */
    static const unsigned char code_bytes[] = { 0xb8, 0x2a, 0x00, 0x00, 0x00, 0xc3 };
    unsigned char *page = VirtualAlloc(NULL, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    memcpy(page, code_bytes, sizeof(code_bytes));
    AddVectoredExceptionHandler(1, handler);
    int r = ((int (*)(void))page)();
    printf("rw page: ret=%d code=0x%lx params=%lu info0=%llu at page=%d\n", r, (unsigned long)code,
           (unsigned long)nparams, (unsigned long long)info0, info1 == (ULONG_PTR)page);
    DWORD old;
    code = 0;
    BOOL ok = VirtualProtect(page, 0x1000, PAGE_EXECUTE_READ, &old);
    printf("protect=%d old=0x%lx\n", ok, (unsigned long)old);
    FlushInstructionCache(GetCurrentProcess(), page, 0x1000);
    r = ((int (*)(void))page)();
    printf("rx page: ret=%d code=0x%lx\n", r, (unsigned long)code);
    return 0;
}
