/* runtimes: msvcrt ucrt */
/* exceptions/crt_abort: abort() prints nothing on stdout and ends with exit code 3 after SIGABRT
 * handlers; a SIGABRT handler runs first.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/abort ("abort ... exit
 * code 3"). Wine 8.0 agrees. (msvcrt.dll has no _set_abort_behavior: its message goes
 * to stderr, which the transcript leaves out.) Under the UCRT (crt_abort.ucrt.out) the default
 * abort behaviour has _CALL_REPORTFAULT, so after the handler abort ends the process by
 * __fastfail(FAST_FAIL_FATAL_APP_EXIT): exit code 0xC0000409 (the abort and
 * _set_abort_behavior pages; __fastfail's page for the code). */
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
