/* runtimes: msvcrt ucrt */
/* exceptions/continue_handler: vectored continue handlers (AddVectoredContinueHandler) run after
 * an exception handler returns EXCEPTION_CONTINUE_EXECUTION.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-addvectoredcontinuehandler
 * and https://learn.microsoft.com/windows/win32/debug/vectored-exception-handling, which name the
 * handlers but not when continue handlers run: "ec" (they run whenever the dispatch ends in
 * continuing, a vectored handler's EXCEPTION_CONTINUE_EXECUTION included) is not yet recorded on
 * Windows. Wine 8.0 differs: it prints order=e. */
#include "common.h"

static char order[16];

static LONG CALLBACK veh(EXCEPTION_POINTERS *ep)
{
    strcat(order, "e");
    return EXCEPTION_CONTINUE_EXECUTION;
}

static LONG CALLBACK vch(EXCEPTION_POINTERS *ep)
{
    strcat(order, "c");
    return EXCEPTION_CONTINUE_SEARCH;
}

int main(void)
{
    AddVectoredExceptionHandler(1, veh);
    AddVectoredContinueHandler(1, vch);
    RaiseException(0xE0000004, 0, 0, NULL);
    printf("order=%s\n", order);
    return 0;
}
