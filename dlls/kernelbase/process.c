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

NTSTATUS NTAPI RtlVerifyVersionInfo(const RTL_OSVERSIONINFOEXW *want, ULONG type_mask,
                                    ULONGLONG condition_mask);

/***********************************************************************
 *           VerifyVersionInfoW   (kernelbase.@)
 *
 * ntdll's RtlVerifyVersionInfo. A system that does not meet the test fails with
 * ERROR_OLD_WIN_VERSION, as Microsoft documents for VerifyVersionInfo (kernelbase turns
 * STATUS_REVISION_MISMATCH into it; the status table alone would give ERROR_REVISION_MISMATCH),
 * and an empty type mask with ERROR_BAD_ARGUMENTS (Windows' answer, which Wine reproduces).
 * Known gap: Windows tests a program without a compatibility manifest against 6.2; vinho, as its
 * GetVersionEx does, tests the real version (10.0.19045).
 */
BOOL WINAPI VerifyVersionInfoW(OSVERSIONINFOEXW *info, DWORD type_mask, DWORDLONG condition_mask)
{
    NTSTATUS status = RtlVerifyVersionInfo((RTL_OSVERSIONINFOEXW *)info, type_mask, condition_mask);
    if (!type_mask) {
        SetLastError(ERROR_BAD_ARGUMENTS);
        return FALSE;
    }
    if (status == STATUS_REVISION_MISMATCH) {
        SetLastError(ERROR_OLD_WIN_VERSION);
        return FALSE;
    }
    return set_ntstatus(status);
}

/***********************************************************************
 *           VerifyVersionInfoA   (kernelbase.@)
 *
 * The A structure differs only in szCSDVersion, which the test never reads.
 */
BOOL WINAPI VerifyVersionInfoA(OSVERSIONINFOEXA *info, DWORD type_mask, DWORDLONG condition_mask)
{
    OSVERSIONINFOEXW w = { .dwOSVersionInfoSize = sizeof(w) };
    if (!info) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    w.dwMajorVersion = info->dwMajorVersion;
    w.dwMinorVersion = info->dwMinorVersion;
    w.dwBuildNumber = info->dwBuildNumber;
    w.dwPlatformId = info->dwPlatformId;
    w.wServicePackMajor = info->wServicePackMajor;
    w.wServicePackMinor = info->wServicePackMinor;
    w.wSuiteMask = info->wSuiteMask;
    w.wProductType = info->wProductType;
    return VerifyVersionInfoW(&w, type_mask, condition_mask);
}

/* The thread's error mode lives where Windows keeps it, the TEB's HardErrorMode (x64 offset
 * 0x16B0), so that it is per thread and starts at 0 in each new thread. */
#define TEB_HARD_ERROR_MODE 0x16B0
#define THREAD_ERROR_MODES (SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX)

static ULONG *thread_error_mode(void)
{
    return (ULONG *)((char *)vn_teb() + TEB_HARD_ERROR_MODE);
}

/***********************************************************************
 *           GetThreadErrorMode   (kernelbase.@)
 */
DWORD WINAPI GetThreadErrorMode(void)
{
    return *thread_error_mode();
}

/***********************************************************************
 *           SetThreadErrorMode   (kernelbase.@)
 *
 * Only the three documented SEM_ flags are accepted (others: ERROR_INVALID_PARAMETER). vinho
 * shows no error boxes, so the mode is only remembered.
 */
