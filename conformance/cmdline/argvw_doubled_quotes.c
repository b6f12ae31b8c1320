/* cmdline/argvw_doubled_quotes: inside quotes, "" is a literal quote and ends the quoted part (so
 * a following quote opens a new one).
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw and
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments (its table:
 * a"b"" c d gives ab", c, d). Wine 8.0 agrees; not yet recorded on Windows. */
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
    split(L"prog \"a\"\"b\"");
    split(L"prog \"a\"\"\" b");
    split(L"prog \"\"\"\"");
    return 0;
}
