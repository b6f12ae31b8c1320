/* runtimes: msvcrt ucrt */
/* cmdline/argvw_quotes: double quotes group blanks into one argument and are removed; "" is an
 * empty argument.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw and
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    split_argvw(L"prog \"a b\" c");
    split_argvw(L"prog \"\" x");
    split_argvw(L"prog a\"b c\"d");
    return 0;
}
