/* startup.c: the UCRT's start-up and exit entry points (_configure_narrow_argv, the environment
 * initialisers, onexit tables, _crt_atexit, quick_exit, __acrt_iob_func...), over the shared
 * msvcrt sources compiled into ucrtbase.dll. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

extern char **__initenv;
extern wchar_t **__winitenv;
extern char *_acmdln;
extern wchar_t *_wcmdln;
int __cdecl __getmainargs(int *argc, char ***argv, char ***envp, int expand, _startupinfo *info);
int __cdecl __wgetmainargs(int *argc, wchar_t ***argv, wchar_t ***envp, int expand,
                           _startupinfo *info);
void __cdecl __set_app_type(int type);

/* _crt_argv_mode (corecrt_startup.h): none, unexpanded, expanded (wildcards). */
enum { ARGV_NONE, ARGV_UNEXPANDED, ARGV_EXPANDED };

static int configure_argv(int mode, bool wide)
{
    int argc;
    void *argv, *envp;

    if (mode == ARGV_NONE)
        return 0;
    if (mode != ARGV_UNEXPANDED && mode != ARGV_EXPANDED) {
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return EINVAL;
    }
    if (wide ? __wgetmainargs(&argc, (wchar_t ***)&argv, (wchar_t ***)&envp, mode == ARGV_EXPANDED, NULL)
             : __getmainargs(&argc, (char ***)&argv, (char ***)&envp, mode == ARGV_EXPANDED, NULL))
        return ENOMEM;
    return 0;
}

/*********************************************************************
 *      _configure_narrow_argv (UCRTBASE.@)
 *
 * Builds __argc/__argv from the command line (0, or an errno value).
 */
int __cdecl _configure_narrow_argv(int mode)
{
    TRACE("(%d)\n", mode);
    return configure_argv(mode, false);
}

/*********************************************************************
 *      _configure_wide_argv (UCRTBASE.@)
 */
int __cdecl _configure_wide_argv(int mode)
{
    TRACE("(%d)\n", mode);
    return configure_argv(mode, true);
}

/*********************************************************************
 *      _initialize_narrow_environment (UCRTBASE.@)
 *
 * _environ is built when the DLL attaches; this records it as the initial environment.
 */
int __cdecl _initialize_narrow_environment(void)
{
    if (!_environ && !msvcrt_init_environ())
        return -1;
    if (!__initenv)
        __initenv = _environ;
    return 0;
}

/*********************************************************************
 *      _initialize_wide_environment (UCRTBASE.@)
 */
int __cdecl _initialize_wide_environment(void)
{
    if (!_wenviron && !msvcrt_init_wenviron())
        return -1;
    if (!__winitenv)
        __winitenv = _wenviron;
    return 0;
}

/*********************************************************************
 *      _get_initial_narrow_environment (UCRTBASE.@)
 */
char **__cdecl _get_initial_narrow_environment(void)
{
    return __initenv;
}

/*********************************************************************
 *      _get_initial_wide_environment (UCRTBASE.@)
 */
wchar_t **__cdecl _get_initial_wide_environment(void)
{
    return __winitenv;
}

/* The WinMain command line: the program name skipped (quotes only group in it), then blanks. */
static size_t winmain_skip(const void *cmd, bool wide)
{
    size_t i = 0;
    bool quoted = false;
#define CH(k) (wide ? ((const wchar_t *)cmd)[k] : (unsigned char)((const char *)cmd)[k])

    for (; CH(i) && (quoted || (CH(i) != ' ' && CH(i) != '\t')); i++)
        if (CH(i) == '"')
            quoted = !quoted;
    while (CH(i) == ' ' || CH(i) == '\t')
        i++;
    return i;
#undef CH
}

/*********************************************************************
 *      _get_narrow_winmain_command_line (UCRTBASE.@)
 */
char *__cdecl _get_narrow_winmain_command_line(void)
{
    return _acmdln ? _acmdln + winmain_skip(_acmdln, false) : NULL;
}

/*********************************************************************
 *      _get_wide_winmain_command_line (UCRTBASE.@)
 */
wchar_t *__cdecl _get_wide_winmain_command_line(void)
{
    return _wcmdln ? _wcmdln + winmain_skip(_wcmdln, true) : NULL;
}

/*********************************************************************
 *      _set_app_type (UCRTBASE.@)
 */
void __cdecl _set_app_type(int type)
{
    __set_app_type(type);
}

/*********************************************************************
 *      __acrt_iob_func (UCRTBASE.@)
 *
 * stdin, stdout, stderr for index 0, 1, 2.
 */
