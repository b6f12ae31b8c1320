/* runtimes: msvcrt ucrt */
/* console/stderr_unbuffered: stderr output is not on stdout; stdout keeps its order across fflush
 * and _write.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/stdin-stdout-stderr. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    printf("a");
    fprintf(stderr, "err");
    fflush(stdout);
    _write(1, "b", 1);
    printf("c\n");
    return 0;
}
