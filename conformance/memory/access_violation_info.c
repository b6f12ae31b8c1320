/* runtimes: msvcrt ucrt */
/* memory/access_violation_info: writing to a read-only page raises STATUS_ACCESS_VIOLATION with
 * ExceptionInformation[0]=1 (write) and [1]=the address.
 * Expected per https://learn.microsoft.com/windows/win32/api/winnt/ns-winnt-exception_record
 * (EXCEPTION_ACCESS_VIOLATION parameters). Wine 8.0 agrees. */
#include "common.h"

static volatile ULONG_PTR info[4];
static volatile char *page;

static LONG CALLBACK handler(EXCEPTION_POINTERS *ep)
{
    EXCEPTION_RECORD *r = ep->ExceptionRecord;
    info[0] = r->ExceptionCode;
    info[1] = r->NumberParameters;
    info[2] = r->ExceptionInformation[0];
    info[3] = r->ExceptionInformation[1];
    DWORD old;
    VirtualProtect((void *)page, 0x1000, PAGE_READWRITE, &old);
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    AddVectoredExceptionHandler(1, handler);
    page = VirtualAlloc(NULL, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_READONLY);
    page[8] = 1;
    printf("code=0x%lx params=%lu write=%llu at offset=%lld\n", (unsigned long)info[0], (unsigned long)info[1],
           (unsigned long long)info[2], (long long)(info[3] - (ULONG_PTR)page));
    return 0;
}
