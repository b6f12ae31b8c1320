/* overflow.c: unbounded recursion ends with STATUS_STACK_OVERFLOW (0xC00000FD; a shell sees 253)
 * when nobody handles it (Microsoft docs, "Exception Handling" and the NTSTATUS values in
 * [MS-ERREF]), not by running into memory below the stack. Used by shell-tests.sh. */
#include <stdio.h>

static volatile int limit = -1;    /* never reached: keeps the compiler from calling it infinite */

static int depth(volatile char *prev, int n)
{
    volatile char frame[4096];
    frame[0] = (char)n;
    if (n == limit)
        return 0;
    return depth(frame, n + 1) + prev[0];
}

int main(void)
{
    char start = 0;
    return depth(&start, 0);
}
