/* misc.c: vcruntime140.dll's wrappers of Win32 functions (__vcrt_*), the purecall handler
 * setting, __report_gsfailure and the telemetry no-ops. */
#include <windows.h>
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

/* STATUS_STACK_BUFFER_OVERRUN: how a /GS cookie failure ends the process (documented for
 * __fastfail / FAST_FAIL_STACK_COOKIE_CHECK_FAILURE). */
#define STATUS_STACK_BUFFER_OVERRUN_CODE 0xC0000409

typedef void (__cdecl *purecall_handler)(void);
static purecall_handler purecall_fn;

/*********************************************************************
 *      __vcrt_InitializeCriticalSectionEx (VCRUNTIME140.@)
 */
BOOL __cdecl __vcrt_InitializeCriticalSectionEx(CRITICAL_SECTION *cs, DWORD spin, DWORD flags)
{
    return InitializeCriticalSectionEx(cs, spin, flags);
}

/*********************************************************************
 *      __vcrt_GetModuleFileNameW (VCRUNTIME140.@)
 */
DWORD __cdecl __vcrt_GetModuleFileNameW(HMODULE module, WCHAR *name, DWORD size)
{
    return GetModuleFileNameW(module, name, size);
}

/*********************************************************************
 *      __vcrt_GetModuleHandleW (VCRUNTIME140.@)
 */
HMODULE __cdecl __vcrt_GetModuleHandleW(const WCHAR *name)
{
    return GetModuleHandleW(name);
}

/*********************************************************************
 *      __vcrt_LoadLibraryExW (VCRUNTIME140.@)
 */
HMODULE __cdecl __vcrt_LoadLibraryExW(const WCHAR *name, HANDLE file, DWORD flags)
{
    return LoadLibraryExW(name, file, flags);
}

/*********************************************************************
 *      __report_gsfailure (VCRUNTIME140.@)
 *
 * A corrupted /GS stack cookie: the process ends at once with STATUS_STACK_BUFFER_OVERRUN.
 */
void __cdecl __report_gsfailure(ULONG_PTR cookie)
{
    ERR("stack buffer overrun detected (cookie %#Ix)\n", cookie);
    TerminateProcess(GetCurrentProcess(), STATUS_STACK_BUFFER_OVERRUN_CODE);
    for (;;)
        ;
}

/*********************************************************************
 *      _get_purecall_handler (VCRUNTIME140.@)
 */
purecall_handler __cdecl vcrt_get_purecall_handler(void)
{
    return purecall_fn;
}

/*********************************************************************
 *      _set_purecall_handler (VCRUNTIME140.@)
 *
 * Recorded for _purecall; returns the previous one.
 */
purecall_handler __cdecl vcrt_set_purecall_handler(purecall_handler handler)
{
    return InterlockedExchangePointer((void **)&purecall_fn, handler);
}

/*********************************************************************
 *      __telemetry_main_invoke_trigger (VCRUNTIME140.@)
 *
 * MSVC start-up code reports main's start and end to the ETW telemetry provider; there is no
 * such provider here, so there is nothing to do (documented as best-effort on Windows too).
 */
void __cdecl __telemetry_main_invoke_trigger(HINSTANCE instance)
{
}

/*********************************************************************
 *      __telemetry_main_return_trigger (VCRUNTIME140.@)
 */
void __cdecl __telemetry_main_return_trigger(HINSTANCE instance)
{
}

void __cdecl abort(void);
void __cdecl terminate(void);

/*********************************************************************
 *      _purecall (VCRUNTIME140.@)
 *
 * A call through a pure virtual slot: the handler set by _set_purecall_handler, then abort
 * (the UCRT's: "R6025 pure virtual function call" is its debug-build message only).
 */
void __cdecl vcrt_purecall(void)
{
    purecall_handler handler = purecall_fn;
    ERR("pure virtual function call\n");
    if (handler)
        handler();
    abort();
}

/*********************************************************************
 *      __std_terminate (VCRUNTIME140.@)
 *
 * What noexcept violations call: the UCRT's terminate (its set_terminate handler, then abort).
 */
void __cdecl vcrt_std_terminate(void)
{
    terminate();
}
