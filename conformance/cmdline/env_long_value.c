/* runtimes: msvcrt ucrt */
/* cmdline/env_long_value: a value of 5000 characters round-trips; a too-small buffer returns the
 * size needed including the terminator.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processenv/nf-processenv-getenvironmentvariablew.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    static WCHAR big[5001], back[5001];
    for (int i = 0; i < 5000; i++)
        big[i] = L'a' + i % 26;
    SetEnvironmentVariableW(L"CONF_BIG", big);
    SHOW("small", GetEnvironmentVariableW(L"CONF_BIG", back, 10));
    DWORD n = GetEnvironmentVariableW(L"CONF_BIG", back, 5001);
    printf("n=%lu same=%d\n", (unsigned long)n, !wcscmp(big, back));
    return 0;
}
