/* runtimes: msvcrt ucrt */
/* console/crt_isatty: _isatty is 0 for a redirected stdout and non-zero for NUL (a character
 * device).
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/isatty ("_isatty
 * returns a nonzero value if the descriptor is associated with a character device"). Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    printf("stdout=%d stdin(NUL)=%d\n", _isatty(1) != 0, _isatty(0) != 0);
    return 0;
}
