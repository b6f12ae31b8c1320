/* runtimes: msvcrt ucrt */
/* errors/doserr_to_errno: how msvcrt maps the system error of a failed call to errno, seen with
 * _doserrno: _chdir to a missing folder (ERROR_FILE_NOT_FOUND 2) and below one
 * (ERROR_PATH_NOT_FOUND 3) both give ENOENT; _open of a folder (ERROR_ACCESS_DENIED 5) gives
 * EACCES.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/chdir-wchdir ("-1 ...
 * errno is set to ENOENT"), .../open-wopen (EACCES: "Tried to open a read-only file for writing,
 * file's sharing mode doesn't allow the specified operations, or the given path is a directory")
 * and https://learn.microsoft.com/cpp/c-runtime-library/errno-doserrno-sys-errlist-and-sys-nerr
 * (_doserrno holds the system error); the system errors per
 * https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499- as
 * SetCurrentDirectory and CreateFile give them (paths/curdir_errors, files/open_dir). Wine 8.0
 * agrees. */
#include "common.h"
#include <direct.h>

/* Prints the result of a CRT call with errno and _doserrno, both cleared before the call. The
 * call is made before printf: argument evaluation order is unspecified. */
#define SHOW_CRT(label, expr) do { \
        errno = 0; _doserrno = 0; \
        int r_ = (expr); \
        printf("%s=%d errno=%d doserrno=%lu\n", (label), r_, errno, (unsigned long)_doserrno); \
    } while (0)

int main(void)
{
    SHOW_CRT("chdir missing", _chdir("nothere"));
    SHOW_CRT("chdir deeper", _chdir("nothere\\x"));
    CreateDirectoryA("d", NULL);
    SHOW_CRT("open folder", _open("d", _O_RDONLY));
    return 0;
}
