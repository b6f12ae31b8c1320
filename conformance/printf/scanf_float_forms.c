/* printf/scanf_float_forms: %lf forms: leading "+", no integer part, exponent without sign,
 * trailing junk left in the input.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    double a = 0, b = 0, c = 0;
    char rest[8] = "";
    int n = sscanf("+.25 1e3 2.5x", "%lf %lf %lf%s", &a, &b, &c, rest);
    printf("n=%d %g %g %g rest=[%s]\n", n, a, b, c, rest);
    return 0;
}
