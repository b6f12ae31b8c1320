/* hello.c: the start-up benchmark's program; the same source is built for Windows and Linux. */
#include <stdio.h>

int main(void)
{
    printf("hello, %s\n", "world");
    return 0;
}
