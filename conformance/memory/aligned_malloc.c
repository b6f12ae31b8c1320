/* runtimes: msvcrt ucrt */
/* memory/aligned_malloc: _aligned_malloc aligns to a power of two; a non power of two fails with
 * EINVAL.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/aligned-malloc. Wine
 * 8.0 agrees. */
#include "common.h"
#include <malloc.h>

int main(void)
{
    void *p = _aligned_malloc(100, 256);
    printf("aligned=%d\n", p && ((ULONG_PTR)p & 255) == 0);
    _aligned_free(p);
    errno = 0;
    p = _aligned_malloc(100, 24);
    printf("bad alignment=%d errno=%d\n", p != NULL, errno);
    return 0;
}
