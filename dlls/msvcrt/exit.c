/* exit.c: _lock/_unlock, _initterm, the atexit/_onexit table, exit, _exit, _cexit, abort,
 * _amsg_exit and what runs when the process ends. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

static CRITICAL_SECTION lock_table[MSVCRT_LOCK_COUNT];
static bool locks_ready;

/* The atexit/_onexit handlers, run last-registered first. Guarded by LOCK_EXIT1. */
static _onexit_t *onexit_table;
static size_t onexit_count, onexit_size;
/* Set once exit handlers ran (or must not run: _exit); DLL detach then does nothing more. */
static bool termination_done;

void msvcrt_init_locks(void)
{
    for (int i = 0; i < MSVCRT_LOCK_COUNT; i++)
        InitializeCriticalSection(&lock_table[i]);
    locks_ready = true;
}

void msvcrt_free_locks(void)
{
    if (!locks_ready)
        return;
    for (int i = 0; i < MSVCRT_LOCK_COUNT; i++)
        DeleteCriticalSection(&lock_table[i]);
    locks_ready = false;
}

/*********************************************************************
 *      _lock (MSVCRT.@)
 *
 * The CRT's numbered global locks; code compiled against msvcrt (mingw-w64's start-up code)
 * takes them around its own exit tables.
 */
void __cdecl _lock(int id)
{
    if (id < 0 || id >= MSVCRT_LOCK_COUNT) {
        ERR("invalid lock id %d\n", id);
        _amsg_exit(17);     /* R6017: unexpected multithread lock error */
    }
    EnterCriticalSection(&lock_table[id]);
}

/*********************************************************************
 *      _unlock (MSVCRT.@)
 */
void __cdecl _unlock(int id)
{
    if (id < 0 || id >= MSVCRT_LOCK_COUNT) {
        ERR("invalid lock id %d\n", id);
        _amsg_exit(17);
    }
    LeaveCriticalSection(&lock_table[id]);
}

/*********************************************************************
 *      _initterm (MSVCRT.@)
 *
 * Calls every non-NULL function pointer in [start, end).
 */
void __cdecl _initterm(_PVFV *start, _PVFV *end)
{
    TRACE("(%p, %p)\n", start, end);
    for (; start < end; start++)
        if (*start)
            (*start)();
}

/*********************************************************************
 *      _initterm_e (MSVCRT.@)
 *
 * Like _initterm for functions returning int; stops at the first non-zero result.
 */
int __cdecl _initterm_e(int (__cdecl **start)(void), int (__cdecl **end)(void))
{
    int ret = 0;

    for (; start < end && !ret; start++)
        if (*start)
            ret = (*start)();
    return ret;
}

/* Appends func to a table that grows by doubling; false when out of memory. */
static bool table_append(_onexit_t **table, size_t *count, size_t *size, _onexit_t func)
{
    if (*count == *size) {
        size_t new_size = *size ? *size * 2 : 32;
        _onexit_t *grown = realloc(*table, new_size * sizeof(**table));
        if (!grown)
            return false;
        *table = grown;
        *size = new_size;
    }
    (*table)[(*count)++] = func;
    return true;
}

/*********************************************************************
 *      _onexit (MSVCRT.@)
 */
_onexit_t __cdecl _onexit(_onexit_t func)
{
    bool ok;

    TRACE("(%p)\n", func);
    if (!func)
        return NULL;
    _lock(LOCK_EXIT1);
    ok = table_append(&onexit_table, &onexit_count, &onexit_size, func);
    _unlock(LOCK_EXIT1);
    return ok ? func : NULL;
}

/*********************************************************************
 *      atexit (MSVCRT.@)
 */
int __cdecl atexit(void (__cdecl *func)(void))
{
    return _onexit((_onexit_t)func) ? 0 : -1;
}

/*********************************************************************
 *      __dllonexit (MSVCRT.@)
 *
 * Appends func to a DLL's own table [*begin, *end), a malloc'd block whose capacity is its
 * _msize (the DLL's start-up code allocates it and runs it at detach).
 */
_onexit_t __cdecl __dllonexit(_onexit_t func, _PVFV **begin, _PVFV **end)
{
    size_t used, capacity;
    _PVFV *table;

    TRACE("(%p, %p, %p)\n", func, begin, end);
    if (!func || !begin || !end || !*begin || *end < *begin)
        return NULL;
    used = *end - *begin;
    capacity = _msize(*begin) / sizeof(_PVFV);
    if (capacity == (size_t)-1 / sizeof(_PVFV))
        return NULL;
    if (used >= capacity) {
        size_t grow = capacity < 512 ? (capacity ? capacity : 16) : 512;
        table = realloc(*begin, (capacity + grow) * sizeof(_PVFV));
        if (!table)
            return NULL;
        *begin = table;
        *end = table + used;
    }
    **end = (_PVFV)func;
    (*end)++;
    return func;
}

/* Runs the atexit/_onexit handlers, newest first; handlers may register more. */
static void run_onexit_table(void)
{
    for (;;) {
        _onexit_t func;

        _lock(LOCK_EXIT1);
        func = onexit_count ? onexit_table[--onexit_count] : NULL;
        _unlock(LOCK_EXIT1);
        if (!func)
            break;
        TRACE("calling %p\n", func);
        func();
    }
}

