/* runtimes: msvcrt ucrt */
/* printf/pointer: %p prints a pointer as 16 upper-case hex digits, zero-padded, no prefix (x64
 * msvcrt).
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions (p: "Displays the argument as an address in hexadecimal digits"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    printf("[%p] [%p]\n", (void *)0x1234, (void *)0);
    printf("[%p]\n", (void *)0xfedcba9876543210ULL);
    return 0;
}
