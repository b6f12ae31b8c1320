/* runtimes: msvcrt ucrt */
/* cmdline/env_case_empty: environment names are case-insensitive; an empty value is a set variable
 * (length 0, error 0 not set); "=" is not allowed in a name.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processenv/nf-processenv-getenvironmentvariablew.
 * The empty-value and "=" results are per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    WCHAR buf[32];
    SetEnvironmentVariableW(L"Conf_Mixed", L"v");
    SHOW("other case", GetEnvironmentVariableW(L"CONF_MIXED", buf, 32));
    SHOW("set empty", SetEnvironmentVariableW(L"CONF_EMPTY", L""));
    poison(buf, sizeof(buf));
    SHOW("get empty", GetEnvironmentVariableW(L"CONF_EMPTY", buf, 32));
    printf("first=%04x\n", buf[0]);
    SHOW("name with =", SetEnvironmentVariableW(L"A=B", L"x"));
    return 0;
}
