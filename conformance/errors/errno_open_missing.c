/* runtimes: msvcrt ucrt */
/* errors/errno_open_missing: _open of a missing file sets errno ENOENT (2) and _doserrno
 * ERROR_FILE_NOT_FOUND (2); a missing folder gives ENOENT with _doserrno 3.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/errno-doserrno-sys-errlist-and-sys-nerr. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    errno = 0; _doserrno = 0;
    int fd = _open("missing.txt", _O_RDONLY);
    printf("fd=%d errno=%d doserrno=%lu\n", fd, errno, (unsigned long)_doserrno);
    errno = 0; _doserrno = 0;
    fd = _open("nodir\\x.txt", _O_RDONLY);
    printf("fd=%d errno=%d doserrno=%lu\n", fd, errno, (unsigned long)_doserrno);
    return 0;
}
