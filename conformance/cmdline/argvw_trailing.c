/* runtimes: msvcrt ucrt */
/* cmdline/argvw_trailing: an unterminated quote runs to the end of the line; trailing blanks make
 * no extra argument.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw and
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    split_argvw(L"prog \"abc");
    split_argvw(L"prog a   ");
    split_argvw(L"prog a\x0009" L"");
    return 0;
}
