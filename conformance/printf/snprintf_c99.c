/* printf/snprintf_c99: snprintf (UCRT, C99): truncates, always terminates, returns the length the
 * full output would have.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/reference/snprintf-snprintf-snprintf-l-snwprintf-snwprintf-l ("snprintf ... always null-terminates"; returns the needed length).
 * Wine 8.0 agrees.
 * UCRT only by design: msvcrt.dll has no C99 snprintf, only _snprintf
 * (printf/snprintf_legacy).
 * runtimes: ucrt */
#include "common.h"

int main(void)
{
    char buf[8];
    poison(buf, sizeof(buf));
    int n = snprintf(buf, 4, "abcdef");
    printf("n=%d ", n);
    hexdump("buf", buf, 6);
    n = snprintf(NULL, 0, "%d", 123456);
    printf("size query=%d\n", n);
    return 0;
}
