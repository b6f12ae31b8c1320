/* sync.c: the user-mode waits: WaitOnAddress, SRW locks, condition variables and run-once
 * (InitOnce), all over one primitive: RtlWaitOnAddress, a futex per hash bucket of addresses. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(sync);

/* Addresses hash to buckets; a bucket's sequence word changes at every wake of one of its
 * addresses, and waiters sleep on it. Addresses that share a bucket all wake (the documentation
 * allows WaitOnAddress to return spuriously), which is what keeps WakeByAddressSingle from
 * waking a waiter of another address in place of the right one. */
#define BUCKETS 512
struct bucket {
    LONG seq;
    LONG waiters;
    char pad[56];       /* one cache line each */
};
static struct bucket buckets[BUCKETS];

static struct bucket *bucket_of(const void *addr)
{
    ULONG_PTR a = (ULONG_PTR)addr;
    return &buckets[((a >> 3) * 0x9E3779B97F4A7C15ull) >> 55];
}

static bool same_value(const volatile void *addr, const void *cmp, SIZE_T size)
{
    switch (size) {
    case 1: return *(const volatile BYTE *)addr == *(const BYTE *)cmp;
    case 2: return *(const volatile WORD *)addr == *(const WORD *)cmp;
    case 4: return *(const volatile DWORD *)addr == *(const DWORD *)cmp;
    default: return *(const volatile ULONG64 *)addr == *(const ULONG64 *)cmp;
    }
}

/***********************************************************************
 *           RtlWaitOnAddress   (NTDLL.@)
 *
 * STATUS_SUCCESS when woken (or the value already differs), STATUS_TIMEOUT.
 */
NTSTATUS NTAPI RtlWaitOnAddress(const void *addr, const void *cmp, SIZE_T size, const LARGE_INTEGER *timeout)
{
    struct bucket *b = bucket_of(addr);
    NTSTATUS status = STATUS_SUCCESS;
    LONG seq;

    if (size != 1 && size != 2 && size != 4 && size != 8)
        return STATUS_INVALID_PARAMETER;
    __atomic_add_fetch(&b->waiters, 1, __ATOMIC_SEQ_CST);
    seq = __atomic_load_n(&b->seq, __ATOMIC_SEQ_CST);
    if (same_value(addr, cmp, size))
        status = __vinho_futex_wait(&b->seq, seq, timeout);
    __atomic_sub_fetch(&b->waiters, 1, __ATOMIC_RELEASE);
    return status;
}

void NTAPI RtlWakeAddressAll(const void *addr)
{
    struct bucket *b = bucket_of(addr);
    __atomic_add_fetch(&b->seq, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&b->waiters, __ATOMIC_SEQ_CST))
        __vinho_futex_wake(&b->seq, 0x7fffffff);
}

void NTAPI RtlWakeAddressSingle(const void *addr)
{
    RtlWakeAddressAll(addr);    /* see above: a bucket may hold other addresses' waiters */
}

/* ---- SRW locks ----
 * The pointer-sized word: bit 0 held exclusively, bit 1 someone sleeps, bits 2 and up: 4 times
 * the count of shared owners. A sleeper sets bit 1 and sleeps while the word is what it saw;
 * a release that finds bit 1 clears it and wakes every sleeper, which look again. */
#define SRW_EXCLUSIVE 1
#define SRW_WAITERS 2
#define SRW_SHARED 4

static inline ULONG_PTR *srw_word(RTL_SRWLOCK *lock)
{
    return (ULONG_PTR *)&lock->Ptr;
}

void NTAPI RtlInitializeSRWLock(RTL_SRWLOCK *lock)
{
    lock->Ptr = NULL;
}

