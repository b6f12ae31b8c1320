/* runtimes: msvcrt ucrt */
/* console/crt_fileno_handles: msvcrt: _fileno of stdin/stdout/stderr is 0/1/2 and
 * _get_osfhandle(1) is the stdout handle; _get_osfhandle(-1) is INVALID_HANDLE_VALUE with errno
 * EBADF.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/get-osfhandle. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    printf("fileno=%d %d %d\n", _fileno(stdin), _fileno(stdout), _fileno(stderr));
    printf("osf(1) is stdout=%d\n", (HANDLE)_get_osfhandle(1) == GetStdHandle(STD_OUTPUT_HANDLE));
    errno = 0;
    intptr_t h = _get_osfhandle(-1);
    printf("osf(-1)=%lld errno=%d\n", (long long)h, errno);
    return 0;
}
