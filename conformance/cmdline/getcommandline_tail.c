/* runtimes: msvcrt ucrt */
/* cmdline/getcommandline_tail: GetCommandLineW holds the program path then the quoted arguments;
 * the tail after the program name is printed (the path differs between machines).
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processenv/nf-processenv-getcommandlinew. expected
 * per the quoting that record.cmd uses (the .cmdline file); not yet recorded on Windows. */
#include "common.h"

int main(void)
{
    const WCHAR *c = GetCommandLineW();
    if (*c == '"') {
        c = wcschr(c + 1, '"');
        c = c ? c + 1 : L"";
    } else {
        while (*c && *c != ' ')
            c++;
    }
    printf("tail=<");
    print_w(c, -1);
    printf(">\n");
    return 0;
}
