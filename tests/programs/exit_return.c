/* exit_return.c: the value main returns is the process exit code, after the C run-time has run
 * the atexit functions and flushed stdout (output without a final newline included).
 * Expected: C17 5.1.2.2.3 (return from main is exit(value)) and 7.22.4.4 (exit calls the atexit
 * functions in reverse order of registration, then flushes the streams); exit codes:
 * https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/exit-exit-exit
 * Checked with Wine 8.0. */
#include <stdio.h>
#include <stdlib.h>

static void first(void)
{
    printf("atexit: registered first, runs last\n");
}

static void second(void)
{
    printf("atexit: registered second, runs first\n");
}

int main(void)
{
    atexit(first);
    atexit(second);
    printf("main returns 200 (this line has no newline)");
    return 200;
}
