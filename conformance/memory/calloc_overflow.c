/* runtimes: msvcrt ucrt */
/* memory/calloc_overflow: calloc with a count*size overflow fails with NULL and errno ENOMEM;
 * malloc of a huge size likewise.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/calloc (Return value,
 * errno ENOMEM). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    errno = 0;
    void *p = calloc((size_t)1 << 62, 16);
    printf("calloc=%d errno=%d\n", p != NULL, errno);
    errno = 0;
    p = malloc((size_t)-64);
    printf("malloc=%d errno=%d\n", p != NULL, errno);
    return 0;
}
