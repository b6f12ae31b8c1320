/* printf/float_special_ucrt: the UCRT prints infinity and NaN as "inf", "-inf", "nan" and
 * "-nan(ind)".
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions (Infinity, NaN, and indefinite values).
 * Wine 8.0 agrees.
 * UCRT only by design: msvcrt prints "1.#INF" and the like (printf/float_special_msvcrt).
 * runtimes: ucrt */
#include "common.h"

int main(void)
{
    double inf = HUGE_VAL;
    double nan_v = inf - inf;
    double qnan;
    unsigned long long bits = 0x7ff8000000000000ULL;
    memcpy(&qnan, &bits, 8);
    printf("[%f] [%f] [%f] [%f] [%F]\n", inf, -inf, nan_v, qnan, inf);
    return 0;
}
