/* errors/errno_access: _open for writing a read-only file sets EACCES (13) with _doserrno
 * ERROR_ACCESS_DENIED (5); _unlink of a folder sets EACCES.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/open-wopen and
 * .../unlink-wunlink. Wine 8.0 agrees. */
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
    printf("unlink dir=%d errno=%d\n", _unlink("d"), errno);
    return 0;
}
