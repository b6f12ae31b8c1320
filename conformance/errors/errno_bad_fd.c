/* errors/errno_bad_fd: low-level I/O on a bad descriptor sets EBADF (9): _close(99), _read(-1),
 * _lseek(99).
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/close (EBADF; the
 * invalid parameter handler is not involved for an out-of-range fd in msvcrt). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    char c;
    errno = 0;
    printf("close=%d errno=%d\n", _close(99), errno);
    errno = 0;
    printf("read=%d errno=%d\n", _read(99, &c, 1), errno);
    errno = 0;
    printf("lseek=%ld errno=%d\n", _lseek(99, 0, SEEK_SET), errno);
    return 0;
}
