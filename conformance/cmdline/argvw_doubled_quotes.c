/* runtimes: msvcrt ucrt */
/* cmdline/argvw_doubled_quotes: inside quotes, "" is a literal quote and ends the quoted part (so
 * a following quote opens a new one).
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw and
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments (its table:
 * a"b"" c d gives ab", c, d). Wine 8.0 agrees; not yet recorded on Windows. */
#include "common.h"

int main(void)
{
    split_argvw(L"prog \"a\"\"b\"");
    split_argvw(L"prog \"a\"\"\" b");
    split_argvw(L"prog \"\"\"\"");
    return 0;
}
