/* critsec.c: critical sections. LockCount counts, from -1 (free), the owner's entries and the
 * threads waiting (the encoding of Windows XP, which programs that peek at it understand); a
 * waiter sleeps on a futex over the LockSemaphore field, which counts the wake-ups posted by
 * RtlLeaveCriticalSection, so that none is lost.
 *
 * While the process has a single thread, entering and leaving use plain loads and stores (as
 * glibc's mutexes do): nothing can interleave with them. The ELF side sets __vinho_multithreaded
 * (never cleared) on that thread before a second thread that runs PE code can exist
 * (NtCreateThreadEx, a console control handler's registration), so a section taken with plain
 * stores is seen whole by the threads that follow. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(sync);

#ifndef RTL_CRITICAL_SECTION_FLAG_NO_DEBUG_INFO
#define RTL_CRITICAL_SECTION_FLAG_NO_DEBUG_INFO 0x01000000
#endif
#define NO_DEBUG_INFO ((RTL_CRITICAL_SECTION_DEBUG *)~(ULONG_PTR)0)

LONG __vinho_multithreaded;

static inline bool single_threaded(void)
{
    return !__atomic_load_n(&__vinho_multithreaded, __ATOMIC_RELAXED);
}

static inline HANDLE current_tid(void)
{
    return vn_teb()->ClientIdThread;
}

static inline LONG *wake_count(RTL_CRITICAL_SECTION *cs)
{
    return (LONG *)&cs->LockSemaphore;
}

static inline bool has_debug_info(RTL_CRITICAL_SECTION *cs)
{
    return cs->DebugInfo && cs->DebugInfo != NO_DEBUG_INFO;
}

/***********************************************************************
 *           RtlInitializeCriticalSectionEx   (NTDLL.@)
 *
 * The debug information (CriticalSection back pointer, EntryCount, ContentionCount) is
 * allocated unless RTL_CRITICAL_SECTION_FLAG_NO_DEBUG_INFO asks otherwise, as Wine does;
 * Windows 8 and later leave (void *)-1 unless asked to force it. Its ProcessLocksList is not
 * linked into a process-wide list.
 */
NTSTATUS NTAPI RtlInitializeCriticalSectionEx(RTL_CRITICAL_SECTION *cs, ULONG spin, ULONG flags)
{
    RTL_CRITICAL_SECTION_DEBUG *debug = NO_DEBUG_INFO;
    if (!(flags & RTL_CRITICAL_SECTION_FLAG_NO_DEBUG_INFO) && process_heap() &&
        (debug = RtlAllocateHeap(process_heap(), HEAP_ZERO_MEMORY, sizeof(*debug)))) {
        debug->CriticalSection = cs;
        debug->ProcessLocksList.Flink = debug->ProcessLocksList.Blink = &debug->ProcessLocksList;
    } else if (!debug) {
        debug = NO_DEBUG_INFO;
    }
    cs->DebugInfo = debug;
    cs->LockCount = -1;
    cs->RecursionCount = 0;
    cs->OwningThread = NULL;
    cs->LockSemaphore = NULL;
    cs->SpinCount = spin & 0x00ffffff;
    if (vn_peb()->NumberOfProcessors <= 1)
        cs->SpinCount = 0;  /* spinning cannot help on one processor */
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

/***********************************************************************
 *           RtlSetCriticalSectionSpinCount   (NTDLL.@)
 */
ULONG NTAPI RtlSetCriticalSectionSpinCount(RTL_CRITICAL_SECTION *cs, ULONG spin)
{
    ULONG old = cs->SpinCount;
    cs->SpinCount = vn_peb()->NumberOfProcessors > 1 ? spin : 0;
    return old;
}

NTSTATUS NTAPI RtlDeleteCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    if (has_debug_info(cs) && process_heap())
        RtlFreeHeap(process_heap(), 0, cs->DebugInfo);
    cs->DebugInfo = NULL;
    cs->LockCount = -1;
    cs->RecursionCount = 0;
    cs->OwningThread = NULL;
    cs->LockSemaphore = NULL;
    return STATUS_SUCCESS;
}

