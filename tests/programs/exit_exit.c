/* exit_exit.c: exit() from a nested function ends the process with its status; code after the
 * call never runs; stdout's buffer is flushed and atexit functions run.
 * Expected: https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/exit-exit-exit
 * ("exit ... calls, in LIFO order, the functions registered by atexit and _onexit, and then
 * flushes all file buffers before it terminates the process"). Checked with Wine 8.0. */
#include <stdio.h>
#include <stdlib.h>

static void bye(void)
{
    printf("atexit handler ran\n");
}

static void deep(int depth)
{
    if (depth < 0)
        return;
    if (depth == 0) {
        printf("calling exit(7) at depth 0\n");
        exit(7);
    }
    deep(depth - 1);
    printf("not reached\n");
}

int main(void)
{
    atexit(bye);
    deep(5);
    printf("not reached either\n");
    return 1;
}
