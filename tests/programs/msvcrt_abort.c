/* msvcrt_abort.c: abort() raises SIGABRT (a handler installed with signal runs, with the
 * signal number), does not flush stream buffers nor run atexit handlers, and ends the process
 * with exit code 3 even when the handler returns. The handler writes with _write (no stdio),
 * so the line printf left in stdout's buffer (stdout is a file here, fully buffered) is lost.
 * Also: signal's return values and raise on an ignored signal.
 * Expected, from Microsoft's documentation:
 * - abort https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/abort (message on
 *   stderr, raise(SIGABRT), exit code 3, no flushing, no atexit processing);
 * - signal https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/signal (returns the
 *   previous handler; an invalid signal gives SIG_ERR and EINVAL 22; SIGABRT is 22);
 * - raise https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/raise (0 on
 *   success).
 * Built against the UCRT too (msvcrt_abort.ucrt.expected): the release UCRT writes no message,
 * and with _CALL_REPORTFAULT, set by default in release builds ("_set_abort_behavior" page),
 * abort ends through fail-fast, exit code 0xC0000409 (the shell sees its low byte, 9); Wine's
 * ucrtbase exits with 3 instead. */
#include <errno.h>
#include <io.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

static void on_abort(int sig)
{
    char msg[] = "handler: signal 00\n";
    msg[16] = '0' + sig / 10;
    msg[17] = '0' + sig % 10;
    _write(1, msg, sizeof(msg) - 1);
}

static void never(void)
{
    _write(1, "atexit handler ran\n", 19);
}

int main(void)
{
    int bad;

    errno = 0;
    bad = signal(12345, on_abort) == SIG_ERR;
    printf("signal(12345): %s, errno %d\n", bad ? "SIG_ERR" : "?", errno);
    printf("signal(SIGINT, SIG_IGN) was SIG_DFL: %s\n", signal(SIGINT, SIG_IGN) == SIG_DFL ? "yes" : "no");
    printf("raise(SIGINT) while ignored: %d\n", raise(SIGINT));
    printf("signal(SIGABRT, handler) was SIG_DFL: %s\n", signal(SIGABRT, on_abort) == SIG_DFL ? "yes" : "no");
    atexit(never);
    fflush(stdout);
    printf("this line stays in the buffer\n");
    abort();
}
