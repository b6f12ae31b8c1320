/* process.c: the current process: command line, start-up info, std handles, exit, identity. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(process);

static char *command_line_a;

/***********************************************************************
 *           GetCommandLineW   (kernelbase.@)
 */
LPWSTR WINAPI GetCommandLineW(void)
{
    return process_params()->CommandLine.Buffer;
}

/***********************************************************************
 *           GetCommandLineA   (kernelbase.@)
 */
LPSTR WINAPI GetCommandLineA(void)
{
    if (!command_line_a) {
        const WCHAR *w = GetCommandLineW();
        int len = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
        char *a = HeapAlloc(GetProcessHeap(), 0, len > 0 ? len : 1);
        if (!a)
            return NULL;
        if (len <= 0 || !WideCharToMultiByte(CP_ACP, 0, w, -1, a, len, NULL, NULL))
            a[0] = 0;
        if (InterlockedCompareExchangePointer((void **)&command_line_a, a, NULL))
            HeapFree(GetProcessHeap(), 0, a);
    }
    return command_line_a;
}

/***********************************************************************
 *           GetStartupInfoW   (kernelbase.@)
 */
void WINAPI GetStartupInfoW(STARTUPINFOW *info)
{
    struct vn_process_params *pp = process_params();
    memset(info, 0, sizeof(*info));
    info->cb = sizeof(*info);
    info->lpTitle = pp->WindowTitle.Buffer;
    info->dwFlags = pp->WindowFlags;
    info->wShowWindow = pp->ShowWindowFlags;
    info->hStdInput = pp->StandardInput;
    info->hStdOutput = pp->StandardOutput;
    info->hStdError = pp->StandardError;
}

/***********************************************************************
 *           GetStartupInfoA   (kernelbase.@)
 */
void WINAPI GetStartupInfoA(STARTUPINFOA *info)
{
    STARTUPINFOW w;
    GetStartupInfoW(&w);
    memset(info, 0, sizeof(*info));
    info->cb = sizeof(*info);
    info->dwFlags = w.dwFlags;
    info->wShowWindow = w.wShowWindow;
    info->hStdInput = w.hStdInput;
    info->hStdOutput = w.hStdOutput;
    info->hStdError = w.hStdError;
}

/***********************************************************************
 *           GetStdHandle   (kernelbase.@)
 */
HANDLE WINAPI GetStdHandle(DWORD which)
{
    struct vn_process_params *pp = process_params();
    switch (which) {
    case STD_INPUT_HANDLE:  return pp->StandardInput;
    case STD_OUTPUT_HANDLE: return pp->StandardOutput;
    case STD_ERROR_HANDLE:  return pp->StandardError;
    }
    SetLastError(ERROR_INVALID_HANDLE);
    return INVALID_HANDLE_VALUE;
}

/***********************************************************************
 *           SetStdHandle   (kernelbase.@)
 */
