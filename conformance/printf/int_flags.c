/* printf/int_flags: printf integer flags: "-", "+", " ", "0", "#" and their combinations ("-"
 * beats "0", "+" beats " ").
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions (Flag directives). Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    printf("[%-6d] [%+d] [% d] [%06d] [%-06d]\n", 12, 12, 12, -12, 12);
    printf("[%+ d] [% +d] [%+06d] [% 06d]\n", 3, 3, 3, 3);
    printf("[%#o] [%#x] [%#X] [%#5x] [%#-6x|]\n", 0, 0, 1, 1, 1);
    return 0;
}
