/* printf/strtod_forms: strtod reads decimal forms and exponents; endptr after the last digit; no
 * digits leaves endptr at the start.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/reference/strtod-strtod-l-wcstod-wcstod-l.
 * Wine 8.0 agrees. (msvcrt does not read hexadecimal floats: "0x10" reads as 0; the UCRT would
 * read 16.) */
#include "common.h"

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
