/* exceptions/crt_abort: abort() prints nothing on stdout and ends with exit code 3 after SIGABRT
 * handlers; a SIGABRT handler runs first.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/abort ("abort ... exit
 * code 3"). Wine 8.0 agrees. (msvcrt.dll has no _set_abort_behavior: its message goes
 * to stderr, which the transcript leaves out.) */
#include "common.h"
#include <signal.h>

static void on_abort(int sig)
{
    printf("handler sig=%d\n", sig);
    fflush(stdout);
}

int main(void)
{
    signal(SIGABRT, on_abort);
    printf("before\n");
    fflush(stdout);
    abort();
    return 0;
}
