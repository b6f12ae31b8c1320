/* runtimes: msvcrt ucrt */
/* exceptions/veh_order: vectored handlers run in order: those added with First=1 before earlier
 * ones; EXCEPTION_CONTINUE_SEARCH passes on; RemoveVectoredExceptionHandler takes one out.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-addvectoredexceptionhandler (FirstHandler). Wine 8.0 agrees. */
#include "common.h"

static char order[16];

static LONG CALLBACK h_a(EXCEPTION_POINTERS *ep)
{
    strcat(order, "a");
    return EXCEPTION_CONTINUE_SEARCH;
}

static LONG CALLBACK h_b(EXCEPTION_POINTERS *ep)
{
    strcat(order, "b");
    return EXCEPTION_CONTINUE_SEARCH;
}

static LONG CALLBACK h_c(EXCEPTION_POINTERS *ep)
{
    strcat(order, "c");
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    void *a = AddVectoredExceptionHandler(0, h_a);
    AddVectoredExceptionHandler(1, h_b);
    AddVectoredExceptionHandler(0, h_c);
    RaiseException(0xE0000003, 0, 0, NULL);
    printf("order=%s\n", order);
    order[0] = 0;
    printf("remove=%lu\n", RemoveVectoredExceptionHandler(a));
    RaiseException(0xE0000003, 0, 0, NULL);
    printf("order=%s\n", order);
    return 0;
}