/* What exit() and _cexit() do before leaving: the handlers, then flush every stream. */
static void run_termination(void)
{
    _lock(LOCK_EXIT1);
    if (termination_done) {
        _unlock(LOCK_EXIT1);
        return;
    }
    _unlock(LOCK_EXIT1);
    run_onexit_table();
    msvcrt_flush_all_streams();
    termination_done = true;
}

/*********************************************************************
 *      _cexit (MSVCRT.@)
 */
void __cdecl _cexit(void)
{
    TRACE("()\n");
    run_termination();
}

/*********************************************************************
 *      _c_exit (MSVCRT.@)
 *
 * Returns without running handlers or flushing (documented quick variant of _cexit).
 */
void __cdecl _c_exit(void)
{
    TRACE("()\n");
}

/*********************************************************************
 *      exit (MSVCRT.@)
 */
void __cdecl exit(int code)
{
    TRACE("(%d)\n", code);
    run_termination();
    ExitProcess(code);
}

/*********************************************************************
 *      _exit (MSVCRT.@)
 *
 * Ends the process at once: no handlers, no flushing, also not at DLL detach.
 */
void __cdecl _exit(int code)
{
    TRACE("(%d)\n", code);
    termination_done = true;
    ExitProcess(code);
}

/* DLL_PROCESS_DETACH. When the process ends without exit() (ExitProcess called directly),
 * msvcrt still runs the handlers and flushes, as its own detach does. */
void msvcrt_process_detach(bool process_exit)
{
    if (process_exit && !termination_done)
        run_termination();
    else if (!process_exit)
        msvcrt_flush_all_streams();
}

/* Last-resort messages: straight to the standard error handle, no stdio, no text mode. */
void msvcrt_write_stderr_raw(const char *text)
{
    HANDLE handle = GetStdHandle(STD_ERROR_HANDLE);
    DWORD written;

    if (handle && handle != INVALID_HANDLE_VALUE)
        WriteFile(handle, text, strlen(text), &written, NULL);
}

#ifdef VINHO_UCRT
/* _set_abort_behavior flags; the UCRT's release default is both (documented on its page). */
static unsigned int abort_behavior = _WRITE_ABORT_MSG | _CALL_REPORTFAULT;

/*********************************************************************
 *      _set_abort_behavior (UCRTBASE.@)
 *
 * Sets the bits of mask to those of flags; returns the previous flags.
 */
unsigned int __cdecl _set_abort_behavior(unsigned int flags, unsigned int mask)
{
    unsigned int old = abort_behavior;

    abort_behavior = (old & ~mask) | (flags & mask);
    return old;
}

/*********************************************************************
 *      abort (UCRTBASE.@)
 *
 * The UCRT (release): no message (_WRITE_ABORT_MSG only matters in debug builds), raise
 * SIGABRT, then with _CALL_REPORTFAULT (the default) the fail-fast exit Windows 8+ reports as
 * STATUS_STACK_BUFFER_OVERRUN (0xC0000409, FAST_FAIL_FATAL_APP_EXIT); without it _exit(3).
 * No flushing, no atexit handlers.
 */
void __cdecl abort(void)
{
    TRACE("()\n");
    raise(SIGABRT);
    if (abort_behavior & _CALL_REPORTFAULT)
        TerminateProcess(GetCurrentProcess(), 0xC0000409);
    _exit(3);
}
#else
/*********************************************************************
 *      abort (MSVCRT.@)
 *
 * Documented (VS2008/2010 CRT, the msvcrt.dll generation): prints the message below on stderr,
 * raises SIGABRT, and ends the process with exit code 3 without flushing or atexit handlers.
 */
void __cdecl abort(void)
{
    TRACE("()\n");
    msvcrt_write_stderr_raw("\r\nThis application has requested the Runtime to terminate it "
                            "in an unusual way.\r\nPlease contact the application's support "
                            "team for more information.\r\n");
    raise(SIGABRT);
    _exit(3);
}
#endif

/* The run-time error messages R60nn (documented "C Runtime Error R60nn" pages). */
static const char *runtime_error_text(int num)
{
    switch (num) {
    case 2: return "floating-point support not loaded";
    case 8: return "not enough space for arguments";
    case 9: return "not enough space for environment";
    case 10: return "abnormal program termination";
    case 16: return "not enough space for thread data";
    case 17: return "unexpected multithread lock error";
    case 18: return "unexpected heap error";
    case 19: return "unable to open console device";
    case 24: return "not enough space for _onexit/atexit table";
    case 25: return "pure virtual function call";
    case 26: return "not enough space for stdio initialization";
    case 27: return "not enough space for lowio initialization";
    case 28: return "unable to initialize heap";
    default: return "unknown run-time error";
    }
}

/*********************************************************************
 *      _amsg_exit (MSVCRT.@)
 *
 * Prints "runtime error R60nn" and its message on stderr, then ends the process with code
 * 255 without running exit handlers.
 */
void __cdecl _amsg_exit(int num)
{
    char text[32] = "\r\nruntime error R60";

    ERR("run-time error %d\n", num);
    text[19] = '0' + (num / 10) % 10;
    text[20] = '0' + num % 10;
    text[21] = 0;
    msvcrt_write_stderr_raw(text);
    msvcrt_write_stderr_raw("\r\n- ");
    msvcrt_write_stderr_raw(runtime_error_text(num));
    msvcrt_write_stderr_raw("\r\n");
    _exit(255);
}
