/* runtimes: msvcrt ucrt */
/* errors/errno_bad_fd: low-level I/O on a bad descriptor sets EBADF (9): _close(99), _read(99),
 * _lseek(99).
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/close (EBADF; the
 * invalid parameter handler is not involved for an out-of-range fd in msvcrt). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    char c;
    int r;
    long pos;
    /* Each call before the printf that shows errno: the order in which a call's arguments are
     * evaluated is unspecified, so errno must not be read in the same argument list. */
    errno = 0;
    r = _close(99);
    printf("close=%d errno=%d\n", r, errno);
    errno = 0;
    r = _read(99, &c, 1);
    printf("read=%d errno=%d\n", r, errno);
    errno = 0;
    pos = _lseek(99, 0, SEEK_SET);
    printf("lseek=%ld errno=%d\n", pos, errno);
    return 0;
}
