/* printf/float_e_ucrt: %e in the UCRT: two exponent digits unless more are needed ("1.500000e+00").
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions (the UCRT prints the C99 minimum of two exponent digits). expected per the C99 rule the UCRT follows (not yet recorded on Windows).
 * Wine 8.0 agrees.
 * UCRT only by design: msvcrt prints three exponent digits (printf/float_e_msvcrt).
 * runtimes: ucrt */
#include "common.h"

int main(void)
{
    printf("[%e] [%E] [%.2e] [%.0e]\n", 1.5, 1.5, 12345.678, 5.1);
    printf("[%e] [%e]\n", 1e100, 1e-5);
    return 0;
}
