/* printf/int_precision: integer precision: minimum digits, zero-padded; "0" flag ignored with a
 * precision; precision 0 with value 0 prints nothing.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions (Flag directives: "If 0 is specified for an integer format (i, u, x, X, o, d) and a
 * precision specification is also present ... the 0 is ignored"). Wine 8.0 agrees except on
 * "%08.5d", where it keeps the zeros ("00000042"): the documentation wins.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    printf("[%.5d] [%.5d] [%8.5d] [%-8.5d] [%08.5d]\n", 42, -42, 42, 42, 42);
    printf("[%.0d] [%5.0d] [%.0x] [%#.0x] [%.0u]\n", 0, 0, 0, 0, 0);
    printf("[%.1d] [%.2x] [%.3o]\n", 0, 1, 1);
    return 0;
}
