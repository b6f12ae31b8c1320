/* printf/percent_and_return: "%%" prints one percent; printf returns the number of characters
 * written.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    int n = printf("100%%\n");
    printf("n=%d\n", n);
    n = printf("%s%d\n", "ab", 123);
    printf("n=%d\n", n);
    return 0;
}
