/* errors/doserr_to_errno: msvcrt _dosmaperr-equivalent behaviour seen through _open and _chdir:
 * ERROR_PATH_NOT_FOUND and ERROR_FILE_NOT_FOUND both map to ENOENT; ERROR_ACCESS_DENIED to EACCES.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/errno-doserrno-sys-errlist-and-sys-nerr. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    errno = 0; _doserrno = 0;
    printf("chdir missing=%d errno=%d doserrno=%lu\n", _chdir("nothere"), errno, (unsigned long)_doserrno);
    errno = 0; _doserrno = 0;
    printf("chdir deeper=%d errno=%d doserrno=%lu\n", _chdir("nothere\\x"), errno, (unsigned long)_doserrno);
    return 0;
}