BOOL WINAPI SetStdHandle(DWORD which, HANDLE handle)
{
    struct vn_process_params *pp = process_params();
    switch (which) {
    case STD_INPUT_HANDLE:  pp->StandardInput = handle; return TRUE;
    case STD_OUTPUT_HANDLE: pp->StandardOutput = handle; return TRUE;
    case STD_ERROR_HANDLE:  pp->StandardError = handle; return TRUE;
    }
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

HANDLE WINAPI GetCurrentProcess(void) { return (HANDLE)~(ULONG_PTR)0; }
HANDLE WINAPI GetCurrentThread(void) { return (HANDLE)~(ULONG_PTR)1; }
DWORD WINAPI GetCurrentProcessId(void) { return (DWORD)(ULONG_PTR)vn_teb()->ClientIdProcess; }
DWORD WINAPI GetCurrentThreadId(void) { return (DWORD)(ULONG_PTR)vn_teb()->ClientIdThread; }
BOOL WINAPI IsDebuggerPresent(void) { return vn_peb()->BeingDebugged; }

/***********************************************************************
 *           ExitProcess   (kernelbase.@)
 */
void WINAPI ExitProcess(UINT code)
{
    RtlExitUserProcess(code);
}

/***********************************************************************
 *           TerminateProcess   (kernelbase.@)
 */
BOOL WINAPI TerminateProcess(HANDLE process, UINT code)
{
    if (!process) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return set_ntstatus(NtTerminateProcess(process, code));
}

/***********************************************************************
 *           SetUnhandledExceptionFilter   (kernelbase.@)
 */
LPTOP_LEVEL_EXCEPTION_FILTER WINAPI SetUnhandledExceptionFilter(LPTOP_LEVEL_EXCEPTION_FILTER filter)
{
    LPTOP_LEVEL_EXCEPTION_FILTER old = __vinho_get_unhandled_filter();
    RtlSetUnhandledExceptionFilter(filter);
    return old;
}

/***********************************************************************
 *           UnhandledExceptionFilter   (kernelbase.@)
 */
LONG WINAPI UnhandledExceptionFilter(EXCEPTION_POINTERS *ptrs)
{
    LPTOP_LEVEL_EXCEPTION_FILTER filter = __vinho_get_unhandled_filter();
    if (filter) {
        LONG ret = filter(ptrs);
        if (ret != EXCEPTION_CONTINUE_SEARCH)
            return ret;
    }
    /* No debugger and no error reporting: the caller's handler ends the process; the report
     * that Windows would leave to WER goes to stderr. */
    __vinho_crash_report(ptrs->ExceptionRecord, ptrs->ContextRecord);
    return EXCEPTION_EXECUTE_HANDLER;
}

/***********************************************************************
 *           RaiseException   (kernelbase.@)
 */
void WINAPI RaiseException(DWORD code, DWORD flags, DWORD count, const ULONG_PTR *args)
{
    EXCEPTION_RECORD rec = { 0 };
    rec.ExceptionCode = code;
    rec.ExceptionFlags = flags & EXCEPTION_NONCONTINUABLE;
    rec.ExceptionAddress = RaiseException;    /* RtlRaiseException sets it to the raise point */
    if (count > EXCEPTION_MAXIMUM_PARAMETERS)
        count = EXCEPTION_MAXIMUM_PARAMETERS;
    rec.NumberParameters = args ? count : 0;
    for (DWORD i = 0; i < rec.NumberParameters; i++)
        rec.ExceptionInformation[i] = args[i];
    RtlRaiseException(&rec);
}

static UINT error_mode;

UINT WINAPI SetErrorMode(UINT mode)
{
    UINT old = error_mode;
    error_mode = mode;
    return old;
}

UINT WINAPI GetErrorMode(void)
{
    return error_mode;
}

/***********************************************************************
 *           GetVersion   (kernelbase.@)
 *
 * Windows 10 build 19045, as a manifest-less program sees it (6.2 without a manifest is the
 * documented compatibility answer of GetVersionEx; vinho reports the real version like Wine).
 */
DWORD WINAPI GetVersion(void)
{
    struct vn_peb *peb = vn_peb();
    return (peb->OSBuildNumber << 16) | (peb->OSMinorVersion << 8) | peb->OSMajorVersion;
}

BOOL WINAPI GetVersionExW(OSVERSIONINFOW *info)
{
    struct vn_peb *peb = vn_peb();
    if (info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOW) &&
        info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOEXW)) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    info->dwMajorVersion = peb->OSMajorVersion;
    info->dwMinorVersion = peb->OSMinorVersion;
    info->dwBuildNumber = peb->OSBuildNumber;
    info->dwPlatformId = peb->OSPlatformId;
    info->szCSDVersion[0] = 0;
    if (info->dwOSVersionInfoSize == sizeof(OSVERSIONINFOEXW)) {
        OSVERSIONINFOEXW *ex = (OSVERSIONINFOEXW *)info;
        ex->wServicePackMajor = ex->wServicePackMinor = 0;
        ex->wSuiteMask = VER_SUITE_SINGLEUSERTS;
        ex->wProductType = VER_NT_WORKSTATION;
        ex->wReserved = 0;
    }
    return TRUE;
}

BOOL WINAPI GetVersionExA(OSVERSIONINFOA *info)
{
    OSVERSIONINFOEXW w;
    if (info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOA) &&
        info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOEXA)) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    w.dwOSVersionInfoSize = sizeof(w);
    GetVersionExW((OSVERSIONINFOW *)&w);
    info->dwMajorVersion = w.dwMajorVersion;
    info->dwMinorVersion = w.dwMinorVersion;
    info->dwBuildNumber = w.dwBuildNumber;
    info->dwPlatformId = w.dwPlatformId;
    info->szCSDVersion[0] = 0;
    if (info->dwOSVersionInfoSize == sizeof(OSVERSIONINFOEXA)) {
        OSVERSIONINFOEXA *ex = (OSVERSIONINFOEXA *)info;
        ex->wServicePackMajor = ex->wServicePackMinor = 0;
        ex->wSuiteMask = w.wSuiteMask;
        ex->wProductType = w.wProductType;
        ex->wReserved = 0;
    }
    return TRUE;
}

/***********************************************************************
 *           GetSystemInfo   (kernelbase.@)
 */
void WINAPI GetSystemInfo(SYSTEM_INFO *info)
{
    DWORD n = vn_peb()->NumberOfProcessors;
    memset(info, 0, sizeof(*info));
    info->wProcessorArchitecture = PROCESSOR_ARCHITECTURE_AMD64;
    info->dwPageSize = 0x1000;
    info->lpMinimumApplicationAddress = (void *)0x10000;
    info->lpMaximumApplicationAddress = (void *)0x7ffffffeffff;
    info->dwActiveProcessorMask = n >= 64 ? ~(DWORD_PTR)0 : ((DWORD_PTR)1 << n) - 1;
    info->dwNumberOfProcessors = n;
    info->dwProcessorType = PROCESSOR_AMD_X8664;
    info->dwAllocationGranularity = 0x10000;
    info->wProcessorLevel = 6;
}

void WINAPI GetNativeSystemInfo(SYSTEM_INFO *info)
{
    GetSystemInfo(info);
}
