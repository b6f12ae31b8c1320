/* sync.c: TLS slots, sleeping, critical-section helpers and interlocked exports. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(sync);

#define TLS_MINIMUM_SLOTS 64
#define TLS_EXPANSION_SLOTS 1024

static volatile LONG tls_lock;
static BYTE tls_expansion_used[TLS_EXPANSION_SLOTS];

static void lock(void)
{
    while (InterlockedExchange(&tls_lock, 1))
        NtYieldExecution();
}

static void unlock(void)
{
    InterlockedExchange(&tls_lock, 0);
}

/***********************************************************************
 *           TlsAlloc   (kernelbase.@)
 *
 * The first 64 slots are tracked in the PEB's TLS bitmap, as on Windows.
 */
DWORD WINAPI TlsAlloc(void)
{
    struct vn_peb *peb = vn_peb();
    DWORD index = TLS_OUT_OF_INDEXES;
    lock();
    for (DWORD i = 0; i < TLS_MINIMUM_SLOTS; i++)
        if (!(peb->TlsBitmapBits[i / 32] & (1u << (i % 32)))) {
            peb->TlsBitmapBits[i / 32] |= 1u << (i % 32);
            vn_teb()->TlsSlots[i] = NULL;   /* other threads' were cleared by TlsFree */
            index = i;
            break;
        }
    for (DWORD i = 0; index == TLS_OUT_OF_INDEXES && i < TLS_EXPANSION_SLOTS; i++)
        if (!tls_expansion_used[i]) {
            tls_expansion_used[i] = 1;
            index = TLS_MINIMUM_SLOTS + i;
            if (vn_teb()->TlsExpansionSlots)
                vn_teb()->TlsExpansionSlots[i] = NULL;
        }
    unlock();
    if (index == TLS_OUT_OF_INDEXES)
        SetLastError(ERROR_NO_MORE_ITEMS);
    return index;
}

BOOL WINAPI TlsFree(DWORD index)
{
    struct vn_peb *peb = vn_peb();
    BOOL ret = FALSE;
    lock();
    if (index < TLS_MINIMUM_SLOTS && (peb->TlsBitmapBits[index / 32] & (1u << (index % 32)))) {
        peb->TlsBitmapBits[index / 32] &= ~(1u << (index % 32));
        ret = TRUE;
    } else if (index >= TLS_MINIMUM_SLOTS && index < TLS_MINIMUM_SLOTS + TLS_EXPANSION_SLOTS &&
               tls_expansion_used[index - TLS_MINIMUM_SLOTS]) {
        tls_expansion_used[index - TLS_MINIMUM_SLOTS] = 0;
        ret = TRUE;
    }
    unlock();
    if (!ret) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    /* Every thread's value goes, so that the next TlsAlloc of this index starts from NULL. */
    NtSetInformationThread(GetCurrentThread(), 10 /* ThreadZeroTlsCell */, &index, sizeof(index));
    return TRUE;
}

LPVOID WINAPI TlsGetValue(DWORD index)
{
    struct vn_teb *teb = vn_teb();
    if (index < TLS_MINIMUM_SLOTS) {
        teb->LastErrorValue = ERROR_SUCCESS;
        return teb->TlsSlots[index];
    }
    if (index >= TLS_MINIMUM_SLOTS + TLS_EXPANSION_SLOTS) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    teb->LastErrorValue = ERROR_SUCCESS;
    return teb->TlsExpansionSlots ? teb->TlsExpansionSlots[index - TLS_MINIMUM_SLOTS] : NULL;
}

BOOL WINAPI TlsSetValue(DWORD index, LPVOID value)
{
    struct vn_teb *teb = vn_teb();
    if (index < TLS_MINIMUM_SLOTS) {
        teb->TlsSlots[index] = value;
        return TRUE;
    }
    if (index >= TLS_MINIMUM_SLOTS + TLS_EXPANSION_SLOTS) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!teb->TlsExpansionSlots &&
        !(teb->TlsExpansionSlots = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                             TLS_EXPANSION_SLOTS * sizeof(void *)))) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    teb->TlsExpansionSlots[index - TLS_MINIMUM_SLOTS] = value;
    return TRUE;
}

/***********************************************************************
 *           SleepEx   (kernelbase.@)
 */
