/* runtimes: msvcrt ucrt */
/* printf/scanf_char_count: %c with a width reads white space too, and a short input stops it (EOF
 * count).
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. expected per Wine 8.0 (not yet recorded on Windows): the C standard says a short %5c is an input failure. */
#include "common.h"

int main(void)
{
    char buf[8] = "#######";
    int n = sscanf("a b", "%5c", buf);
    printf("n=%d buf=[%.7s]\n", n, buf);
    return 0;
}
