/* runtimes: msvcrt ucrt */
/* errors/strerror_texts: strerror texts for ENOENT, EACCES, EEXIST, EINVAL and an unknown number.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/errno-doserrno-sys-errlist-and-sys-nerr. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    int e[] = { ENOENT, EACCES, EEXIST, EINVAL, 1000 };
    for (int i = 0; i < 5; i++)
        printf("%d: %s\n", e[i], strerror(e[i]));
    return 0;
}
