/* runtimes: msvcrt ucrt */
/* printf/scanf_overflow: a decimal too large for an int: msvcrt keeps the low 32 bits of the value
 * it accumulated.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. expected per Wine 8.0 (not yet recorded on Windows): the C standard leaves this undefined. */
#include "common.h"

int main(void)
{
    int a = 0;
    int n = sscanf("4294967297", "%d", &a);
    printf("n=%d a=%d\n", n, a);
    return 0;
}
