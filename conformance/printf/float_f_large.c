/* printf/float_f_large: %f of large and small magnitudes prints all integer digits and rounds
 * small values to zero.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    printf("[%f]\n", 1e20);
    printf("[%.1f]\n", 123456789012345678.0);
    printf("[%f] [%f]\n", 1e-10, -1e-10);
    return 0;
}
