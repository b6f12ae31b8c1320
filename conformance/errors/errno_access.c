/* runtimes: msvcrt ucrt */
/* errors/errno_access: _open for writing a read-only file sets EACCES (13) with _doserrno
 * ERROR_ACCESS_DENIED (5); _unlink of a folder sets EACCES.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/open-wopen and
 * .../unlink-wunlink ("EACCES: Path specifies a read-only file or a directory"); _doserrno per
 * https://learn.microsoft.com/cpp/c-runtime-library/errno-doserrno-sys-errlist-and-sys-nerr (the
 * system error, ERROR_ACCESS_DENIED). Wine 8.0 differs when it runs as root (the read-only open
 * succeeds): the documentation wins. */
#include "common.h"

int main(void)
{
    int fd = _open("ro.txt", _O_CREAT | _O_WRONLY, 0600);
    _close(fd);
    SetFileAttributesA("ro.txt", FILE_ATTRIBUTE_READONLY);
    errno = 0; _doserrno = 0;
    fd = _open("ro.txt", _O_WRONLY);
    printf("fd=%d errno=%d doserrno=%lu\n", fd, errno, (unsigned long)_doserrno);
    SetFileAttributesA("ro.txt", FILE_ATTRIBUTE_NORMAL);
    CreateDirectoryA("d", NULL);
    errno = 0;
    int r = _unlink("d");
    printf("unlink dir=%d errno=%d\n", r, errno);
    return 0;
}
