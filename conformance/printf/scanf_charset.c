/* printf/scanf_charset: %[...] scansets: ranges, negation with "^", "]" first in the set, width.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    char a[16], b[16], c[16], d[16];
    int n = sscanf("abc123", "%[a-z]%[0-9]", a, b);
    printf("n=%d [%s] [%s]\n", n, a, b);
    n = sscanf("hello world", "%[^ ]", c);
    printf("n=%d [%s]\n", n, c);
    n = sscanf("]]x", "%[]]", d);
    printf("n=%d [%s]\n", n, d);
    n = sscanf("abcdef", "%3[a-z]", d);
    printf("n=%d [%s]\n", n, d);
    return 0;
}
