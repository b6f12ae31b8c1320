/* runtimes: msvcrt ucrt */
/* cmdline/argvw_backslash_plain: backslashes not followed by a quote are literal.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw and
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    split_argvw(L"prog a\\b c\\\\d");
    split_argvw(L"prog \\\\server\\share");
    split_argvw(L"prog \"C:\\dir\\\\\"");
    return 0;
}
