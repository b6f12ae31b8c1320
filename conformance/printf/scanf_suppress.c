/* printf/scanf_suppress: "*" suppresses assignment and is not counted in the return value.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    int a = 0, b = 0;
    int n = sscanf("1 2 3", "%*d %d %d", &a, &b);
    printf("n=%d a=%d b=%d\n", n, a, b);
    char s[8];
    n = sscanf("skip keep", "%*s %s", s);
    printf("n=%d [%s]\n", n, s);
    return 0;
}
