/* printf/float_special_msvcrt: msvcrt prints infinity and NaN as "1.#INF", "-1.#INF", "1.#QNAN"
 * and the indefinite NaN as "-1.#IND".
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions (Infinity, NaN, and indefinite values: the formats used before Visual Studio 2015) and
 * https://learn.microsoft.com/cpp/porting/visual-cpp-change-history-2003-2015 (Infinity and NaN
 * formatting: the old strings were laid out like digits, so a precision "rounds" them:
 * "%8.2f" of INFINITY printed "1.#J"; "%.1f" likewise gives "1.$"). Wine 8.0 agrees.
 * msvcrt only by design: the UCRT prints these values otherwise (printf/float_special_ucrt).
 * runtimes: msvcrt */
#include "common.h"

int main(void)
{
    double inf = HUGE_VAL;
    double nan_v = inf - inf;   /* the default "indefinite" NaN, sign bit set */
    double qnan;
    unsigned long long bits = 0x7ff8000000000000ULL;
    memcpy(&qnan, &bits, 8);
    printf("[%f] [%f] [%f] [%f]\n", inf, -inf, nan_v, qnan);
    printf("[%e] [%g] [%.1f]\n", inf, qnan, inf);
    return 0;
}
