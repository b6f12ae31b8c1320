/* signal.c: signal() and raise() for the six C signals msvcrt knows. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

static sighandler_t handlers[SIGABRT + 1];  /* SIG_DFL (NULL) initially */

static bool valid_signal(int sig)
{
    switch (sig) {
    case SIGINT: case SIGILL: case SIGFPE: case SIGSEGV: case SIGTERM: case SIGBREAK: case SIGABRT:
        return true;
    default:
        return false;
    }
}

/*********************************************************************
 *      signal (MSVCRT.@)
 *
 * Returns the previous disposition, or SIG_ERR (errno EINVAL) for an unknown signal.
 * Console Ctrl-C/Ctrl-Break delivery (SIGINT, SIGBREAK) and hardware exceptions as SIGSEGV,
 * SIGILL, SIGFPE are not wired up yet: the handlers are recorded and raise() calls them.
 */
sighandler_t __cdecl signal(int sig, sighandler_t handler)
{
    sighandler_t old;

    TRACE("(%d, %p)\n", sig, handler);
    if (!valid_signal(sig) || handler == SIG_ERR) {
        errno = EINVAL;
        return SIG_ERR;
    }
    if (handler != SIG_DFL && handler != SIG_IGN) {
        if (sig == SIGINT || sig == SIGBREAK)
            FIXME_ONCE("console control events do not raise SIGINT/SIGBREAK yet\n");
        else if (sig == SIGSEGV || sig == SIGILL || sig == SIGFPE)
            FIXME_ONCE("exceptions do not raise SIGSEGV/SIGILL/SIGFPE yet\n");
    }
    _lock(LOCK_SIGNAL);
    old = handlers[sig];
    handlers[sig] = handler;
    _unlock(LOCK_SIGNAL);
    return old;
}

/*********************************************************************
 *      raise (MSVCRT.@)
 *
 * The default action of every signal ends the process with exit code 3 (documented for
 * SIGABRT; msvcrt does the same for the others). A handler is reset to SIG_DFL before it
 * is called; SIGFPE handlers also receive _FPE_EXPLICITGEN.
 */
int __cdecl raise(int sig)
{
    sighandler_t handler;

    TRACE("(%d)\n", sig);
    if (!valid_signal(sig)) {
        errno = EINVAL;
        return -1;
    }
    _lock(LOCK_SIGNAL);
    handler = handlers[sig];
    if (handler != SIG_IGN)
        handlers[sig] = SIG_DFL;
    _unlock(LOCK_SIGNAL);

    if (handler == SIG_IGN)
        return 0;
    if (handler == SIG_DFL)
        _exit(3);
    if (sig == SIGFPE)
        ((void (__cdecl *)(int, int))(void (*)(void))handler)(sig, _FPE_EXPLICITGEN);
    else
        handler(sig);
    return 0;
}