BOOL WINAPI SetThreadErrorMode(DWORD mode, LPDWORD old)
{
    if (mode & ~THREAD_ERROR_MODES) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (old)
        *old = *thread_error_mode();
    *thread_error_mode() = mode;
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

/* ---- child processes (docs/processes.md) ---------------------------------------------------- */

#include "vinho/child.h"

/* dllrt has no wide string functions; these few are all this file needs. */
static size_t w_len(const WCHAR *s)
{
    const WCHAR *p = s;
    while (*p)
        p++;
    return p - s;
}

static const WCHAR *w_chr(const WCHAR *s, WCHAR c)
{
    for (; *s; s++)
        if (*s == c)
            return s;
    return NULL;
}

static WCHAR *w_rchr(WCHAR *s, WCHAR c)
{
    WCHAR *last = NULL;
    for (; *s; s++)
        if (*s == c)
            last = s;
    return last;
}

static WCHAR *kb_concat(const WCHAR *a, size_t alen, const WCHAR *b, const WCHAR *c)
{
    size_t blen = b ? w_len(b) : 0, clen = c ? w_len(c) : 0;
    WCHAR *s = HeapAlloc(GetProcessHeap(), 0, (alen + blen + clen + 2) * sizeof(WCHAR));
    if (!s)
        return NULL;
    memcpy(s, a, alen * sizeof(WCHAR));
    if (b) {
        if (alen && s[alen - 1] != '\\' && s[alen - 1] != '/')
            s[alen++] = '\\';
        memcpy(s + alen, b, blen * sizeof(WCHAR));
    }
    if (c)
        memcpy(s + alen + blen, c, clen * sizeof(WCHAR));
    s[alen + blen + clen] = 0;
    return s;
}

/* Whether dos_path names an existing file (not a folder); its NT path in *nt when it does. */
static NTSTATUS probe_file(const WCHAR *dos_path, UNICODE_STRING *nt)
{
    FILE_BASIC_INFORMATION info;
    OBJECT_ATTRIBUTES attr;
    NTSTATUS status;

    if ((status = RtlDosPathNameToNtPathName_U_WithStatus(dos_path, nt, NULL, NULL)))
        return status;
    InitializeObjectAttributes(&attr, nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtQueryAttributesFile(&attr, &info);
    if (!status && (info.FileAttributes & FILE_ATTRIBUTE_DIRECTORY))
        status = STATUS_OBJECT_NAME_NOT_FOUND;
    if (status)
        RtlFreeHeap(GetProcessHeap(), 0, nt->Buffer);
    return status;
}

/* dir\name with ".exe" when the name has no extension (then, for Linux programs, as it is). */
static NTSTATUS probe_name(const WCHAR *dir, size_t dir_len, const WCHAR *name, UNICODE_STRING *nt)
{
    const WCHAR *base = name, *p;
    NTSTATUS status, first = STATUS_OBJECT_NAME_NOT_FOUND;
    WCHAR *path;

    for (p = name; *p; p++)
        if (*p == '\\' || *p == '/')
            base = p + 1;
    bool has_ext = w_chr(base, '.') != NULL;
    for (int pass = has_ext ? 1 : 0; pass < 2; pass++) {
        if (!(path = kb_concat(dir, dir_len, dir ? name : NULL, pass ? NULL : L".exe")))
            return STATUS_NO_MEMORY;
        if (!dir) {     /* no folder: the name is the path */
            HeapFree(GetProcessHeap(), 0, path);
            path = kb_concat(name, w_len(name), NULL, pass ? NULL : L".exe");
            if (!path)
                return STATUS_NO_MEMORY;
        }
        status = probe_file(path, nt);
        HeapFree(GetProcessHeap(), 0, path);
        if (!status)
            return STATUS_SUCCESS;
        if (pass == (has_ext ? 1 : 0))
            first = status;
    }
    return first;
}

/* The search order of CreateProcess for a bare name: the program's folder, the current folder,
 * the system folders, then PATH. */
static NTSTATUS search_program(const WCHAR *name, UNICODE_STRING *nt)
{
    WCHAR dir[MAX_PATH * 2], *path = NULL, *slash;
    const WCHAR *p, *end;
    DWORD len;

    if (w_chr(name, '\\') || w_chr(name, '/') || w_chr(name, ':'))
        return probe_name(NULL, 0, name, nt);
    if ((len = GetModuleFileNameW(NULL, dir, MAX_PATH * 2)) && (slash = w_rchr(dir, '\\')) &&
        !probe_name(dir, slash - dir, name, nt))
        return STATUS_SUCCESS;
    if ((len = RtlGetCurrentDirectory_U(sizeof(dir), dir)) && !probe_name(dir, w_len(dir), name, nt))
        return STATUS_SUCCESS;
    if (!probe_name(L"C:\\windows\\system32", 19, name, nt) || !probe_name(L"C:\\windows", 10, name, nt))
        return STATUS_SUCCESS;
    if ((len = GetEnvironmentVariableW(L"PATH", NULL, 0)) &&
        (path = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR))) &&
        GetEnvironmentVariableW(L"PATH", path, len)) {
        for (p = path; *p; p = *end ? end + 1 : end) {
            if (!(end = w_chr(p, ';')))
                end = p + w_len(p);
            if (end > p && !probe_name(p, end - p, name, nt)) {
                HeapFree(GetProcessHeap(), 0, path);
                return STATUS_SUCCESS;
            }
        }
    }
    HeapFree(GetProcessHeap(), 0, path);
    return STATUS_OBJECT_NAME_NOT_FOUND;
}