DWORD WINAPI SleepEx(DWORD ms, BOOL alertable)
{
    LARGE_INTEGER timeout;
    NTSTATUS status;
    timeout.QuadPart = (LONGLONG)ms * -10000;
    status = NtDelayExecution(alertable, ms == INFINITE ? NULL : &timeout);
    return status == STATUS_USER_APC ? WAIT_IO_COMPLETION : 0;
}

void WINAPI Sleep(DWORD ms)
{
    SleepEx(ms, FALSE);
}

BOOL WINAPI SwitchToThread(void)
{
    return !NtYieldExecution();
}

BOOL WINAPI InitializeCriticalSectionAndSpinCount(CRITICAL_SECTION *cs, DWORD spin)
{
    RtlInitializeCriticalSectionEx(cs, spin, 0);
    return TRUE;
}

BOOL WINAPI InitializeCriticalSectionEx(CRITICAL_SECTION *cs, DWORD spin, DWORD flags)
{
    NTSTATUS status = RtlInitializeCriticalSectionEx(cs, spin, flags);
    return set_ntstatus(status);
}

/* An object's name in the session's folder of named objects, where Win32 names go ("Global\"
 * and "Local\" prefixes are the namespace's business: ntcalls/object.c). */
struct object_name {
    UNICODE_STRING us;
    WCHAR buffer[MAX_PATH + 32];
};

static const WCHAR session_dir[] = L"\\Sessions\\1\\BaseNamedObjects\\";

/* Object attributes for a Create/Open call; FALSE (error set) for a name too long. */
static BOOL object_attributes(OBJECT_ATTRIBUTES *attr, struct object_name *on, ULONG flags,
                              SECURITY_ATTRIBUTES *sa, LPCWSTR name)
{
    if (name && *name) {
        size_t dir = lstrlenW(session_dir), len = lstrlenW(name);
        if (len > MAX_PATH) {
            SetLastError(ERROR_FILENAME_EXCED_RANGE);
            return FALSE;
        }
        memcpy(on->buffer, session_dir, dir * sizeof(WCHAR));
        memcpy(on->buffer + dir, name, (len + 1) * sizeof(WCHAR));
        RtlInitUnicodeString(&on->us, on->buffer);
    }
    InitializeObjectAttributes(attr, name && *name ? &on->us : NULL,
                               flags | ((sa && sa->bInheritHandle) ? OBJ_INHERIT : 0),
                               NULL, sa ? sa->lpSecurityDescriptor : NULL);
    return TRUE;
}

/* A Create call's result: the handle, with ERROR_ALREADY_EXISTS when the name was taken. */
static HANDLE handle_or_null(NTSTATUS status, HANDLE handle)
{
    if (status == STATUS_OBJECT_NAME_EXISTS) {
        SetLastError(ERROR_ALREADY_EXISTS);
        return handle;
    }
    if (status) {
        set_ntstatus(status);
        return NULL;
    }
    SetLastError(ERROR_SUCCESS);
    return handle;
}

typedef NTSTATUS (NTAPI *open_fn)(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);

/* OpenEventW and its kin; a NULL name fails with ERROR_INVALID_PARAMETER, as on Windows. */
static HANDLE open_object(open_fn open, DWORD access, BOOL inherit, LPCWSTR name)
{
    OBJECT_ATTRIBUTES attr;
    struct object_name on;
    HANDLE h = NULL;
    if (!name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!object_attributes(&attr, &on, inherit ? OBJ_INHERIT : 0, NULL, name))
        return NULL;
    if (!set_ntstatus(open(&h, access, &attr)))
        return NULL;
    return h;
}

static HANDLE open_object_A(open_fn open, DWORD access, BOOL inherit, LPCSTR name)
{
    WCHAR *w = NULL;
    HANDLE h;
    if (name && !(w = kb_strdup_AtoW(name)))
        return NULL;
    h = open_object(open, access, inherit, w);
    HeapFree(GetProcessHeap(), 0, w);
    return h;
}

