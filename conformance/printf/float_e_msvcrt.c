/* printf/float_e_msvcrt: %e and %E in msvcrt: at least three exponent digits ("1.500000e+000").
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions and https://learn.microsoft.com/cpp/c-runtime-library/reference/set-output-format (msvcrt uses three exponent digits unless _TWO_DIGIT_EXPONENT). Wine 8.0 agrees.
 * msvcrt only by design: the UCRT prints two exponent digits (printf/float_e_ucrt).
 * runtimes: msvcrt */
#include "common.h"

int main(void)
{
    printf("[%e] [%E] [%.2e] [%.0e] [%#.0e]\n", 1.5, 1.5, 12345.678, 5.1, 5.1);
    printf("[%e] [%e] [%12.3e]\n", 1e100, 1e-5, -0.00123);
    return 0;
}
