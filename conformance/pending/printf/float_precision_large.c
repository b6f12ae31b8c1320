/* printf/float_precision_large: %.20f and %.17g print the exact binary value digits.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions. Wine 8.0 agrees. (msvcrt prints exact digits here; older Windows CRTs printed zeros after 17 digits - record on Windows.) */
#include "common.h"

int main(void)
{
    printf("[%.20f]\n", 0.1);
    printf("[%.17g]\n", 0.1);
    printf("[%.20e]\n", 1.0 / 3.0);
    return 0;
}