HANDLE WINAPI OpenEventW(DWORD access, BOOL inherit, LPCWSTR name) { return open_object(NtOpenEvent, access, inherit, name); }
HANDLE WINAPI OpenEventA(DWORD access, BOOL inherit, LPCSTR name) { return open_object_A(NtOpenEvent, access, inherit, name); }
HANDLE WINAPI OpenMutexW(DWORD access, BOOL inherit, LPCWSTR name) { return open_object(NtOpenMutant, access, inherit, name); }
HANDLE WINAPI OpenMutexA(DWORD access, BOOL inherit, LPCSTR name) { return open_object_A(NtOpenMutant, access, inherit, name); }
HANDLE WINAPI OpenSemaphoreW(DWORD access, BOOL inherit, LPCWSTR name) { return open_object(NtOpenSemaphore, access, inherit, name); }
HANDLE WINAPI OpenSemaphoreA(DWORD access, BOOL inherit, LPCSTR name) { return open_object_A(NtOpenSemaphore, access, inherit, name); }
HANDLE WINAPI OpenWaitableTimerW(DWORD access, BOOL inherit, LPCWSTR name) { return open_object(NtOpenTimer, access, inherit, name); }
HANDLE WINAPI OpenWaitableTimerA(DWORD access, BOOL inherit, LPCSTR name) { return open_object_A(NtOpenTimer, access, inherit, name); }

HANDLE WINAPI CreateEventExW(SECURITY_ATTRIBUTES *sa, LPCWSTR name, DWORD flags, DWORD access)
{
    OBJECT_ATTRIBUTES attr;
    struct object_name on;
    HANDLE h = NULL;
    NTSTATUS status;
    if (!object_attributes(&attr, &on, OBJ_OPENIF, sa, name))
        return NULL;
    status = NtCreateEvent(&h, access, &attr, (flags & CREATE_EVENT_MANUAL_RESET) ? 0 : 1,
                           (flags & CREATE_EVENT_INITIAL_SET) != 0);
    return handle_or_null(status, h);
}

HANDLE WINAPI CreateEventW(SECURITY_ATTRIBUTES *sa, BOOL manual, BOOL initial, LPCWSTR name)
{
    return CreateEventExW(sa, name, (manual ? CREATE_EVENT_MANUAL_RESET : 0) |
                          (initial ? CREATE_EVENT_INITIAL_SET : 0), EVENT_ALL_ACCESS);
}

HANDLE WINAPI CreateEventA(SECURITY_ATTRIBUTES *sa, BOOL manual, BOOL initial, LPCSTR name)
{
    WCHAR *w = NULL;
    HANDLE h;
    if (name && !(w = kb_strdup_AtoW(name)))
        return NULL;
    h = CreateEventW(sa, manual, initial, w);
    HeapFree(GetProcessHeap(), 0, w);
    return h;
}

BOOL WINAPI SetEvent(HANDLE h) { return set_ntstatus(NtSetEvent(h, NULL)); }
BOOL WINAPI ResetEvent(HANDLE h) { return set_ntstatus(NtResetEvent(h, NULL)); }

HANDLE WINAPI CreateSemaphoreExW(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max, LPCWSTR name,
                                 DWORD flags, DWORD access)
{
    OBJECT_ATTRIBUTES attr;
    struct object_name on;
    HANDLE h = NULL;
    NTSTATUS status;
    if (!object_attributes(&attr, &on, OBJ_OPENIF, sa, name))
        return NULL;
    status = NtCreateSemaphore(&h, access, &attr, initial, max);
    return handle_or_null(status, h);
}

HANDLE WINAPI CreateSemaphoreW(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max, LPCWSTR name)
{
    return CreateSemaphoreExW(sa, initial, max, name, 0, SEMAPHORE_ALL_ACCESS);
}

HANDLE WINAPI CreateSemaphoreA(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max, LPCSTR name)
{
    WCHAR *w = NULL;
    HANDLE h;
    if (name && !(w = kb_strdup_AtoW(name)))
        return NULL;
    h = CreateSemaphoreW(sa, initial, max, w);
    HeapFree(GetProcessHeap(), 0, w);
    return h;
}

BOOL WINAPI ReleaseSemaphore(HANDLE h, LONG count, LONG *prev)
{
    return set_ntstatus(NtReleaseSemaphore(h, count, prev));
}

HANDLE WINAPI CreateMutexExW(SECURITY_ATTRIBUTES *sa, LPCWSTR name, DWORD flags, DWORD access)
{
    OBJECT_ATTRIBUTES attr;
    struct object_name on;
    HANDLE h = NULL;
    NTSTATUS status;
    if (!object_attributes(&attr, &on, OBJ_OPENIF, sa, name))
        return NULL;
    status = NtCreateMutant(&h, access, &attr, (flags & CREATE_MUTEX_INITIAL_OWNER) != 0);
    return handle_or_null(status, h);
}

