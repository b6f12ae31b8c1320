/* runtimes: msvcrt ucrt */
/* errors/errno_math: math functions set errno: sqrt(-1) EDOM (33), exp(1000) ERANGE (34), log(0)
 * ERANGE; strtod overflow ERANGE.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/sqrt-sqrtf-sqrtl and
 * .../exp-expf and .../log-logf-log10-log10f. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    errno = 0; volatile double d = sqrt(-1.0);
    printf("sqrt errno=%d\n", errno);
    errno = 0; d = exp(1000.0);
    printf("exp errno=%d\n", errno);
    errno = 0; d = log(0.0);
    printf("log errno=%d\n", errno);
    errno = 0; d = strtod("1e999", NULL);
    printf("strtod errno=%d\n", errno);
    (void)d;
    return 0;
}
