/* runtimes: msvcrt ucrt */
/* memory/guard_page: touching a PAGE_GUARD page raises STATUS_GUARD_PAGE_VIOLATION (0x80000001)
 * once; the guard is then removed.
 * Expected per https://learn.microsoft.com/windows/win32/memory/creating-guard-pages. Wine 8.0
 * agrees. */
#include "common.h"

static volatile DWORD seen;

static LONG CALLBACK handler(EXCEPTION_POINTERS *ep)
{
    seen = ep->ExceptionRecord->ExceptionCode;
    return EXCEPTION_CONTINUE_EXECUTION;   /* the guard is gone: the access is retried and works */
}

int main(void)
{
    AddVectoredExceptionHandler(1, handler);
    volatile char *p = VirtualAlloc(NULL, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD);
    char c = p[0];
    printf("first: code=0x%lx\n", (unsigned long)seen);
    seen = 0;
    c = p[1];
    printf("second: code=0x%lx value=%d\n", (unsigned long)seen, c);
    return 0;
}
