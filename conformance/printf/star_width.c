/* printf/star_width: "*" width and precision from arguments; a negative "*" width means
 * left-justify; a negative "*" precision is ignored.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions (Width specification, Precision specification). Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    printf("[%*d] [%*d] [%.*d] [%*.*d]\n", 5, 1, -5, 1, 4, 1, 6, 3, 1);
    printf("[%.*d] [%.*s]\n", -1, 7, 2, "abcdef");
    return 0;
}