/* The program of a command line with no application name: a quoted first token, else the
 * first token; an unquoted name with spaces is tried at each space, shortest first, as
 * CreateProcess documents ("c:\program files\sub dir\program name"). */
static NTSTATUS program_of_command_line(const WCHAR *cmd, UNICODE_STRING *nt)
{
    size_t len = w_len(cmd);
    WCHAR *name = HeapAlloc(GetProcessHeap(), 0, (len + 1) * sizeof(WCHAR));
    NTSTATUS status = STATUS_OBJECT_NAME_NOT_FOUND;
    const WCHAR *p;

    if (!name)
        return STATUS_NO_MEMORY;
    while (*cmd == ' ' || *cmd == '\t')
        cmd++;
    if (*cmd == '"') {
        for (p = ++cmd; *p && *p != '"'; p++)
            ;
        memcpy(name, cmd, (p - cmd) * sizeof(WCHAR));
        name[p - cmd] = 0;
        status = search_program(name, nt);
    } else {
        for (p = cmd;; p++) {
            if (*p && *p != ' ' && *p != '\t')
                continue;
            memcpy(name, cmd, (p - cmd) * sizeof(WCHAR));
            name[p - cmd] = 0;
            if (p > cmd && !(status = search_program(name, nt)))
                break;
            if (!*p)
                break;
        }
    }
    HeapFree(GetProcessHeap(), 0, name);
    /* A program searched for from the command line is "not found" even when its folder is
     * missing (ERROR_FILE_NOT_FOUND, as Wine answers; an application name keeps the path error). */
    return status == STATUS_OBJECT_PATH_NOT_FOUND ? STATUS_OBJECT_NAME_NOT_FOUND : status;
}

/* An ANSI environment block as UTF-16. */
static WCHAR *env_AtoW(const char *env, SIZE_T *size)
{
    const char *p = env;
    WCHAR *w;
    int n;
    while (*p)
        p += strlen(p) + 1;
    n = MultiByteToWideChar(CP_ACP, 0, env, p - env + 1, NULL, 0);
    if (!(w = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR))))
        return NULL;
    MultiByteToWideChar(CP_ACP, 0, env, p - env + 1, w, n);
    *size = n * sizeof(WCHAR);
    return w;
}

static SIZE_T env_size_W(const WCHAR *env)
{
    const WCHAR *p = env;
    while (*p)
        p += w_len(p) + 1;
    return (p - env + 1) * sizeof(WCHAR);
}

static void set_vn_ustr(struct vn_ustr *u, const WCHAR *s)
{
    size_t len = s ? w_len(s) : 0;
    u->Buffer = (uint16_t *)s;
    u->Length = len * sizeof(WCHAR);
    u->MaximumLength = u->Length;
}

#define KNOWN_CREATION_FLAGS (0x0001 | 0x0002 | 0x0004 | 0x0008 | 0x0010 | 0x0020 | 0x0040 | \
    0x0080 | 0x0100 | 0x0200 | 0x0400 | 0x0800 | 0x1000 | 0x4000 | 0x8000 | 0x10000 | 0x40000 | \
    0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x1000000 | 0x2000000 | 0x4000000 | 0x8000000)

/* The folder the child starts in: the given one (which must exist), else ours. */
static WCHAR *child_folder(const WCHAR *dir)
{
    WCHAR *full;
    DWORD len, attr;
    if (!dir) {
        len = RtlGetCurrentDirectory_U(0, NULL);
        if ((full = HeapAlloc(GetProcessHeap(), 0, len + sizeof(WCHAR))))
            RtlGetCurrentDirectory_U(len + sizeof(WCHAR), full);
        return full;
    }
    len = GetFullPathNameW(dir, 0, NULL, NULL);
    if (!len || !(full = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR))))
        return NULL;
    GetFullPathNameW(dir, len, full, NULL);
    attr = GetFileAttributesW(full);
    if (attr == INVALID_FILE_ATTRIBUTES || !(attr & FILE_ATTRIBUTE_DIRECTORY)) {
        HeapFree(GetProcessHeap(), 0, full);
        SetLastError(ERROR_DIRECTORY);
        return NULL;
    }
    return full;
}

