/* printf/float_f: %f with default and explicit precision, width, flags; rounding; 1.25 is an
 * exact tie and rounds half up ("1.3") in msvcrt. The UCRT since Windows 10 2004 rounds exact ties
 * to even (the "Important" note on
 * https://learn.microsoft.com/cpp/c-runtime-library/reference/get-printf-count-output) for
 * programs whose headers ask for it with _CRT_INTERNAL_PRINTF_STANDARD_ROUNDING; mingw-w64's
 * corecrt_stdio_config.h does not, so the UCRT run expects the legacy "1.3" too (this reading is
 * not yet recorded on Windows).
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
