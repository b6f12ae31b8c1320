/* runtimes: msvcrt ucrt */
/* cmdline/env_get_set: SetEnvironmentVariableW and GetEnvironmentVariableW: the size query counts
 * the terminator, the result does not; a missing variable gives ERROR_ENVVAR_NOT_FOUND (203); NULL
 * value deletes.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processenv/nf-processenv-getenvironmentvariablew
 * and .../nf-processenv-setenvironmentvariablew. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    WCHAR buf[32];
    SHOW("set", SetEnvironmentVariableW(L"CONF_VAR", L"value"));
    SHOW("query", GetEnvironmentVariableW(L"CONF_VAR", NULL, 0));
    SHOW("get", GetEnvironmentVariableW(L"CONF_VAR", buf, 32));
    SHOW("small", GetEnvironmentVariableW(L"CONF_VAR", buf, 3));
    SHOW("delete", SetEnvironmentVariableW(L"CONF_VAR", NULL));
    SHOW("missing", GetEnvironmentVariableW(L"CONF_VAR", buf, 32));
    return 0;
}
