/* printf/scanf_literals: literal characters must match; white space in the format matches any
 * amount (including none); "%%" matches a percent.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    int a = 0, b = 0, c = 0;
    int n = sscanf("a=1,b = 2 50%", "a=%d,b=%d %d%%", &a, &b, &c);
    printf("n=%d a=%d b=%d c=%d\n", n, a, b, c);
    n = sscanf("x:3", "x : %d", &a);
    printf("n=%d a=%d\n", n, a);
    return 0;
}
