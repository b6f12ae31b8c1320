/* runtimes: msvcrt ucrt */
/* cmdline/argvw_program_name: the first piece (program name) ends at the first blank or, when it
 * starts with a quote, at the next quote; backslashes are not special in it.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw and
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    split_argvw(L"\"C:\\Program Files\\p.exe\" x");
    split_argvw(L"C:\\p\\\"q x");
    split_argvw(L"\"a\"b c");
    return 0;
}
