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
            vn_teb()->TlsSlots[i] = NULL;   /* XXX: other threads' slots are cleared with threads */
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
    if (!ret)
        SetLastError(ERROR_INVALID_PARAMETER);
    return ret;
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
    if (ms == INFINITE) {
        NtDelayExecution(alertable, NULL);
        return 0;
    }
    timeout.QuadPart = (LONGLONG)ms * -10000;
    NtDelayExecution(alertable, &timeout);
    return 0;
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

/* Object attributes for a Create* call: names need the server, which ntdll reports. */
static OBJECT_ATTRIBUTES *object_attributes(OBJECT_ATTRIBUTES *attr, UNICODE_STRING *us,
                                            SECURITY_ATTRIBUTES *sa, LPCWSTR name)
{
    if (name)
        RtlInitUnicodeString(us, name);
    InitializeObjectAttributes(attr, name ? us : NULL, (sa && sa->bInheritHandle) ? OBJ_INHERIT : 0,
                               NULL, sa ? sa->lpSecurityDescriptor : NULL);
    return attr;
}

static HANDLE handle_or_null(NTSTATUS status, HANDLE handle)
{
    if (status) {
        set_ntstatus(status);
        return NULL;
    }
    SetLastError(ERROR_SUCCESS);
    return handle;
}

HANDLE WINAPI CreateEventExW(SECURITY_ATTRIBUTES *sa, LPCWSTR name, DWORD flags, DWORD access)
{
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING us;
    HANDLE h = NULL;
    NTSTATUS status = NtCreateEvent(&h, access, object_attributes(&attr, &us, sa, name),
                                    (flags & CREATE_EVENT_MANUAL_RESET) ? 0 : 1,
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
    UNICODE_STRING us;
    HANDLE h = NULL;
    NTSTATUS status = NtCreateSemaphore(&h, access, object_attributes(&attr, &us, sa, name), initial, max);
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
    UNICODE_STRING us;
    HANDLE h = NULL;
    NTSTATUS status = NtCreateMutant(&h, access, object_attributes(&attr, &us, sa, name),
                                     (flags & CREATE_MUTEX_INITIAL_OWNER) != 0);
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
