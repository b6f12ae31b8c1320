/* printf/int_bases: %u, %o, %x, %X of limits and negative numbers reinterpreted as unsigned.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions (Type field characters). Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    printf("[%u] [%o] [%x] [%X]\n", -1, -1, -1, -1);
    printf("[%d] [%d] [%u]\n", INT_MAX, INT_MIN, 0u);
    printf("[%x] [%o]\n", 0x80000000u, 8u);
    return 0;
}
