/* printf/float_g: %g picks %e or %f by the exponent, drops trailing zeros; "#" keeps them; msvcrt
 * uses three exponent digits, the UCRT two unless more are needed (float_g.ucrt.out).
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions. Wine 8.0 agrees.
 * The UCRT's exponents: https://learn.microsoft.com/cpp/porting/visual-cpp-change-history-2003-2015
 * ("Exponent formatting": the old CRT always printed three exponent digits, "printf("%e\n", 1.0)
 * would print 1.000000e+000"; C wants two when two suffice, and since Visual Studio 2015 that is
 * the default), so 1e+06, 1e-05 and 1E-10. The "#" forms follow C (six and three significant
 * digits): UCRT builds before 10.0.19041 printed one digit more there (a bug fixed since, see
 * https://developercommunity.visualstudio.com/t/printf-formatting-with-g-outputs-too/1660837).
 * Wine 8.0's ucrtbase agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    printf("[%g] [%g] [%g] [%g] [%g]\n", 100000.0, 1000000.0, 0.0001, 0.00001, 1.5);
    printf("[%.3g] [%#g] [%#.3g] [%G]\n", 3.14159, 1.5, 1.0, 1e-10);
    return 0;
}
