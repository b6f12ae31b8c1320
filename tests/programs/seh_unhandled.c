/* seh_unhandled.c: SetUnhandledExceptionFilter (Microsoft docs): the filter sees exceptions no
 * handler took; EXCEPTION_CONTINUE_EXECUTION resumes with the context it fixed;
 * EXCEPTION_EXECUTE_HANDLER ends the process with the exception code as exit code (a shell sees
 * its low byte: 0xC0000005 -> 5), without any report. The previous filter is returned (here
 * the one MinGW's start-up code installed). Checked with Wine 8.0. */
#include <windows.h>
#include <stdio.h>

static int target, calls;

static LONG WINAPI filter(EXCEPTION_POINTERS *ptrs)
{
    printf("filter: %#lx, call %d\n", ptrs->ExceptionRecord->ExceptionCode, ++calls);
    fflush(stdout);
    if (calls == 1) {
        ptrs->ContextRecord->Rax = (ULONG64)&target;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    return EXCEPTION_EXECUTE_HANDLER;
}

int main(void)
{
    LPTOP_LEVEL_EXCEPTION_FILTER old = SetUnhandledExceptionFilter(filter);
    printf("previous filter set: %s\n", old ? "yes" : "no");
    printf("our filter returned: %s\n", SetUnhandledExceptionFilter(filter) == filter ? "yes" : "no");
    __asm__ volatile("xorl %%eax, %%eax\n\tmovl $7, (%%rax)" ::: "rax", "memory");
    printf("continued: target=%d\n", target);
    fflush(stdout);
    __asm__ volatile("xorl %%eax, %%eax\n\tmovl $8, (%%rax)" ::: "rax", "memory");
    printf("not reached\n");
    return 0;
}
