/* runtimes: msvcrt ucrt */
/* exceptions/stack_overflow: unbounded recursion raises EXCEPTION_STACK_OVERFLOW (0xC00000FD) to a
 * vectored handler; the handler records it and ends the process with exit code 7.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/minwinbase/ns-minwinbase-exception_record and
 * https://learn.microsoft.com/windows/win32/procthread/thread-stack-size. Wine 8.0 agrees. */
#include "common.h"

static LONG CALLBACK handler(EXCEPTION_POINTERS *ep)
{
    if (ep->ExceptionRecord->ExceptionCode == EXCEPTION_STACK_OVERFLOW) {
        /* little stack is left: no printf here */
        static const char msg[] = "stack overflow seen\r\n";
        DWORD done;
        WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), msg, sizeof(msg) - 1, &done, NULL);
        ExitProcess(7);
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

static int recurse(int n)
{
    volatile char pad[512];
    pad[0] = (char)n;
    return recurse(n + 1) + pad[0];
}

int main(void)
{
    AddVectoredExceptionHandler(1, handler);
    printf("depth>0=%d\n", recurse(1) > 0);
    return 0;
}
