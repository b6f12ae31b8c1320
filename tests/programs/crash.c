/* crash.c: a fault nobody handles ends the process with the exception code as exit status
 * (Microsoft docs, "Exception Handling (Windows)": the unhandled-exception default), here
 * STATUS_ACCESS_VIOLATION 0xC0000005 (a shell sees 5) or STATUS_INTEGER_DIVIDE_BY_ZERO
 * 0xC0000094 (148). Used by shell-tests.sh, with the argument "write" or "divide". */
#include <stdio.h>
#include <string.h>

static volatile int zero;
static volatile int *volatile bad = (int *)16;

int main(int argc, char **argv)
{
    fflush(stdout);
    if (argc > 1 && !strcmp(argv[1], "divide"))
        return 10 / zero;
    *bad = 1;
    return 0;
}
