/* runtimes: msvcrt ucrt */
/* cmdline/argvw_empty: an empty command line gives the module path (1 piece); leading blanks
 * before the program name make an empty first piece.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw and
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments; the
 * CommandLineToArgvW page says "if lpCmdLine starts with any amount of whitespace,
 * CommandLineToArgvW will consider the first argument to be an empty string" and that trailing
 * whitespace is ignored. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    split_argvw(L" a b");
    split_argvw(L"prog ");
    return 0;
}
