/* runtimes: msvcrt ucrt */
/* errors/errno_mkdir_rmdir: _mkdir of an existing folder sets EEXIST; _rmdir of a non-empty folder
 * sets ENOTEMPTY (41); of a missing one ENOENT.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/mkdir-wmkdir and
 * .../rmdir-wrmdir. Wine 8.0 agrees. */
#include "common.h"
#include <direct.h>

int main(void)
{
    int r;
    _mkdir("d");
    /* Each call before the printf that shows errno (argument order is unspecified). */
    errno = 0;
    r = _mkdir("d");
    printf("mkdir again=%d errno=%d\n", r, errno);
    int fd = _open("d\\f", _O_CREAT | _O_WRONLY, 0600);
    _close(fd);
    errno = 0;
    r = _rmdir("d");
    printf("rmdir nonempty=%d errno=%d\n", r, errno);
    errno = 0;
    r = _rmdir("nothere");
    printf("rmdir missing=%d errno=%d\n", r, errno);
    return 0;
}
