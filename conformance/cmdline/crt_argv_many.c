/* runtimes: msvcrt ucrt */
/* cmdline/crt_argv_many: many arguments (40) arrive in order. The runner passes the arguments from
 * crt_argv_many.args (one a line); record.cmd passes them quoted.
 * Expected per https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    printf("argc=%d\n", __argc);
    for (int i = 1; i < __argc; i++) {
        printf("argv[%d]=<", i);
        print_a(__argv[i], -1);
        printf(">\n");
    }
    return 0;
}
