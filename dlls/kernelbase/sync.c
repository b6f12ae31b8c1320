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
