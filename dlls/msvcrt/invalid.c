/* invalid.c: the invalid-parameter handler of the secure CRT (_set_invalid_parameter_handler,
 * _invalid_parameter and its noinfo forms), used by the parameter checks of the _s functions. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

/* STATUS_INVALID_CRUNTIME_PARAMETER: the exit code of the default handler (documented on
 * "Parameter validation": the default handler invokes Watson crash reporting, which ends the
 * process with this status). */
#define STATUS_INVALID_CRUNTIME_PARAMETER_CODE 0xC0000417

static _invalid_parameter_handler global_handler;

/*********************************************************************
 *      _set_invalid_parameter_handler (MSVCRT.@)
 *
 * Returns the previous handler (NULL while the default one is active).
 */
_invalid_parameter_handler __cdecl _set_invalid_parameter_handler(_invalid_parameter_handler handler)
{
    TRACE("(%p)\n", handler);
    return InterlockedExchangePointer((void **)&global_handler, handler);
}

/*********************************************************************
 *      _get_invalid_parameter_handler (MSVCRT.@)
 */
_invalid_parameter_handler __cdecl _get_invalid_parameter_handler(void)
{
    return global_handler;
}

/*********************************************************************
 *      _invalid_parameter (MSVCRT.@)
 *
 * Calls the program's handler (release CRTs pass NULL strings and 0), or ends the process with
 * STATUS_INVALID_CRUNTIME_PARAMETER. The caller then fails with its documented errno.
 */
void __cdecl _invalid_parameter(const wchar_t *expr, const wchar_t *func, const wchar_t *file,
                                unsigned int line, uintptr_t reserved)
{
    _invalid_parameter_handler handler = global_handler;

    if (handler) {
        handler(expr, func, file, line, reserved);
        return;
    }
    ERR("invalid parameter: no handler, ending the process\n");
    TerminateProcess(GetCurrentProcess(), STATUS_INVALID_CRUNTIME_PARAMETER_CODE);
}

/*********************************************************************
 *      _invalid_parameter_noinfo (MSVCRT.@)
 */
void __cdecl _invalid_parameter_noinfo(void)
{
    _invalid_parameter(NULL, NULL, NULL, 0, 0);
}

/*********************************************************************
 *      _invalid_parameter_noinfo_noreturn (MSVCRT.@)
 *
 * As _invalid_parameter_noinfo, but the process ends even if the program's handler returns.
 */
void __cdecl _invalid_parameter_noinfo_noreturn(void)
{
    _invalid_parameter(NULL, NULL, NULL, 0, 0);
    TerminateProcess(GetCurrentProcess(), STATUS_INVALID_CRUNTIME_PARAMETER_CODE);
    for (;;)
        ;
}

/* The check of the _s functions: if cond is false, the handler runs and errno becomes err
 * (the caller returns err or its failure value). True if the parameter is valid. */
bool msvcrt_check_param(bool cond, int err)
{
    if (cond)
        return true;
    errno = err;
    _invalid_parameter_noinfo();
    return false;
}
