/* exceptions/continue_handler: vectored continue handlers (AddVectoredContinueHandler) run after
 * an exception handler returns EXCEPTION_CONTINUE_EXECUTION.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-addvectoredcontinuehandler. Wine 8.0 agrees. */
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
