/* runtimes: msvcrt ucrt */
/* errors/errno_rename: rename onto an existing file fails with EACCES (msvcrt does not replace);
 * a missing source with ENOENT.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/rename-wrename ("EACCES:
 * File or directory specified by newname already exists or couldn't be created"; "ENOENT: File or
 * path specified by oldname not found"). Wine 8.0 gives EEXIST (17) for the first (MoveFile's
 * ERROR_ALREADY_EXISTS through the CRT's error table): the documentation wins until a Windows
 * recording says otherwise. */
#include "common.h"

int main(void)
{
    fclose(fopen("a.txt", "w"));
    fclose(fopen("b.txt", "w"));
    int r;
    /* Each call before the printf that shows errno (argument order is unspecified). */
    errno = 0;
    r = rename("a.txt", "b.txt");
    printf("onto existing=%d errno=%d\n", r, errno);
    errno = 0;
    r = rename("none.txt", "c.txt");
    printf("missing=%d errno=%d\n", r, errno);
    return 0;
}
