/* runtimes: msvcrt ucrt */
/* cmdline/crt_argv_basic: the CRT's argc/argv for arguments with spaces, embedded quotes, a
 * trailing backslash and an empty argument (the runner passes them from crt_argv_basic.args,
 * one a line; on Windows record.cmd passes the quoted crt_argv_basic.cmdline).
 * Expected per https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments
 * (the backslash and quote rules). Wine 8.0 agrees. */
#include "common.h"

int main(int argc, char **argv)
{
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("argv[%d]=[", i);
        print_a(argv[i], -1);
        printf("]\n");
    }
    printf("argv[argc]=%s\n", argv[argc] ? "set" : "NULL");
    return 0;
}
