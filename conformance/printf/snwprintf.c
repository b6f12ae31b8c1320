/* runtimes: msvcrt ucrt */
/* printf/snwprintf: _snwprintf counts in wide characters: -1 and no terminator when the output
 * does not fit.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/reference/snprintf-snprintf-snprintf-l-snwprintf-snwprintf-l. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    wchar_t buf[8];
    poison(buf, sizeof(buf));
    int n = _snwprintf(buf, 3, L"abcd");
    printf("n=%d ", n);
    hexdump("buf", buf, 8);
    n = _snwprintf(buf, 8, L"%d", 42);
    printf("n=%d ", n);
    print_w(buf, -1);
    printf("\n");
    return 0;
}
