/* runtimes: msvcrt ucrt */
/* errors/errno_fopen_modes: fopen with an invalid mode string fails with EINVAL (22) (after the
 * invalid parameter handler, which by default ends the process in the UCRT; msvcrt returns).
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/fopen-wfopen. Wine 8.0
 * agrees (msvcrt). */
#include "common.h"

int main(void)
{
    errno = 0;
    FILE *f = fopen("missing.txt", "r");
    printf("missing=%d errno=%d\n", f != NULL, errno);
    errno = 0;
    f = fopen("x.txt", "q");
    printf("bad mode=%d errno=%d\n", f != NULL, errno);
    return 0;
}
