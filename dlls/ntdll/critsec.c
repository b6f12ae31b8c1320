/* critsec.c: critical sections. LockCount follows Windows' encoding (-1: free). Waiting spins and
 * yields; blocking waits on a keyed event come with the threads and synchronisation work. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(sync);

static inline HANDLE current_tid(void)
{
    return vn_teb()->ClientIdThread;
}

/***********************************************************************
 *           RtlInitializeCriticalSectionEx   (NTDLL.@)
 */
NTSTATUS NTAPI RtlInitializeCriticalSectionEx(RTL_CRITICAL_SECTION *cs, ULONG spin, ULONG flags)
{
    cs->DebugInfo = NULL;   /* XXX: no debug info yet; programs that read it get NULL, as with */
    cs->LockCount = -1;     /* RTL_CRITICAL_SECTION_FLAG_NO_DEBUG_INFO on Windows */
    cs->RecursionCount = 0;
    cs->OwningThread = NULL;
    cs->LockSemaphore = NULL;
    cs->SpinCount = spin & 0x00ffffff;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlInitializeCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    return RtlInitializeCriticalSectionEx(cs, 0, 0);
}

NTSTATUS NTAPI RtlInitializeCriticalSectionAndSpinCount(RTL_CRITICAL_SECTION *cs, ULONG spin)
{
    return RtlInitializeCriticalSectionEx(cs, spin, 0);
}

NTSTATUS NTAPI RtlDeleteCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    cs->LockCount = -1;
    cs->RecursionCount = 0;
    cs->OwningThread = NULL;
    return STATUS_SUCCESS;
}

BOOL NTAPI RtlTryEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    HANDLE tid = current_tid();
    LONG expected = -1;
    if (cs->OwningThread == tid) {
        cs->RecursionCount++;
        return TRUE;
    }
    if (!__atomic_compare_exchange_n(&cs->LockCount, &expected, -2, false, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
        return FALSE;
    cs->OwningThread = tid;
    cs->RecursionCount = 1;
    return TRUE;
}

NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    ULONG spins = 0;
    while (!RtlTryEnterCriticalSection(cs)) {
        if (++spins > cs->SpinCount) {
            NtYieldExecution();
            spins = 0;
        }
    }
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    if (cs->OwningThread != current_tid()) {
        WARN("%p is not owned by this thread\n", cs);
        return STATUS_SUCCESS;
    }
    if (--cs->RecursionCount)
        return STATUS_SUCCESS;
    cs->OwningThread = NULL;
    __atomic_store_n(&cs->LockCount, -1, __ATOMIC_RELEASE);
    return STATUS_SUCCESS;
}
