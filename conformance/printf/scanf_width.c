/* printf/scanf_width: sscanf field widths split digits and strings: "%3d%2d" on "12345", "%2s".
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    int a = 0, b = 0;
    char s1[8], s2[8];
    int n = sscanf("12345", "%3d%2d", &a, &b);
    printf("n=%d a=%d b=%d\n", n, a, b);
    n = sscanf("abcdef", "%2s%3s", s1, s2);
    printf("n=%d [%s] [%s]\n", n, s1, s2);
    return 0;
}
