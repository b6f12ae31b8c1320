/* printf/strings: %s with width, precision and "-"; precision stops reading (the string need not
 * be terminated); a NULL %s prints "(null)".
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions (precision for s; "(null)" for a null pointer is documented under Type field characters). Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    char unterminated[3] = { 'x', 'y', 'z' };
    printf("[%s] [%8s] [%-8s] [%.2s] [%8.3s]\n", "hello", "hi", "hi", "hello", "hello");
    printf("[%.3s]\n", unterminated);
    printf("[%s] [%.3s] [%8s]\n", (char *)NULL, (char *)NULL, (char *)NULL);
    return 0;
}
