/* printf/scanf_n: %n stores the characters consumed so far and is not counted.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    int a = 0, pos = -1, pos2 = -1;
    int n = sscanf("  42  rest", "%d%n %n", &a, &pos, &pos2);
    printf("n=%d a=%d pos=%d pos2=%d\n", n, a, pos, pos2);
    return 0;
}
