/* runtimes: msvcrt ucrt */
/* printf/vsnprintf_legacy: _vsnprintf behaves like _snprintf: -1 and no terminator on truncation.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/reference/vsnprintf-vsnprintf-vsnprintf-l-vsnwprintf-vsnwprintf-l. Wine 8.0 agrees. */
#include "common.h"
#include <stdarg.h>

static int call_vsnprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

int main(void)
{
    char buf[8];
    poison(buf, sizeof(buf));
    int n = call_vsnprintf(buf, 5, "%s%d", "abc", 1234);
    printf("n=%d ", n);
    hexdump("buf", buf, 6);
    n = call_vsnprintf(buf, 8, "%d", 7);
    printf("n=%d [%s]\n", n, buf);
    return 0;
}
