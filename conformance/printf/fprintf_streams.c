/* printf/fprintf_streams: fprintf to stdout and fputs/putchar interleave in order; fprintf to
 * stderr does not appear on stdout.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/reference/fprintf-fprintf-l-fwprintf-fwprintf-l. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    fprintf(stdout, "one ");
    fputs("two ", stdout);
    putchar('3');
    fprintf(stderr, "to stderr\n");
    printf("\n");
    return 0;
}
