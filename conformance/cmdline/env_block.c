/* runtimes: msvcrt ucrt */
/* cmdline/env_block: GetEnvironmentStringsW is a block of NAME=VALUE strings ending with an empty
 * one; a variable set before is in it.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processenv/nf-processenv-getenvironmentstringsw.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    SetEnvironmentVariableW(L"CONF_BLOCK", L"here");
    WCHAR *block = GetEnvironmentStringsW();
    int found = 0, count = 0, all_have_eq = 1;
    for (WCHAR *p = block; *p; p += wcslen(p) + 1) {
        count++;
        found |= !wcscmp(p, L"CONF_BLOCK=here");
        all_have_eq &= wcschr(p + 1, '=') != NULL;
    }
    printf("found=%d nonempty=%d all have '='=%d\n", found, count > 0, all_have_eq);
    printf("free=%d\n", FreeEnvironmentStringsW(block));
    return 0;
}
