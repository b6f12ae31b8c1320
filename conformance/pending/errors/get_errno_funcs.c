/* errors/get_errno_funcs: _get_errno/_set_errno and _get_doserrno read the same values as errno
 * and _doserrno.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/get-errno. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    int e = 0;
    unsigned long d = 0;
    _set_errno(ERANGE);
    _get_errno(&e);
    printf("errno=%d get=%d\n", errno, e);
    _set_doserrno(5);
    _get_doserrno(&d);
    printf("doserrno=%lu get=%lu\n", (unsigned long)_doserrno, d);
    return 0;
}
