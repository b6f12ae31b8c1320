/* errors/errno_mkdir_rmdir: _mkdir of an existing folder sets EEXIST; _rmdir of a non-empty folder
 * sets ENOTEMPTY (41); of a missing one ENOENT.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/mkdir-wmkdir and
 * .../rmdir-wrmdir. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    _mkdir("d");
    errno = 0;
    printf("mkdir again=%d errno=%d\n", _mkdir("d"), errno);
    int fd = _open("d\\f", _O_CREAT | _O_WRONLY, 0600);
    _close(fd);
    errno = 0;
    printf("rmdir nonempty=%d errno=%d\n", _rmdir("d"), errno);
    errno = 0;
    printf("rmdir missing=%d errno=%d\n", _rmdir("nothere"), errno);
    return 0;
}
