/* runtimes: msvcrt ucrt */
/* console/stdin_pipe_lines: a case with a .stdin file: fgets reads lines with text-mode CR LF to
 * LF translation; then EOF.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/fgets-fgetws and
 * .../fopen-wfopen (text mode). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    char buf[32];
    while (fgets(buf, sizeof(buf), stdin)) {
        printf("line <");
        print_a(buf, -1);
        printf(">\n");
    }
    printf("eof=%d\n", feof(stdin) != 0);
    return 0;
}
