/* printf/scanf_signs: explicit "+" and "-" signs for %d, %u and %x; a lone sign does not match.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    int a = 0, b = 0, c = 0;
    unsigned u = 0;
    int n = sscanf("+5 -6 -0x10 +7", "%d %d %x %u", &a, &b, &c, &u);
    printf("n=%d %d %d %d %u\n", n, a, b, c, u);
    a = 99;
    n = sscanf("- 5", "%d", &a);
    printf("lone sign n=%d a=%d\n", n, a);
    return 0;
}
