/* runtimes: msvcrt ucrt */
/* cmdline/env_expand: ExpandEnvironmentStringsW replaces %NAME% with the value, leaves unknown
 * names and a lone % as they are; the size counts the terminator.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processenv/nf-processenv-expandenvironmentstringsw. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    WCHAR buf[64];
    SetEnvironmentVariableW(L"CONF_X", L"xx");
    DWORD n = ExpandEnvironmentStringsW(L"a%CONF_X%b %NOPE% 100% %%", buf, 64);
    printf("n=%lu <", (unsigned long)n);
    print_w(buf, -1);
    printf(">\n");
    SHOW("size query", ExpandEnvironmentStringsW(L"%CONF_X%", NULL, 0));
    return 0;
}
