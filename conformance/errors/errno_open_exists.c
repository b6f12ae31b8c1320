/* runtimes: msvcrt ucrt */
/* errors/errno_open_exists: _open with _O_CREAT|_O_EXCL on an existing file sets EEXIST (17) and
 * _doserrno ERROR_FILE_EXISTS (80).
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/open-wopen. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    int fd = _open("a.txt", _O_CREAT | _O_WRONLY, 0600);
    _close(fd);
    errno = 0; _doserrno = 0;
    fd = _open("a.txt", _O_CREAT | _O_EXCL | _O_WRONLY, 0600);
    printf("fd=%d errno=%d doserrno=%lu\n", fd, errno, (unsigned long)_doserrno);
    return 0;
}