static void srw_sleep(RTL_SRWLOCK *lock, ULONG_PTR seen)
{
    ULONG_PTR want = seen | SRW_WAITERS;
    if (!(seen & SRW_WAITERS) &&
        !__atomic_compare_exchange_n(srw_word(lock), &seen, want, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
        return;     /* it changed: look again */
    RtlWaitOnAddress(srw_word(lock), &want, sizeof(want), NULL);
}

BOOLEAN NTAPI RtlTryAcquireSRWLockExclusive(RTL_SRWLOCK *lock)
{
    ULONG_PTR v = __atomic_load_n(srw_word(lock), __ATOMIC_RELAXED);
    return !(v & ~(ULONG_PTR)SRW_WAITERS) &&
           __atomic_compare_exchange_n(srw_word(lock), &v, v | SRW_EXCLUSIVE, false, __ATOMIC_ACQUIRE,
                                       __ATOMIC_RELAXED);
}

void NTAPI RtlAcquireSRWLockExclusive(RTL_SRWLOCK *lock)
{
    for (int spins = 0;; spins++) {
        ULONG_PTR v = __atomic_load_n(srw_word(lock), __ATOMIC_RELAXED);
        if (!(v & ~(ULONG_PTR)SRW_WAITERS)) {
            if (__atomic_compare_exchange_n(srw_word(lock), &v, v | SRW_EXCLUSIVE, false,
                                            __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
                return;
        } else if (spins < 64) {
            __builtin_ia32_pause();
        } else {
            srw_sleep(lock, v);
        }
    }
}

BOOLEAN NTAPI RtlTryAcquireSRWLockShared(RTL_SRWLOCK *lock)
{
    ULONG_PTR v = __atomic_load_n(srw_word(lock), __ATOMIC_RELAXED);
    while (!(v & SRW_EXCLUSIVE))
        if (__atomic_compare_exchange_n(srw_word(lock), &v, v + SRW_SHARED, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED))
            return TRUE;
    return FALSE;
}

void NTAPI RtlAcquireSRWLockShared(RTL_SRWLOCK *lock)
{
    for (int spins = 0;; spins++) {
        ULONG_PTR v = __atomic_load_n(srw_word(lock), __ATOMIC_RELAXED);
        if (!(v & SRW_EXCLUSIVE)) {
            if (__atomic_compare_exchange_n(srw_word(lock), &v, v + SRW_SHARED, false,
                                            __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
                return;
        } else if (spins < 64) {
            __builtin_ia32_pause();
        } else {
            srw_sleep(lock, v);
        }
    }
}

static void srw_wake(RTL_SRWLOCK *lock)
{
    ULONG_PTR v = SRW_WAITERS;
    /* Only a free word with sleepers is cleared: a new owner keeps bit 1 and wakes at release. */
    if (__atomic_compare_exchange_n(srw_word(lock), &v, 0, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
        RtlWakeAddressAll(srw_word(lock));
}

void NTAPI RtlReleaseSRWLockExclusive(RTL_SRWLOCK *lock)
{
    ULONG_PTR v = __atomic_and_fetch(srw_word(lock), ~(ULONG_PTR)SRW_EXCLUSIVE, __ATOMIC_RELEASE);
    if (v == SRW_WAITERS)
        srw_wake(lock);
}

void NTAPI RtlReleaseSRWLockShared(RTL_SRWLOCK *lock)
{
    ULONG_PTR v = __atomic_sub_fetch(srw_word(lock), SRW_SHARED, __ATOMIC_RELEASE);
    if (v == SRW_WAITERS)
        srw_wake(lock);
}

/* ---- condition variables: the word is a sequence number, bumped at every wake ---- */

void NTAPI RtlInitializeConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    cv->Ptr = NULL;
}

void NTAPI RtlWakeConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    __atomic_add_fetch((ULONG_PTR *)&cv->Ptr, 1, __ATOMIC_SEQ_CST);
    RtlWakeAddressSingle(&cv->Ptr);
}

void NTAPI RtlWakeAllConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    __atomic_add_fetch((ULONG_PTR *)&cv->Ptr, 1, __ATOMIC_SEQ_CST);
    RtlWakeAddressAll(&cv->Ptr);
}

NTSTATUS NTAPI RtlSleepConditionVariableCS(RTL_CONDITION_VARIABLE *cv, RTL_CRITICAL_SECTION *cs,
                                           const LARGE_INTEGER *timeout)
{
    ULONG_PTR seq = __atomic_load_n((ULONG_PTR *)&cv->Ptr, __ATOMIC_SEQ_CST);
    NTSTATUS status;
    RtlLeaveCriticalSection(cs);
    status = RtlWaitOnAddress(&cv->Ptr, &seq, sizeof(seq), timeout);
    RtlEnterCriticalSection(cs);
    return status;
}

NTSTATUS NTAPI RtlSleepConditionVariableSRW(RTL_CONDITION_VARIABLE *cv, RTL_SRWLOCK *lock,
                                            const LARGE_INTEGER *timeout, ULONG flags)
{
    ULONG_PTR seq = __atomic_load_n((ULONG_PTR *)&cv->Ptr, __ATOMIC_SEQ_CST);
    bool shared = flags & CONDITION_VARIABLE_LOCKMODE_SHARED;
    NTSTATUS status;
    if (shared)
        RtlReleaseSRWLockShared(lock);
    else
        RtlReleaseSRWLockExclusive(lock);
    status = RtlWaitOnAddress(&cv->Ptr, &seq, sizeof(seq), timeout);
    if (shared)
        RtlAcquireSRWLockShared(lock);
    else
        RtlAcquireSRWLockExclusive(lock);
    return status;
}

/* ---- run once (InitOnce): the low 2 bits of the word are the state, the rest the context ---- */
#define ONCE_NONE 0
#define ONCE_SYNC 1         /* one thread initialises; the others wait */
#define ONCE_DONE 2
#define ONCE_ASYNC 3        /* any number initialise; the first to complete wins */

void NTAPI RtlRunOnceInitialize(RTL_RUN_ONCE *once)
{
    once->Ptr = NULL;
}

/***********************************************************************
 *           RtlRunOnceBeginInitialize   (NTDLL.@)
 *
 * STATUS_SUCCESS: done (context returned); STATUS_PENDING: the caller initialises;
 * STATUS_UNSUCCESSFUL: RTL_RUN_ONCE_CHECK_ONLY and not done.
 */
NTSTATUS NTAPI RtlRunOnceBeginInitialize(RTL_RUN_ONCE *once, ULONG flags, void **context)
{
    ULONG_PTR *word = (ULONG_PTR *)&once->Ptr;
    if (flags & ~(RTL_RUN_ONCE_CHECK_ONLY | RTL_RUN_ONCE_ASYNC))
        return STATUS_INVALID_PARAMETER;
    if ((flags & RTL_RUN_ONCE_CHECK_ONLY) && (flags & RTL_RUN_ONCE_ASYNC))
        return STATUS_INVALID_PARAMETER;
    for (;;) {
        ULONG_PTR v = __atomic_load_n(word, __ATOMIC_ACQUIRE);
        switch (v & 3) {
        case ONCE_DONE:
            if (context)
                *context = (void *)(v & ~(ULONG_PTR)3);
            return STATUS_SUCCESS;
        case ONCE_NONE:
            if (flags & RTL_RUN_ONCE_CHECK_ONLY)
                return STATUS_UNSUCCESSFUL;
            if (__atomic_compare_exchange_n(word, &v, (flags & RTL_RUN_ONCE_ASYNC) ? ONCE_ASYNC : ONCE_SYNC,
                                            false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
                return STATUS_PENDING;
            break;
        case ONCE_SYNC:
            if (flags & RTL_RUN_ONCE_CHECK_ONLY)
                return STATUS_UNSUCCESSFUL;
            if (flags & RTL_RUN_ONCE_ASYNC)
                return STATUS_INVALID_PARAMETER;
            RtlWaitOnAddress(word, &v, sizeof(v), NULL);
            break;
        case ONCE_ASYNC:
            if (flags & RTL_RUN_ONCE_CHECK_ONLY)
                return STATUS_UNSUCCESSFUL;
            if (!(flags & RTL_RUN_ONCE_ASYNC))
                return STATUS_INVALID_PARAMETER;
            return STATUS_PENDING;
        }
    }
}

/***********************************************************************
 *           RtlRunOnceComplete   (NTDLL.@)
 */
NTSTATUS NTAPI RtlRunOnceComplete(RTL_RUN_ONCE *once, ULONG flags, void *context)
{
    ULONG_PTR *word = (ULONG_PTR *)&once->Ptr, v, done;
    bool failed = flags & RTL_RUN_ONCE_INIT_FAILED;
    if (flags & ~(RTL_RUN_ONCE_ASYNC | RTL_RUN_ONCE_INIT_FAILED) || ((ULONG_PTR)context & 3))
        return STATUS_INVALID_PARAMETER;
    if (failed && ((flags & RTL_RUN_ONCE_ASYNC) || context))
        return STATUS_INVALID_PARAMETER;
    done = failed ? ONCE_NONE : (ULONG_PTR)context | ONCE_DONE;
    v = __atomic_load_n(word, __ATOMIC_ACQUIRE);
    if (flags & RTL_RUN_ONCE_ASYNC) {
        if ((v & 3) != ONCE_ASYNC)
            return STATUS_INVALID_PARAMETER;
        if (!__atomic_compare_exchange_n(word, &v, done, false, __ATOMIC_RELEASE, __ATOMIC_ACQUIRE))
            return STATUS_OBJECT_NAME_COLLISION;    /* another thread completed first */
        return STATUS_SUCCESS;
    }
    if ((v & 3) != ONCE_SYNC)
        return STATUS_INVALID_PARAMETER;
    __atomic_store_n(word, done, __ATOMIC_RELEASE);
    RtlWakeAddressAll(word);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           RtlRunOnceExecuteOnce   (NTDLL.@)
 */
NTSTATUS NTAPI RtlRunOnceExecuteOnce(RTL_RUN_ONCE *once, PRTL_RUN_ONCE_INIT_FN func, void *param,
                                     void **context)
{
    void *ctx = NULL;
    NTSTATUS status = RtlRunOnceBeginInitialize(once, 0, context);
    if (status != STATUS_PENDING)
        return status;
    if (!func(once, param, &ctx)) {
        RtlRunOnceComplete(once, RTL_RUN_ONCE_INIT_FAILED, NULL);
        return STATUS_UNSUCCESSFUL;
    }
    if ((status = RtlRunOnceComplete(once, 0, ctx)))
        return status;
    if (context)
        *context = ctx;
    return STATUS_SUCCESS;
}
