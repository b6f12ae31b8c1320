/* runtimes: msvcrt ucrt */
/* exceptions/unhandled_access_violation: an unhandled access violation ends the process with exit
 * code 0xC0000005 (-1073741819; the runner compares it modulo 256).
 * Expected per https://learn.microsoft.com/windows/win32/debug/exception-handling and
 * https://learn.microsoft.com/openspecs/windows_protocols/ms-erref/596a1078-e883-4972-9bbc-49e60bebca55 (STATUS_ACCESS_VIOLATION). Wine 8.0 prints its debugger report on stdout instead; the documented exit code wins. */
#include "common.h"

int main(void)
{
    SetErrorMode(SEM_NOGPFAULTERRORBOX);
    printf("before\n");
    fflush(stdout);
    *(volatile int *)16 = 1;
    printf("not reached\n");
    return 0;
}
