/* runtimes: msvcrt ucrt */
/* printf/strtod_forms: msvcrt's strtod reads decimal forms and exponents; endptr after the last
 * digit; no digits leaves endptr at the start; no hexadecimal form in msvcrt ("0x10" reads as 0,
 * ending at the x).
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/strtod-strtod-l-wcstod-wcstod-l
 * (Remarks: "The UCRT versions support hexadecimal strings and round-tripping of INF and NAN
 * values, which were not supported in earlier versions"; endptr when no conversion is done).
 * Wine 8.0 agrees. The case calls the DLL's strtod (mingw-w64's stdlib.h would otherwise route
 * it to its own C99 __strtod, which reads "0x10" as 16). */
#include "common.h"

#undef strtod

int main(void)
{
    const char *in[] = { "1.5e3x", "-.5", "  12.", "e5", "1e", "0x10" };
    for (int i = 0; i < 6; i++) {
        char *end;
        double d = strtod(in[i], &end);
        printf("[%s] -> %g consumed=%d\n", in[i], d, (int)(end - in[i]));
    }
    return 0;
}
