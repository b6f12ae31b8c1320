/* printf/int_size_prefixes: size prefixes: h, l, ll, I, I32, I64 on d/u/x.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions (Argument size specification). Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    printf("[%hd] [%hu] [%hx]\n", 0x12345, 0x18000, 0x1ffff);
    printf("[%ld] [%lu] [%lx]\n", -1L, 4294967295UL, 0xabcdefUL);
    printf("[%lld] [%llu] [%llx]\n", -9223372036854775807LL - 1, 18446744073709551615ULL, 0x123456789abcULL);
    printf("[%I64d] [%I64u] [%I32d] [%I32x]\n", -2LL, 18446744073709551615ULL, -2, 0xffffffffu);
    printf("[%Id] [%Iu] [%Ix]\n", (INT_PTR)-5, (UINT_PTR)5, (UINT_PTR)0x1000000000ULL);
    return 0;
}
