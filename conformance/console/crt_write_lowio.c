/* runtimes: msvcrt ucrt */
/* console/crt_write_lowio: _write(1, ...) writes bytes as they are in binary mode and translates
 * LF in text mode; the return value counts the caller's bytes.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/write. Wine 8.0 agrees.
 * */
#include "common.h"

int main(void)
{
    fflush(stdout);
    int n = _write(1, "low\n", 4);
    _setmode(1, _O_BINARY);
    int m2 = _write(1, "bin\n", 4);
    _setmode(1, _O_TEXT);
    printf("n=%d m=%d\n", n, m2);
    return 0;
}
