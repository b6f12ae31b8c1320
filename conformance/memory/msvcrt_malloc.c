/* runtimes: msvcrt ucrt */
/* memory/msvcrt_malloc: msvcrt malloc/calloc/realloc/free and _msize: calloc zeroes, realloc keeps
 * data, realloc(NULL) allocates, malloc(0) returns a unique pointer.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/malloc and .../msize.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    char *a = malloc(10);
    printf("malloc size=%llu\n", (unsigned long long)_msize(a));
    char *c = calloc(4, 8);
    int zero = 1;
    for (int i = 0; i < 32; i++) zero &= c[i] == 0;
    printf("calloc zero=%d size=%llu\n", zero, (unsigned long long)_msize(c));
    memcpy(a, "abcdefghi", 10);
    a = realloc(a, 1000);
    printf("realloc kept=%d\n", !strcmp(a, "abcdefghi"));
    char *n = realloc(NULL, 5);
    printf("realloc NULL=%d\n", n != NULL);
    char *z1 = malloc(0), *z2 = malloc(0);
    printf("malloc 0 unique=%d\n", z1 && z2 && z1 != z2);
    free(a); free(c); free(n); free(z1); free(z2);
    free(NULL);
    return 0;
}
