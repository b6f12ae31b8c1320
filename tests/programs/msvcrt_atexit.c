/* msvcrt_atexit.c: exit() runs the atexit/_onexit handlers last-registered first, a handler
 * may register another (which then runs next), and the buffered stdout (a file here, so fully
 * buffered) is flushed after the handlers, before the process ends with exit's code.
 * Expected, from Microsoft's documentation:
 * - exit https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/exit-exit-exit
 *   (calls, in LIFO order, the functions registered by atexit and _onexit, flushes all file
 *   buffers, then ends the process with the status);
 * - atexit https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/atexit
 *   (returns 0 on success); _onexit https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/onexit-onexit-m
 *   (returns the function pointer). */
#include <stdio.h>
#include <stdlib.h>

static void late(void) { printf("late handler (registered by first)\n"); }
static void first(void) { printf("first registered, runs last: atexit(late) = %d\n", atexit(late)); }
static void second(void) { printf("second registered\n"); }
static int third(void) { printf("third registered (_onexit)\n"); return 0; }

int main(void)
{
    printf("atexit(first) = %d\n", atexit(first));
    printf("atexit(second) = %d\n", atexit(second));
    printf("_onexit(third) returns it: %s\n", _onexit(third) == third ? "yes" : "no");
    printf("calling exit(5); this line is still in the buffer\n");
    exit(5);
}
