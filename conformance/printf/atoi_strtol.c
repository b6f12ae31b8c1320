/* printf/atoi_strtol: the number parsers under scanf: atoi, strtol with bases 0/16/36, endptr,
 * overflow to LONG_MAX with errno ERANGE.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/reference/strtol-wcstol-strtol-l-wcstol-l.
 * Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    char *end;
    printf("atoi=%d %d %d\n", atoi("  -12abc"), atoi("x"), atoi("+7"));
    long v = strtol("0x1fz", &end, 0);
    printf("strtol base0=%ld end=[%s]\n", v, end);
    printf("base16=%ld base36=%ld\n", strtol("ff", NULL, 16), strtol("zz", NULL, 36));
    errno = 0;
    v = strtol("99999999999999999999", &end, 10);
    printf("overflow=%ld errno=%d end=[%s]\n", v, errno, end);
    const char *abc = "abc";
    v = strtol(abc, &end, 10);
    printf("none=%ld end at start=%d\n", v, end == abc);
    return 0;
}