HANDLE WINAPI CreateMutexW(SECURITY_ATTRIBUTES *sa, BOOL owner, LPCWSTR name)
{
    return CreateMutexExW(sa, name, owner ? CREATE_MUTEX_INITIAL_OWNER : 0, MUTEX_ALL_ACCESS);
}

HANDLE WINAPI CreateMutexA(SECURITY_ATTRIBUTES *sa, BOOL owner, LPCSTR name)
{
    WCHAR *w = NULL;
    HANDLE h;
    if (name && !(w = kb_strdup_AtoW(name)))
        return NULL;
    h = CreateMutexW(sa, owner, w);
    HeapFree(GetProcessHeap(), 0, w);
    return h;
}

BOOL WINAPI ReleaseMutex(HANDLE h)
{
    return set_ntstatus(NtReleaseMutant(h, NULL));
}

/***********************************************************************
 *           CreateWaitableTimerExW   (kernelbase.@)
 */
HANDLE WINAPI CreateWaitableTimerExW(SECURITY_ATTRIBUTES *sa, LPCWSTR name, DWORD flags, DWORD access)
{
    OBJECT_ATTRIBUTES attr;
    struct object_name on;
    HANDLE h = NULL;
    NTSTATUS status;
    /* CREATE_WAITABLE_TIMER_HIGH_RESOLUTION (2): all our timers are. */
    if (!object_attributes(&attr, &on, OBJ_OPENIF, sa, name))
        return NULL;
    status = NtCreateTimer(&h, access, &attr, (flags & CREATE_WAITABLE_TIMER_MANUAL_RESET) ? 0 : 1);
    return handle_or_null(status, h);
}

HANDLE WINAPI CreateWaitableTimerW(SECURITY_ATTRIBUTES *sa, BOOL manual, LPCWSTR name)
{
    return CreateWaitableTimerExW(sa, name, manual ? CREATE_WAITABLE_TIMER_MANUAL_RESET : 0,
                                  TIMER_ALL_ACCESS);
}

HANDLE WINAPI CreateWaitableTimerA(SECURITY_ATTRIBUTES *sa, BOOL manual, LPCSTR name)
{
    WCHAR *w = NULL;
    HANDLE h;
    if (name && !(w = kb_strdup_AtoW(name)))
        return NULL;
    h = CreateWaitableTimerW(sa, manual, w);
    HeapFree(GetProcessHeap(), 0, w);
    return h;
}

HANDLE WINAPI CreateWaitableTimerExA(SECURITY_ATTRIBUTES *sa, LPCSTR name, DWORD flags, DWORD access)
{
    WCHAR *w = NULL;
    HANDLE h;
    if (name && !(w = kb_strdup_AtoW(name)))
        return NULL;
    h = CreateWaitableTimerExW(sa, w, flags, access);
    HeapFree(GetProcessHeap(), 0, w);
    return h;
}

/***********************************************************************
 *           SetWaitableTimerEx   (kernelbase.@)
 *
 * The completion routine runs as an APC on the calling thread when it waits alertably.
 */
BOOL WINAPI SetWaitableTimerEx(HANDLE timer, const LARGE_INTEGER *due, LONG period,
                               PTIMERAPCROUTINE routine, LPVOID arg, PREASON_CONTEXT reason, ULONG delay)
{
    LARGE_INTEGER when;
    if (!due) {
        SetLastError(ERROR_NOACCESS);
        return FALSE;
    }
    when = *due;
    return set_ntstatus(NtSetTimer(timer, &when, routine, arg, FALSE, period, NULL));
}

BOOL WINAPI SetWaitableTimer(HANDLE timer, const LARGE_INTEGER *due, LONG period,
                             PTIMERAPCROUTINE routine, LPVOID arg, BOOL resume)
{
    LARGE_INTEGER when;
    if (!due) {
        SetLastError(ERROR_NOACCESS);
        return FALSE;
    }
    when = *due;
    return set_ntstatus(NtSetTimer(timer, &when, routine, arg, resume, period, NULL));
}

BOOL WINAPI CancelWaitableTimer(HANDLE timer)
{
    return set_ntstatus(NtCancelTimer(timer, NULL));
}

