/* runtimes: msvcrt ucrt */
/* exceptions/crt_signal_fpe: msvcrt signal and raise: signal(SIGFPE) returns the previous handler
 * (SIG_DFL); raise(SIGFPE) calls the handler with SIGFPE, after resetting it to SIG_DFL.
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/signal and .../raise.
 * Wine 8.0 agrees (the handler is reset to SIG_DFL before it is called, as documented). */
#include "common.h"
#include <signal.h>

static volatile int got;

static void on_fpe(int sig)
{
    got = sig;
}

int main(void)
{
    void (*prev)(int) = signal(SIGFPE, on_fpe);
    printf("prev default=%d\n", prev == SIG_DFL);
    raise(SIGFPE);
    printf("got=%d\n", got);
    printf("handler reset to default=%d\n", signal(SIGFPE, SIG_DFL) == SIG_DFL);
    return 0;
}
