/* printf/large_width: widths and precisions larger than any internal buffer: "%300d" and "%.300d".
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    char buf[1024];
    int n = sprintf(buf, "%300d|", 7);
    printf("n=%d last=[%s]\n", n, buf + 295);
    n = sprintf(buf, "%.300d|", 7);
    printf("n=%d first=%c last=[%s]\n", n, buf[0], buf + 295);
    n = sprintf(buf, "%-300s|", "x");
    printf("n=%d first=%c end=[%s]\n", n, buf[0], buf + 298);
    return 0;
}
