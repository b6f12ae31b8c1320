/* printf/int64_limits: the extreme 64-bit values through %I64d, %lld, %I64u, %I64x, %I64o.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    printf("[%I64d] [%lld]\n", (long long)0x8000000000000000ULL, (long long)0x8000000000000000ULL);
    printf("[%I64u] [%I64x] [%I64o]\n", 0xffffffffffffffffULL, 0xffffffffffffffffULL, 0xffffffffffffffffULL);
    return 0;
}
