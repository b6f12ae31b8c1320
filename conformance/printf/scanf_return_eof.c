/* printf/scanf_return_eof: sscanf returns EOF (-1) when the input ends before the first
 * conversion, 0 when the first conversion does not match.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions and https://learn.microsoft.com/cpp/c-runtime-library/reference/sscanf-sscanf-l-swscanf-swscanf-l (Return value: EOF "if the end of the string is reached before the first
 * conversion"). Wine 8.0 agrees except on blank input, where it returns 0: the documentation
 * wins.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    int a = 7;
    printf("empty=%d\n", sscanf("", "%d", &a));
    printf("blank=%d\n", sscanf("   ", "%d", &a));
    printf("mismatch=%d a=%d\n", sscanf("x1", "%d", &a), a);
    printf("literal mismatch=%d\n", sscanf("a1", "b%d", &a));
    return 0;
}
