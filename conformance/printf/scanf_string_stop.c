/* printf/scanf_string_stop: %s stops at white space (space, tab, newline) and skips leading white
 * space.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    char a[8], b[8], c[8];
    int n = sscanf("\t one\ntwo  three", "%s%s%s", a, b, c);
    printf("n=%d [%s] [%s] [%s]\n", n, a, b, c);
    return 0;
}