static inline bool try_take(RTL_CRITICAL_SECTION *cs)
{
    LONG expected = -1;
    return __atomic_compare_exchange_n(&cs->LockCount, &expected, 0, false, __ATOMIC_ACQUIRE,
                                       __ATOMIC_RELAXED);
}

BOOL NTAPI RtlTryEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    HANDLE tid = current_tid();
    if (try_take(cs)) {
        cs->OwningThread = tid;
        cs->RecursionCount = 1;
        return TRUE;
    }
    if (cs->OwningThread == tid) {
        __atomic_add_fetch(&cs->LockCount, 1, __ATOMIC_RELAXED);
        cs->RecursionCount++;
        return TRUE;
    }
    return FALSE;
}

/* Sleeps until a wake-up is posted for this section, and takes it. */
static void wait_turn(RTL_CRITICAL_SECTION *cs)
{
    LONG *wake = wake_count(cs), n;
    if (has_debug_info(cs))
        __atomic_add_fetch(&cs->DebugInfo->ContentionCount, 1, __ATOMIC_RELAXED);
    for (;;) {
        n = __atomic_load_n(wake, __ATOMIC_ACQUIRE);
        if (n > 0) {
            if (__atomic_compare_exchange_n(wake, &n, n - 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
                return;
            continue;
        }
        __vinho_futex_wait(wake, 0, NULL);
    }
}

NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    HANDLE tid = current_tid();
    if (single_threaded() && cs->LockCount == -1) {
        cs->LockCount = 0;
        goto taken;
    }
    if (!try_take(cs)) {
        if (cs->OwningThread == tid) {
            __atomic_add_fetch(&cs->LockCount, 1, __ATOMIC_RELAXED);
            cs->RecursionCount++;
            return STATUS_SUCCESS;
        }
        for (ULONG spins = cs->SpinCount; spins; spins--) {
            if (__atomic_load_n(&cs->LockCount, __ATOMIC_RELAXED) == -1 && try_take(cs))
                goto taken;
            __builtin_ia32_pause();
        }
        if (__atomic_add_fetch(&cs->LockCount, 1, __ATOMIC_ACQUIRE) > 0)
            wait_turn(cs);
    }
taken:
    cs->OwningThread = tid;
    cs->RecursionCount = 1;
    if (has_debug_info(cs))
        cs->DebugInfo->EntryCount++;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    if (cs->OwningThread != current_tid()) {
        WARN("%p is not owned by this thread\n", cs);
        return STATUS_SUCCESS;
    }
    if (--cs->RecursionCount) {
        __atomic_sub_fetch(&cs->LockCount, 1, __ATOMIC_RELAXED);
        return STATUS_SUCCESS;
    }
    cs->OwningThread = NULL;
    if (single_threaded() && !cs->LockCount) {    /* no waiter can exist */
        cs->LockCount = -1;
        return STATUS_SUCCESS;
    }
    if (__atomic_sub_fetch(&cs->LockCount, 1, __ATOMIC_RELEASE) >= 0) {
        __atomic_add_fetch(wake_count(cs), 1, __ATOMIC_RELEASE);    /* someone waits: its turn */
        __vinho_futex_wake(wake_count(cs), 1);
    }
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           RtlIsCriticalSectionLockedByThread   (NTDLL.@)
 */
BOOL NTAPI RtlIsCriticalSectionLockedByThread(RTL_CRITICAL_SECTION *cs)
{
    return cs->OwningThread == current_tid() && cs->RecursionCount;
}

BOOL NTAPI RtlIsCriticalSectionLocked(RTL_CRITICAL_SECTION *cs)
{
    return cs->RecursionCount != 0;
}
