/* misc.c: start-up helpers (__set_app_type, __setusermatherr) and _assert. __C_specific_handler
 * is ntdll's (msvcrt forwards to it). */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

struct _exception;

static int app_type;    /* _CONSOLE_APP (1) or _GUI_APP (2) */
static int (__cdecl *user_matherr)(struct _exception *);

/*********************************************************************
 *      __set_app_type (MSVCRT.@)
 *
 * Recorded only: messages (abort, _assert) always go to stderr so far, also for GUI programs,
 * which Windows would show in a message box.
 */
void __cdecl __set_app_type(int type)
{
    TRACE("(%d)\n", type);
    app_type = type;
}

/*********************************************************************
 *      __setusermatherr (MSVCRT.@)
 *
 * Records the program's _matherr; our math functions do not report errors through it yet.
 */
void __cdecl __setusermatherr(int (__cdecl *func)(struct _exception *))
{
    TRACE("(%p)\n", func);
    user_matherr = func;
}

/*********************************************************************
 *      _assert (MSVCRT.@)
 *
 * Documented console form: "Assertion failed: expression, file filename, line number" on
 * stderr, then abort().
 */
void __cdecl _assert(const char *expr, const char *file, unsigned line)
{
    ERR("assertion failed: %s, %s:%u\n", debugstr_a(expr), debugstr_a(file), line);
    if (app_type == 2)
        FIXME_ONCE("GUI program: the assertion message goes to stderr, not a message box\n");
    fprintf(msvcrt_stderr, "Assertion failed: %s, file %s, line %u\n", expr, file, line);
    fflush(msvcrt_stderr);
    abort();
}

/*********************************************************************
 *      _wassert (MSVCRT.@)
 */
void __cdecl _wassert(const wchar_t *expr, const wchar_t *file, unsigned line)
{
    char aexpr[512], afile[MAX_PATH];

    if (!WideCharToMultiByte(CP_ACP, 0, expr, -1, aexpr, sizeof(aexpr), NULL, NULL))
        strcpy(aexpr, "?");
    if (!WideCharToMultiByte(CP_ACP, 0, file, -1, afile, sizeof(afile), NULL, NULL))
        strcpy(afile, "?");
    _assert(aexpr, afile, line);
}
