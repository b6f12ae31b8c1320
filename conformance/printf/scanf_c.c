/* printf/scanf_c: %c does not skip white space and reads exactly the width given; " %c" skips it.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    char c1 = '?', c2 = '?', buf[4] = "???";
    int n = sscanf(" x", "%c", &c1);
    printf("n=%d c1=[%c]\n", n, c1);
    n = sscanf(" x", " %c", &c2);
    printf("n=%d c2=[%c]\n", n, c2);
    n = sscanf("abcd", "%3c", buf);
    printf("n=%d buf=[%.3s] fourth=%c\n", n, buf, buf[3] ? buf[3] : '0');
    return 0;
}
