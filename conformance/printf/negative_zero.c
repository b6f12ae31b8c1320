/* runtimes: msvcrt ucrt */
/* printf/negative_zero: %f, %e and %g of -0.0 keep the sign.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    printf("[%f] [%.0f] [%g]\n", -0.0, -0.0, -0.0);
    return 0;
}
