/* printf/scanf_hex_prefix: %x accepts an optional "0x" prefix; %i reads hex, octal and decimal by
 * prefix.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    int a = 0, b = 0, c = 0, d = 0;
    int n = sscanf("0x1f 1f 0X10", "%x %x %x", &a, &b, &c);
    printf("n=%d %d %d %d\n", n, a, b, c);
    n = sscanf("077", "%i", &d);
    printf("n=%d %d\n", n, d);
    return 0;
}
