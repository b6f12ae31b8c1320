/* cmdline/argvw_backslash_quote: 2n backslashes before a quote give n backslashes and a quote
 * delimiter; 2n+1 give n backslashes and a literal quote.
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
    split(L"prog a\\\"b");
    split(L"prog a\\\\\"b c\"");
    split(L"prog a\\\\\\\"b");
    split(L"prog \"a\\\\\"");
    return 0;
}
