/* cmdline/argvw_empty: an empty command line gives the module path (1 piece); leading blanks
 * before the program name make an empty first piece.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw and
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments; the
 * CommandLineToArgvW page says "if lpCmdLine starts with any amount of whitespace,
 * CommandLineToArgvW will consider the first argument to be an empty string" and that trailing
 * whitespace is ignored. Wine 8.0 agrees. */
#include "common.h"
#include <shellapi.h>

/* Splits a command line with CommandLineToArgvW and prints the pieces. */
static void split(const WCHAR *cmd)
{
    int n = -1;
    LPWSTR *argv = CommandLineToArgvW(cmd, &n);
    printf("[");
    print_w(cmd, -1);
    printf("] -> %d:", n);
    for (int i = 0; argv && i < n; i++) {
        printf(" <");
        print_w(argv[i], -1);
        printf(">");
    }
    printf("\n");
    LocalFree(argv);
}

int main(void)
{
    split(L" a b");
    split(L"prog ");
    return 0;
}