static LARGE_INTEGER *nt_timeout(DWORD ms, LARGE_INTEGER *t)
{
    if (ms == INFINITE)
        return NULL;
    t->QuadPart = (LONGLONG)ms * -10000;
    return t;
}

DWORD WINAPI WaitForMultipleObjectsEx(DWORD count, const HANDLE *handles, BOOL all, DWORD ms, BOOL alertable)
{
    LARGE_INTEGER t;
    NTSTATUS status;
    if (count > MAXIMUM_WAIT_OBJECTS || !count) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    status = NtWaitForMultipleObjects(count, handles, all ? 0 : 1, alertable, nt_timeout(ms, &t));
    if (NT_ERROR(status)) {
        set_ntstatus(status);
        return WAIT_FAILED;
    }
    return status;
}

DWORD WINAPI WaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL all, DWORD ms)
{
    return WaitForMultipleObjectsEx(count, handles, all, ms, FALSE);
}

DWORD WINAPI WaitForSingleObjectEx(HANDLE handle, DWORD ms, BOOL alertable)
{
    return WaitForMultipleObjectsEx(1, &handle, FALSE, ms, alertable);
}

DWORD WINAPI WaitForSingleObject(HANDLE handle, DWORD ms)
{
    return WaitForMultipleObjectsEx(1, &handle, FALSE, ms, FALSE);
}

DWORD WINAPI SignalObjectAndWait(HANDLE signal, HANDLE wait, DWORD ms, BOOL alertable)
{
    LARGE_INTEGER t;
    NTSTATUS status = NtSignalAndWaitForSingleObject(signal, wait, alertable, nt_timeout(ms, &t));
    if (NT_ERROR(status)) {
        set_ntstatus(status);
        return WAIT_FAILED;
    }
    return status;
}

/* ---- the user-mode waits of ntdll ---- */

BOOL WINAPI WaitOnAddress(volatile void *addr, void *cmp, SIZE_T size, DWORD ms)
{
    LARGE_INTEGER t;
    NTSTATUS status = RtlWaitOnAddress((const void *)addr, cmp, size, nt_timeout(ms, &t));
    if (status == STATUS_TIMEOUT) {
        SetLastError(ERROR_TIMEOUT);
        return FALSE;
    }
    return set_ntstatus(status);
}

BOOL WINAPI SleepConditionVariableCS(CONDITION_VARIABLE *cv, CRITICAL_SECTION *cs, DWORD ms)
{
    LARGE_INTEGER t;
    NTSTATUS status = RtlSleepConditionVariableCS(cv, cs, nt_timeout(ms, &t));
    if (status == STATUS_TIMEOUT) {
        SetLastError(ERROR_TIMEOUT);
        return FALSE;
    }
    return set_ntstatus(status);
}

BOOL WINAPI SleepConditionVariableSRW(CONDITION_VARIABLE *cv, SRWLOCK *lock, DWORD ms, ULONG flags)
{
    LARGE_INTEGER t;
    NTSTATUS status = RtlSleepConditionVariableSRW(cv, lock, nt_timeout(ms, &t), flags);
    if (status == STATUS_TIMEOUT) {
        SetLastError(ERROR_TIMEOUT);
        return FALSE;
    }
    return set_ntstatus(status);
}

BOOL WINAPI InitOnceBeginInitialize(INIT_ONCE *once, DWORD flags, BOOL *pending, void **context)
{
    NTSTATUS status = RtlRunOnceBeginInitialize(once, flags, context);
    if (status == STATUS_PENDING || !status) {
        *pending = status == STATUS_PENDING;
        return TRUE;
    }
    return set_ntstatus(status);
}

BOOL WINAPI InitOnceComplete(INIT_ONCE *once, DWORD flags, void *context)
{
    return set_ntstatus(RtlRunOnceComplete(once, flags, context));
}

/***********************************************************************
 *           InitOnceExecuteOnce   (kernelbase.@)
 *
 * FALSE when the callback failed; its error code is the callback's own.
 */
BOOL WINAPI InitOnceExecuteOnce(INIT_ONCE *once, PINIT_ONCE_FN func, void *param, void **context)
{
    return !RtlRunOnceExecuteOnce(once, (PRTL_RUN_ONCE_INIT_FN)func, param, context);
}
