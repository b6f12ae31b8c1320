/* printf/float_g: %g picks %e or %f by the exponent, drops trailing zeros; "#" keeps them; msvcrt
 * uses three exponent digits.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    printf("[%g] [%g] [%g] [%g] [%g]\n", 100000.0, 1000000.0, 0.0001, 0.00001, 1.5);
    printf("[%.3g] [%#g] [%#.3g] [%G]\n", 3.14159, 1.5, 1.0, 1e-10);
    return 0;
}
