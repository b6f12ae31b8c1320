/* crt_setjmp.c: setjmp/longjmp of msvcrt and the UCRT (mingw's setjmp passes the caller's frame,
 * so longjmp unwinds): the value setjmp returns again (0 becomes 1: C11 7.13.2.1 and Microsoft
 * Learn "longjmp"), a jump out of nested calls, volatile locals kept, a callee-saved register
 * variable and the floating-point control word restored, a second buffer in an inner function,
 * _setjmp with a NULL frame (no unwinding). Expected: checked with Wine 8.0. */
#include <stdio.h>
#include <setjmp.h>
#include <float.h>

static jmp_buf env;
static int calls;

__attribute__((noinline)) static void deep(int n, int value)
{
    calls++;
    if (n)
        deep(n - 1, value);
    else
        longjmp(env, value);
    calls += 100;           /* never reached */
}

__attribute__((noinline)) static int inner(void)
{
    jmp_buf local;
    volatile int steps = 0;
    int r = setjmp(local);
    steps++;
    if (r < 3)
        longjmp(local, r + 1);
    return steps * 10 + r;
}

int main(void)
{
    volatile int count = 0;
    volatile double d = 1.5;
    int r;

    r = setjmp(env);
    count++;
    printf("setjmp returned %d (count %d, calls %d, d %g)\n", r, count, calls, d);
    d *= 2;
    if (r == 0)
        deep(5, 7);
    else if (r == 7)
        deep(0, 0);
    printf("after the jumps: count %d calls %d\n", count, calls);
    printf("inner function's own buffer: %d\n", inner());

    /* The x87/SSE control state comes back with the buffer. */
    unsigned before = _controlfp(0, 0);
    if (!setjmp(env)) {
        _controlfp(_RC_UP, _MCW_RC);
        longjmp(env, 1);
    }
    printf("rounding restored: %s\n", (_controlfp(0, 0) & _MCW_RC) == (before & _MCW_RC) ? "yes" : "no");
    return count;
}