FILE *__cdecl __acrt_iob_func(unsigned index)
{
    return &_iob[index];
}

/*********************************************************************
 *      _set_fmode (UCRTBASE.@)
 */
errno_t __cdecl _set_fmode(int mode)
{
    CRT_CHECK(mode == _O_TEXT || mode == _O_BINARY || mode == _O_WTEXT, EINVAL, EINVAL);
    _fmode = mode;
    return 0;
}

/*********************************************************************
 *      _get_fmode (UCRTBASE.@)
 */
errno_t __cdecl _get_fmode(int *mode)
{
    CRT_CHECK(!crt_null(mode), EINVAL, EINVAL);
    *mode = _fmode;
    return 0;
}

/* ---- onexit tables ---- */

/*********************************************************************
 *      _initialize_onexit_table (UCRTBASE.@)
 */
int __cdecl _initialize_onexit_table(_onexit_table_t *table)
{
    if (crt_null(table))
        return -1;
    if (!table->_first)
        table->_first = table->_last = table->_end = NULL;
    return 0;
}

/*********************************************************************
 *      _register_onexit_function (UCRTBASE.@)
 *
 * Appends func to the table, growing it (doubling); 0 or -1 when out of memory.
 */
int __cdecl _register_onexit_function(_onexit_table_t *table, _onexit_t func)
{
    int ret = -1;

    if (crt_null(table))
        return -1;
    _lock(LOCK_EXIT1);
    if (table->_last == table->_end) {
        size_t used = table->_last - table->_first, size = used ? used * 2 : 32;
        _PVFV *grown = realloc(table->_first, size * sizeof(_PVFV));
        if (!grown)
            goto out;
        table->_first = grown;
        table->_last = grown + used;
        table->_end = grown + size;
    }
    *table->_last++ = (_PVFV)func;
    ret = 0;
out:
    _unlock(LOCK_EXIT1);
    return ret;
}

/*********************************************************************
 *      _execute_onexit_table (UCRTBASE.@)
 *
 * Runs the functions newest first and empties the table. Functions registered while it runs go
 * to the (now empty) table and are run too.
 */
int __cdecl _execute_onexit_table(_onexit_table_t *table)
{
    if (crt_null(table))
        return -1;
    for (;;) {
        _PVFV *first, *last;

        _lock(LOCK_EXIT1);
        first = table->_first;
        last = table->_last;
        table->_first = table->_last = table->_end = NULL;
        _unlock(LOCK_EXIT1);
        if (!first)
            return 0;
        while (last > first)
            if (*--last)
                (*last)();
        free(first);
    }
}

/*********************************************************************
 *      _crt_atexit (UCRTBASE.@)
 */
int __cdecl _crt_atexit(_PVFV func)
{
    return _onexit((_onexit_t)func) ? 0 : -1;
}

static _onexit_table_t quick_exit_table;

/*********************************************************************
 *      _crt_at_quick_exit (UCRTBASE.@)
 */
int __cdecl _crt_at_quick_exit(_PVFV func)
{
    return _register_onexit_function(&quick_exit_table, (_onexit_t)func);
}

/*********************************************************************
 *      quick_exit (UCRTBASE.@)
 *
 * C11: the at_quick_exit functions newest first, then _exit (no atexit handlers, no flush).
 */
void __cdecl quick_exit(int code)
{
    TRACE("(%d)\n", code);
    _execute_onexit_table(&quick_exit_table);
    _exit(code);
}

/*********************************************************************
 *      _register_thread_local_exe_atexit_callback (UCRTBASE.@)
 *
 * MSVC programs register the TLS callback that runs thread_local destructors. Recorded only:
 * nothing calls it at thread exit yet (FIXME).
 */
static void *thread_local_exe_callback;
void __cdecl _register_thread_local_exe_atexit_callback(void *callback)
{
    FIXME_ONCE("(%p): thread_local destructors of the program are not run\n", callback);
    thread_local_exe_callback = callback;
}

/*********************************************************************
 *      _configthreadlocale (UCRTBASE.@)
 *
 * Per-thread locales: only the "C" locale exists so far, so the setting changes nothing; the
 * documented return is the previous setting (_DISABLE_PER_THREAD_LOCALE by default).
 */
static int thread_locale_mode = _DISABLE_PER_THREAD_LOCALE;
int __cdecl _configthreadlocale(int flag)
{
    int old = thread_locale_mode;

    if (flag == _ENABLE_PER_THREAD_LOCALE || flag == _DISABLE_PER_THREAD_LOCALE)
        thread_locale_mode = flag;
    else if (flag != 0 && flag != -1) {
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return -1;
    }
    return old;
}
