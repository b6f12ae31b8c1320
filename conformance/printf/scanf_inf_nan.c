/* runtimes: msvcrt ucrt */
/* printf/scanf_inf_nan: msvcrt scanf does not read "inf" or "nan" as numbers (they are pre-C99 in
 * msvcrt).
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. expected per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    double d = 7;
    int n = sscanf("inf", "%lf", &d);
    printf("inf n=%d d=%g\n", n, d);
    d = 7;
    n = sscanf("nan", "%lf", &d);
    printf("nan n=%d d=%g\n", n, d);
    return 0;
}
