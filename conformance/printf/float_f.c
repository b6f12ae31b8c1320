/* printf/float_f: %f with default and explicit precision, width, flags; rounding; 1.25 is an
 * exact tie and rounds half up ("1.3") in msvcrt and in the UCRT's legacy rounding mode (the UCRT
 * rounds ties to even only when the caller passes _CRT_INTERNAL_PRINTF_STANDARD_ROUNDING, which
 * mingw-w64's headers do not: see "Floating-point formatting" on the page below).
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    printf("[%f] [%.2f] [%.0f] [%10.3f] [%-10.1f] [%+.1f] [% .1f]\n", 3.14159, 2.71828, 2.5001, -1.5, 1.25, 1.0, 1.0);
    printf("[%010.2f] [%#.0f] [%.3f]\n", -3.5, 3.0, 0.0005001);
    return 0;
}
