/* runtimes: msvcrt ucrt */
/* cmdline/getcommandline_a_w: GetCommandLineA is the ANSI form of GetCommandLineW: the same length
 * and text for ASCII.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processenv/nf-processenv-getcommandlinea. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    const char *a = GetCommandLineA();
    const WCHAR *w = GetCommandLineW();
    int same = strlen(a) == wcslen(w);
    for (size_t i = 0; same && a[i]; i++)
        same &= (WCHAR)(unsigned char)a[i] == w[i];
    printf("same=%d\n", same);
    return 0;
}
