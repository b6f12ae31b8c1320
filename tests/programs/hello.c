/* hello.c: the demo of the README and the thinnest end-to-end path: printf to stdout.
 * Expected: what the C standard and msvcrt's text mode give ("\n" is written as "\r\n"). */
#include <stdio.h>

int main(void)
{
    printf("hello from Windows\n");
    return 0;
}
