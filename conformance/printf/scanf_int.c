/* printf/scanf_int: sscanf %d, %u, %x, %o, %i (base from the prefix) and the return count.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    int a, b, c, d, e, f;
    unsigned u;
    int n = sscanf("12 -7 ff 17 0x1A 010", "%d %d %x %o %i %i", &a, &b, &c, &d, &e, &f);
    printf("n=%d %d %d %d %d %d %d\n", n, a, b, c, d, e, f);
    n = sscanf("4294967295", "%u", &u);
    printf("n=%d %u\n", n, u);
    return 0;
}
