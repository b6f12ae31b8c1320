/* runtimes: msvcrt ucrt */
/* cmdline/argvw_backslash_quote: 2n backslashes before a quote give n backslashes and a quote
 * delimiter; 2n+1 give n backslashes and a literal quote.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw and
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    split_argvw(L"prog a\\\"b");
    split_argvw(L"prog a\\\\\"b c\"");
    split_argvw(L"prog a\\\\\\\"b");
    split_argvw(L"prog \"a\\\\\"");
    return 0;
}
