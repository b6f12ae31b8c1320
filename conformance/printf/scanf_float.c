/* printf/scanf_float: %f, %e, %g and %lf read decimal and exponent forms; a float and a double
 * target.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    float f = 0;
    double d1 = 0, d2 = 0, d3 = 0;
    int n = sscanf("1.5 -2.25e2 .5 3E-2", "%f %lf %lf %lg", &f, &d1, &d2, &d3);
    printf("n=%d %.3f %.3f %.3f %.3f\n", n, f, d1, d2, d3);
    return 0;
}
