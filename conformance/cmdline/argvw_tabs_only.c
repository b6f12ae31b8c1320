/* runtimes: msvcrt ucrt */
/* cmdline/argvw_tabs_only: tabs separate like spaces; a quoted tab is kept; other control
 * characters are ordinary.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw and
 * https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    split_argvw(L"prog\x0009" L"a\x0009" L"\x0009" L"b");
    split_argvw(L"prog \"a\x0009" L"b\"");
    split_argvw(L"prog a\x000b" L"b");
    return 0;
}
