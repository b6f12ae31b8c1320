/* runtimes: msvcrt ucrt */
/* printf/snprintf_legacy: _snprintf: when the output does not fit it writes count characters, no
 * terminator, and returns -1; when it fits exactly it returns count without a terminator.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/reference/snprintf-snprintf-snprintf-l-snwprintf-snwprintf-l (Return value: "If len = count ... no null terminator"; "If len > count ... returns -1"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    char buf[8];
    poison(buf, sizeof(buf));
    int n = _snprintf(buf, 4, "abcdef");
    printf("n=%d ", n);
    hexdump("buf", buf, 6);
    poison(buf, sizeof(buf));
    n = _snprintf(buf, 3, "abc");
    printf("n=%d ", n);
    hexdump("buf", buf, 5);
    poison(buf, sizeof(buf));
    n = _snprintf(buf, 8, "ab");
    printf("n=%d ", n);
    hexdump("buf", buf, 4);
    return 0;
}
