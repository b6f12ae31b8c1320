/* runtimes: msvcrt ucrt */
/* errors/get_errno_funcs: _set_errno and _get_errno write and read the same value as errno; a
 * failing _open sets errno and _doserrno, which _get_errno and the _doserrno variable report.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/get-errno,
 * .../set-errno and https://learn.microsoft.com/cpp/c-runtime-library/errno-doserrno-sys-errlist-and-sys-nerr
 * (ENOENT 2, ERROR_FILE_NOT_FOUND 2). Wine 8.0 agrees. (msvcrt.dll has no _get_doserrno.) */
#include "common.h"

int main(void)
{
    int e = -1;
    printf("set=%d\n", _set_errno(ERANGE));
    printf("get=%d ", _get_errno(&e));
    printf("errno=%d value=%d\n", errno, e);
    errno = EDOM;
    _get_errno(&e);
    printf("after errno=EDOM: value=%d\n", e);
    _doserrno = 0;
    int fd = _open("missing.txt", _O_RDONLY);
    _get_errno(&e);
    printf("open=%d errno=%d doserrno=%lu\n", fd, e, (unsigned long)_doserrno);
    return 0;
}
