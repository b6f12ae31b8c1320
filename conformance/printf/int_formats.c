/* printf/int_formats: msvcrt's printf for integers: flags (-, +, space, #, 0), width and
 * precision, %i %d %u %x %X %o, size prefixes h l ll I64 I32 I, %n is not tested here.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions
 * (flags, width, precision, size prefixes). Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%8.3d]\n", 42, 42, 42, 42, 42, 42, 7, -7);
    printf("[%u] [%x] [%X] [%#x] [%#X] [%o] [%#o] [%#x]\n", 3000000000u, 255, 255, 255, 255, 8, 8, 0);
    printf("[%hd] [%hu]\n", 70000, 70000);
    printf("[%ld] [%lld] [%I64d] [%I64x] [%I32d] [%Id]\n", -5L, -1234567890123LL,
           9223372036854775807LL, 0xfedcba9876543210ULL, -9, (INT_PTR)-3);
    printf("[%.0d] [%+.0d] [%5.0d]\n", 0, 0, 0);
    printf("[%-+6d] [%0-6d] [%+ d]\n", 5, 5, 5);
    printf("[%*d] [%-*d] [%.*d]\n", 4, 1, 4, 2, 3, 3);
    printf("[%c] [%5c] [%-3c]\n", 'x', 'y', 'z');
    printf("[%%]\n");
    return 0;
}
