/* runtimes: msvcrt ucrt */
/* console/write_console_redirected: WriteConsoleW to a redirected stdout fails with
 * ERROR_INVALID_HANDLE (it writes only to consoles); WriteFile works.
 * Expected per https://learn.microsoft.com/windows/console/writeconsole ("WriteConsole fails if it
 * is used with a standard handle that is redirected to a file"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    DWORD done = 99;
    SHOW("WriteConsoleW", WriteConsoleW(GetStdHandle(STD_OUTPUT_HANDLE), L"x", 1, &done, NULL));
    fflush(stdout);
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), "file write\r\n", 12, &done, NULL);
    return 0;
}
