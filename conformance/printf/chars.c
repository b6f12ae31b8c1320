/* printf/chars: %c with width and the "-" flag; %c of 0 writes a NUL byte (counted in the return
 * value).
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    char buf[16];
    printf("[%c] [%3c] [%-3c] [%c]\n", 'a', 'b', 'c', 'd' + 256);
    int n = sprintf(buf, "x%cy", 0);
    printf("sprintf=%d bytes: %02x %02x %02x\n", n, buf[0], buf[1], (unsigned char)buf[2]);
    return 0;
}
