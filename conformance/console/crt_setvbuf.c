/* runtimes: msvcrt ucrt */
/* console/crt_setvbuf: setvbuf(_IOFBF) delays stdout until fflush: a _write in between appears
 * first; _IONBF writes at once.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/setvbuf. Wine 8.0
 * agrees. (_write to a file in text mode writes CR LF for LF.) */
#include "common.h"

int main(void)
{
    static char buf[256];
    setvbuf(stdout, buf, _IOFBF, sizeof(buf));
    printf("buffered ");
    _write(1, "direct ", 7);
    fflush(stdout);
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("unbuffered ");
    _write(1, "direct2\n", 8);
    return 0;
}
