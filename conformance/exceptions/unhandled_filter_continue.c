/* runtimes: msvcrt ucrt */
/* exceptions/unhandled_filter_continue: a filter returning EXCEPTION_CONTINUE_EXECUTION resumes
 * after RaiseException; SetUnhandledExceptionFilter returns the previous filter.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-setunhandledexceptionfilter. Wine 8.0 agrees. */
#include "common.h"

static int calls;

static LONG WINAPI filter(EXCEPTION_POINTERS *ep)
{
    calls++;
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    LPTOP_LEVEL_EXCEPTION_FILTER prev = SetUnhandledExceptionFilter(filter);
    RaiseException(0xE0000006, 0, 0, NULL);
    printf("resumed calls=%d\n", calls);
    printf("previous returned=%d\n", SetUnhandledExceptionFilter(prev) == filter);
    return 0;
}
