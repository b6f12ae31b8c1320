/* runtimes: msvcrt ucrt */
/* cmdline/crt_environ: msvcrt _environ reflects _putenv additions; the main envp argument is the
 * startup copy.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/environ-wenviron. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    _putenv("CONF_ENV=yes");
    int found = 0;
    for (char **e = _environ; *e; e++)
        found |= !strcmp(*e, "CONF_ENV=yes");
    printf("in _environ=%d\n", found);
    return 0;
}
