/* printf/sprintf_return: sprintf returns the characters written without the terminator and
 * terminates.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/reference/sprintf-sprintf-l-swprintf-swprintf-l-swprintf-l. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    char buf[32];
    poison(buf, sizeof(buf));
    int n = sprintf(buf, "%d-%s", 42, "x");
    printf("n=%d [%s] after=%02x\n", n, buf, (unsigned char)buf[n + 1]);
    n = sprintf(buf, "");
    printf("empty n=%d first=%02x\n", n, (unsigned char)buf[0]);
    return 0;
}
