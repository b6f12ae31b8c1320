/* cmdline/argvw_basic: CommandLineToArgvW splits on spaces and tabs; several blanks count as one;
 * the program name is the first piece.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw and
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments. Wine 8.0 agrees. */
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
    split(L"prog a b");
    split(L"prog  a\x0009" L" b");
    split(L"prog");
    return 0;
}
