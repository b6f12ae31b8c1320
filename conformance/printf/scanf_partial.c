/* printf/scanf_partial: sscanf stops at the first mismatch and returns the number assigned so far;
 * later arguments are untouched.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    int a = 0, b = 99, c = 99;
    int n = sscanf("5,x,7", "%d,%d,%d", &a, &b, &c);
    printf("n=%d a=%d b=%d c=%d\n", n, a, b, c);
    return 0;
}
