/* runtimes: msvcrt ucrt */
/* cmdline/argvw_basic: CommandLineToArgvW splits on spaces and tabs; several blanks count as one;
 * the program name is the first piece.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw and
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    split_argvw(L"prog a b");
    split_argvw(L"prog  a\x0009" L" b");
    split_argvw(L"prog");
    return 0;
}
