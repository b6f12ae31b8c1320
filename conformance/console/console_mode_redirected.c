/* runtimes: msvcrt ucrt */
/* console/console_mode_redirected: GetConsoleMode on a redirected (file) stdout fails with
 * ERROR_INVALID_HANDLE.
 * Expected per https://learn.microsoft.com/windows/console/getconsolemode. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    DWORD mode = 77;
    SHOW("stdout", GetConsoleMode(GetStdHandle(STD_OUTPUT_HANDLE), &mode));
    printf("mode untouched=%d\n", mode == 77);
    return 0;
}
