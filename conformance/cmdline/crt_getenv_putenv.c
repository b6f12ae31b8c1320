/* runtimes: msvcrt ucrt */
/* cmdline/crt_getenv_putenv: msvcrt _putenv and getenv: "NAME=" removes a variable; changes reach
 * GetEnvironmentVariable; SetEnvironmentVariable does not reach getenv (the CRT keeps a copy).
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/putenv-wputenv and
 * .../getenv-wgetenv ("getenv ... operates only on the data structures accessible to the run-time
 * library"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    char buf[32];
    printf("putenv=%d\n", _putenv("CONF_P=1"));
    printf("getenv=%s\n", getenv("CONF_P"));
    printf("win32 sees=%lu\n", (unsigned long)GetEnvironmentVariableA("CONF_P", buf, 32));
    _putenv("CONF_P=");
    printf("after remove=%s\n", getenv("CONF_P") ? getenv("CONF_P") : "(null)");
    SetEnvironmentVariableA("CONF_W", "w");
    printf("crt sees win32 change=%s\n", getenv("CONF_W") ? getenv("CONF_W") : "(null)");
    return 0;
}
