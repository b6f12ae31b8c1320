/* errors/errno_rename: rename onto an existing file sets EACCES (msvcrt does not replace); a
 * missing source ENOENT.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/rename-wrename ("The
 * new name must not be the name of an existing file"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    fclose(fopen("a.txt", "w"));
    fclose(fopen("b.txt", "w"));
    errno = 0;
    printf("onto existing=%d errno=%d\n", rename("a.txt", "b.txt"), errno);
    errno = 0;
    printf("missing=%d errno=%d\n", rename("none.txt", "c.txt"), errno);
    return 0;
}