/***********************************************************************
 *           CreateProcessW   (kernelbase.@)
 */
BOOL WINAPI CreateProcessW(LPCWSTR app_name, LPWSTR cmd_line, LPSECURITY_ATTRIBUTES process_attr,
                           LPSECURITY_ATTRIBUTES thread_attr, BOOL inherit, DWORD flags, LPVOID env,
                           LPCWSTR cur_dir, LPSTARTUPINFOW startup, LPPROCESS_INFORMATION info)
{
    struct vn_create_process req = { 0 };
    UNICODE_STRING nt = { 0 };
    WCHAR *folder = NULL, *env_copy = NULL;
    HANDLE process = NULL, thread = NULL;
    ULONG pid = 0;
    NTSTATUS status;

    TRACE("%s %s inherit %d flags %#lx\n", debugstr_w(app_name), debugstr_w(cmd_line), inherit, flags);
    if ((!app_name && !cmd_line) || !startup || !info || (flags & ~KNOWN_CREATION_FLAGS)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    status = app_name ? probe_name(NULL, 0, app_name, &nt) : program_of_command_line(cmd_line, &nt);
    if (status) {
        /* a bare missing name: ERROR_FILE_NOT_FOUND; a missing folder: ERROR_PATH_NOT_FOUND */
        return set_ntstatus(status);
    }
    if (!(folder = child_folder(cur_dir)))
        goto fail;
    if (!env) {
        env_copy = GetEnvironmentStringsW();
        req.environment = env_copy;
        req.environment_size = env_copy ? env_size_W(env_copy) : 0;
    } else if (flags & CREATE_UNICODE_ENVIRONMENT) {
        req.environment = env;
        req.environment_size = env_size_W(env);
    } else {
        SIZE_T size = 0;
        req.environment = env_copy = env_AtoW(env, &size);
        req.environment_size = size;
    }
    req.image.Buffer = nt.Buffer;
    req.image.Length = nt.Length;
    req.image.MaximumLength = nt.MaximumLength;
    set_vn_ustr(&req.command_line, cmd_line ? cmd_line : app_name);
    set_vn_ustr(&req.current_dir, folder);
    if (startup->dwFlags & STARTF_USESTDHANDLES) {
        req.std[0] = startup->hStdInput;
        req.std[1] = startup->hStdOutput;
        req.std[2] = startup->hStdError;
    } else {
        req.std[0] = GetStdHandle(STD_INPUT_HANDLE);
        req.std[1] = GetStdHandle(STD_OUTPUT_HANDLE);
        req.std[2] = GetStdHandle(STD_ERROR_HANDLE);
    }
    req.creation_flags = flags;
    req.inherit_handles = !!inherit;
    status = __vinho_create_process(&req, &process, &thread, &pid);
    if (!status) {
        info->hProcess = process;
        info->hThread = thread;
        info->dwProcessId = pid;
        info->dwThreadId = pid;     /* a Linux process's first thread has the process's id */
    }
    HeapFree(GetProcessHeap(), 0, env_copy);
    HeapFree(GetProcessHeap(), 0, folder);
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    return set_ntstatus(status);
fail:
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    return FALSE;
}

/***********************************************************************
 *           CreateProcessA   (kernelbase.@)
 */
BOOL WINAPI CreateProcessA(LPCSTR app_name, LPSTR cmd_line, LPSECURITY_ATTRIBUTES process_attr,
                           LPSECURITY_ATTRIBUTES thread_attr, BOOL inherit, DWORD flags, LPVOID env,
                           LPCSTR cur_dir, LPSTARTUPINFOA startup, LPPROCESS_INFORMATION info)
{
    WCHAR *app = NULL, *cmd = NULL, *dir = NULL;
    STARTUPINFOW w;
    BOOL ret = FALSE;

    if (!startup) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if ((app_name && !(app = kb_strdup_AtoW(app_name))) || (cmd_line && !(cmd = kb_strdup_AtoW(cmd_line))) ||
        (cur_dir && !(dir = kb_strdup_AtoW(cur_dir))))
        goto out;
    memset(&w, 0, sizeof(w));
    w.cb = sizeof(w);
    w.dwFlags = startup->dwFlags;
    w.wShowWindow = startup->wShowWindow;
    w.hStdInput = startup->hStdInput;
    w.hStdOutput = startup->hStdOutput;
    w.hStdError = startup->hStdError;
    ret = CreateProcessW(app, cmd, process_attr, thread_attr, inherit, flags, env, dir, &w, info);
out:
    HeapFree(GetProcessHeap(), 0, app);
    HeapFree(GetProcessHeap(), 0, cmd);
    HeapFree(GetProcessHeap(), 0, dir);
    return ret;
}

static NTSTATUS basic_info(HANDLE process, PROCESS_BASIC_INFORMATION *pbi)
{
    return NtQueryInformationProcess(process, ProcessBasicInformation, pbi, sizeof(*pbi), NULL);
}

/***********************************************************************
 *           GetExitCodeProcess   (kernelbase.@)
 */
BOOL WINAPI GetExitCodeProcess(HANDLE process, LPDWORD code)
{
    PROCESS_BASIC_INFORMATION pbi;
    NTSTATUS status = basic_info(process, &pbi);
    if (!status && code)
        *code = pbi.ExitStatus;
    return set_ntstatus(status);
}

/***********************************************************************
 *           GetProcessId   (kernelbase.@)
 */
DWORD WINAPI GetProcessId(HANDLE process)
{
    PROCESS_BASIC_INFORMATION pbi;
    if (!set_ntstatus(basic_info(process, &pbi)))
        return 0;
    return (DWORD)pbi.UniqueProcessId;
}

/***********************************************************************
 *           OpenProcess   (kernelbase.@)
 */
HANDLE WINAPI OpenProcess(DWORD access, BOOL inherit, DWORD pid)
{
    OBJECT_ATTRIBUTES attr;
    CLIENT_ID id = { (HANDLE)(ULONG_PTR)pid, NULL };
    HANDLE handle = NULL;
    InitializeObjectAttributes(&attr, NULL, inherit ? OBJ_INHERIT : 0, NULL, NULL);
    if (!set_ntstatus(NtOpenProcess(&handle, access, &attr, &id)))
        return NULL;
    return handle;
}

/***********************************************************************
 *           GetProcessTimes   (kernelbase.@)
 */
BOOL WINAPI GetProcessTimes(HANDLE process, FILETIME *create, FILETIME *exit, FILETIME *kernel,
                            FILETIME *user)
{
    LARGE_INTEGER t[4];     /* KERNEL_USER_TIMES: create, exit, kernel, user */
    NTSTATUS status = NtQueryInformationProcess(process, 4 /* ProcessTimes */, t, sizeof(t), NULL);
    if (status)
        return set_ntstatus(status);
    FILETIME *out[4] = { create, exit, kernel, user };
    for (int i = 0; i < 4; i++)
        if (out[i]) {
            out[i]->dwLowDateTime = t[i].u.LowPart;
            out[i]->dwHighDateTime = t[i].u.HighPart;
        }
    return TRUE;
}

/***********************************************************************
 *           SetHandleInformation   (kernelbase.@)
 */
BOOL WINAPI SetHandleInformation(HANDLE handle, DWORD mask, DWORD flags)
{
    BOOLEAN info[2];    /* OBJECT_HANDLE_FLAG_INFORMATION: inherit, protect from close */
    NTSTATUS status = NtQueryObject(handle, 4, info, sizeof(info), NULL);
    if (status)
        return set_ntstatus(status);
    if (mask & HANDLE_FLAG_INHERIT)
        info[0] = !!(flags & HANDLE_FLAG_INHERIT);
    if (mask & HANDLE_FLAG_PROTECT_FROM_CLOSE)
        info[1] = !!(flags & HANDLE_FLAG_PROTECT_FROM_CLOSE);
    return set_ntstatus(NtSetInformationObject(handle, 4, info, sizeof(info)));
}

/***********************************************************************
 *           GetHandleInformation   (kernelbase.@)
 */
BOOL WINAPI GetHandleInformation(HANDLE handle, LPDWORD flags)
{
    BOOLEAN info[2];
    NTSTATUS status = NtQueryObject(handle, 4, info, sizeof(info), NULL);
    if (!status && flags)
        *flags = (info[0] ? HANDLE_FLAG_INHERIT : 0) | (info[1] ? HANDLE_FLAG_PROTECT_FROM_CLOSE : 0);
    return set_ntstatus(status);
}
