/* printf/float_precision_large: %.20f, %.17g and %.20e in msvcrt: 17 significant digits, then zeros;
 * in the UCRT the exact decimal value of the double (float_precision_large.ucrt.out).
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions
 * and the Visual C++ team's list of CRT changes in Visual Studio 2015
 * (https://devblogs.microsoft.com/cppblog/c-runtime-crt-features-fixes-and-breaking-changes-in-visual-studio-14-ctp1/,
 * "Floating Point Formatting and Parsing Correctness": the old algorithms "would generate only a
 * limited number of digits, then would fill the remaining decimal places with zero", e.g. 2^80 as
 * 1208925819614629200000000, i.e. 17 significant digits). msvcrt.dll is the old CRT: 17 digits,
 * then zeros. Wine 8.0 prints the exact binary value: the documentation wins.
 * The UCRT is the new CRT of that list: "The new formatting algorithms generate as many digits as
 * are required to represent the value (or to fill the specified precision)", so the digits are
 * those of the exact value, correctly rounded: 0.1 is
 * 0.1000000000000000055511151231257827021181583404541015625 (%.20f: ...0555, %.17g:
 * ...00001), 1/3 is 0.333333333333333314829616256247390992939472198486328125 (%.20e:
 * ...314830), with two exponent digits ("e-01", see printf/float_g). Wine 8.0's ucrtbase
 * agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    printf("[%.20f]\n", 0.1);
    printf("[%.17g]\n", 0.1);
    printf("[%.20e]\n", 1.0 / 3.0);
    return 0;
}
