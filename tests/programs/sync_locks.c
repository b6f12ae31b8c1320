/* sync_locks: 32 threads contending on a critical section (the exact total), recursion and
 * TryEnterCriticalSection across threads, SRW locks exclusive and shared (readers inside together,
 * writers alone), TryAcquire, condition variable ping-pong with a critical section and with an SRW
 * lock, InitOnce (sync, from many threads at once; async), WaitOnAddress/WakeByAddress. */
#include <windows.h>
#include <stdio.h>

#define THREADS 32
#define ROUNDS 20000

static CRITICAL_SECTION cs;
static volatile LONG counter;
static SRWLOCK srw = SRWLOCK_INIT;
static volatile LONG readers_inside, max_readers, writer_violations;
static LONG plain;

static DWORD WINAPI cs_worker(void *arg)
{
    for (int i = 0; i < ROUNDS; i++) {
        EnterCriticalSection(&cs);
        counter = counter + 1;      /* not atomic: only the lock keeps it exact */
        LeaveCriticalSection(&cs);
    }
    return 0;
}

static DWORD WINAPI try_other(void *arg)
{
    BOOL got = TryEnterCriticalSection(&cs);
    if (got)
        LeaveCriticalSection(&cs);
    return got;
}

static DWORD WINAPI srw_writer(void *arg)
{
    for (int i = 0; i < 5000; i++) {
        AcquireSRWLockExclusive(&srw);
        if (readers_inside)
            InterlockedIncrement(&writer_violations);
        plain = plain + 1;
        ReleaseSRWLockExclusive(&srw);
    }
    return 0;
}

static DWORD WINAPI srw_reader(void *arg)
{
    AcquireSRWLockShared(&srw);
    LONG n = InterlockedIncrement(&readers_inside), seen;
    while ((seen = max_readers) < n && InterlockedCompareExchange(&max_readers, n, seen) != seen)
        ;
    /* With no writer about, all the readers must be able to be inside at once: each stays until
     * the count of readers seen inside together reaches the target (or 2 s pass). */
    for (int i = 0; i < 2000 && max_readers < (LONG)(ULONG_PTR)arg; i++)
        Sleep(1);
    InterlockedDecrement(&readers_inside);
    ReleaseSRWLockShared(&srw);
    return 0;
}

static DWORD WINAPI try_exclusive(void *arg)
{
    BOOLEAN got = TryAcquireSRWLockExclusive(&srw);
    if (got)
        ReleaseSRWLockExclusive(&srw);
    return got;
}

/* ping-pong */
static CONDITION_VARIABLE cv = CONDITION_VARIABLE_INIT;
static int turn, pongs;

static DWORD WINAPI ponger(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        EnterCriticalSection(&cs);
        while (turn != 1)
            SleepConditionVariableCS(&cv, &cs, INFINITE);
        turn = 0;
        pongs++;
        WakeConditionVariable(&cv);
        LeaveCriticalSection(&cs);
    }
    return 0;
}

static DWORD WINAPI srw_ponger(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        AcquireSRWLockExclusive(&srw);
        while (turn != 1)
            SleepConditionVariableSRW(&cv, &srw, INFINITE, 0);
        turn = 0;
        pongs++;
        WakeAllConditionVariable(&cv);
        ReleaseSRWLockExclusive(&srw);
    }
    return 0;
}

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static volatile LONG once_calls;

static BOOL CALLBACK init_fn(INIT_ONCE *o, void *param, void **context)
{
    InterlockedIncrement(&once_calls);
    Sleep(20);
    *context = (void *)0x1230;
    return TRUE;
}

static DWORD WINAPI once_worker(void *arg)
{
    void *ctx = NULL;
    BOOL ok = InitOnceExecuteOnce(&once, init_fn, NULL, &ctx);
    return ok && ctx == (void *)0x1230;
}

static volatile LONG address_value;

static DWORD WINAPI address_waker(void *arg)
{
    Sleep(30);
    address_value = 1;
    WakeByAddressSingle((void *)&address_value);
    return 0;
}

static void run(LPTHREAD_START_ROUTINE fn, int n, DWORD *codes)
{
    HANDLE h[THREADS];
    for (int i = 0; i < n; i++)
        h[i] = CreateThread(NULL, 0, fn, NULL, 0, NULL);
    WaitForMultipleObjects(n, h, TRUE, INFINITE);
    for (int i = 0; i < n; i++) {
        if (codes)
            GetExitCodeThread(h[i], &codes[i]);
        CloseHandle(h[i]);
    }
}

int main(void)
{
    DWORD codes[THREADS];
    int ok;

    InitializeCriticalSectionAndSpinCount(&cs, 100);
    run(cs_worker, THREADS, NULL);
    printf("critical section total: %ld (expected %d)\n", counter, THREADS * ROUNDS);
    printf("debug info: %s\n", cs.DebugInfo == (void *)-1 || (cs.DebugInfo && cs.DebugInfo->CriticalSection == &cs)
           ? "ok" : "wrong");

    EnterCriticalSection(&cs);
    EnterCriticalSection(&cs);
    printf("recursion: %ld, owner is me: %d\n", cs.RecursionCount,
           (DWORD)(ULONG_PTR)cs.OwningThread == GetCurrentThreadId());
    run(try_other, 1, codes);
    printf("TryEnter from another thread while owned: %lu\n", codes[0]);
    LeaveCriticalSection(&cs);
    LeaveCriticalSection(&cs);
    run(try_other, 1, codes);
    printf("TryEnter once free: %lu\n", codes[0]);

    HANDLE h[8];
    for (int i = 0; i < 4; i++)
        h[i] = CreateThread(NULL, 0, srw_writer, NULL, 0, NULL);
    WaitForMultipleObjects(4, h, TRUE, INFINITE);
    printf("srw exclusive total: %ld\n", plain);
    for (int i = 0; i < 4; i++)
        CloseHandle(h[i]);
    for (int i = 0; i < 4; i++)
        h[i] = CreateThread(NULL, 0, srw_reader, (void *)4, 0, NULL);
    WaitForMultipleObjects(4, h, TRUE, INFINITE);
    printf("srw readers together: %ld\n", max_readers);
    for (int i = 0; i < 4; i++)
        CloseHandle(h[i]);
    for (int i = 0; i < 4; i++)
        h[i] = CreateThread(NULL, 0, srw_reader, (void *)2, 0, NULL);
    for (int i = 4; i < 6; i++)
        h[i] = CreateThread(NULL, 0, srw_writer, NULL, 0, NULL);
    WaitForMultipleObjects(6, h, TRUE, INFINITE);
    printf("srw writer saw a reader: %ld, total %ld\n", writer_violations, plain);
    for (int i = 0; i < 6; i++)
        CloseHandle(h[i]);
    AcquireSRWLockShared(&srw);
    ok = TryAcquireSRWLockShared(&srw);
    run(try_exclusive, 1, codes);
    printf("shared held: TryShared %d, TryExclusive from another thread %lu\n", ok, codes[0]);
    ReleaseSRWLockShared(&srw);
    if (ok)
        ReleaseSRWLockShared(&srw);
    printf("free: TryExclusive %d\n", TryAcquireSRWLockExclusive(&srw));
    ReleaseSRWLockExclusive(&srw);

    HANDLE p = CreateThread(NULL, 0, ponger, NULL, 0, NULL);
    for (int i = 0; i < 1000; i++) {
        EnterCriticalSection(&cs);
        while (turn != 0)
            SleepConditionVariableCS(&cv, &cs, INFINITE);
        turn = 1;
        WakeConditionVariable(&cv);
        LeaveCriticalSection(&cs);
    }
    WaitForSingleObject(p, INFINITE);
    CloseHandle(p);
    printf("cv ping-pong (cs): %d\n", pongs);
    pongs = 0;
    turn = 0;
    p = CreateThread(NULL, 0, srw_ponger, NULL, 0, NULL);
    for (int i = 0; i < 1000; i++) {
        AcquireSRWLockExclusive(&srw);
        while (turn != 0)
            SleepConditionVariableSRW(&cv, &srw, INFINITE, 0);
        turn = 1;
        WakeAllConditionVariable(&cv);
        ReleaseSRWLockExclusive(&srw);
    }
    WaitForSingleObject(p, INFINITE);
    CloseHandle(p);
    printf("cv ping-pong (srw): %d\n", pongs);
    EnterCriticalSection(&cs);
    SetLastError(0);
    ok = SleepConditionVariableCS(&cv, &cs, 10);
    printf("cv timeout: %d %lu\n", ok, GetLastError());
    LeaveCriticalSection(&cs);

    run(once_worker, 8, codes);
    ok = 1;
    for (int i = 0; i < 8; i++)
        ok &= codes[i];
    printf("InitOnce: callback ran %ld time(s), every thread got the context: %d\n", once_calls, ok);
    INIT_ONCE async = INIT_ONCE_STATIC_INIT;
    BOOL pending = FALSE;
    void *ctx = NULL;
    ok = InitOnceBeginInitialize(&async, INIT_ONCE_ASYNC, &pending, &ctx);
    printf("async begin: %d pending %d\n", ok, pending);
    BOOL pending2 = FALSE;
    ok = InitOnceBeginInitialize(&async, INIT_ONCE_ASYNC, &pending2, &ctx);
    printf("async begin again: %d pending %d\n", ok, pending2);
    ok = InitOnceComplete(&async, INIT_ONCE_ASYNC, (void *)0x40);
    printf("async complete: %d\n", ok);
    SetLastError(0);
    ok = InitOnceComplete(&async, INIT_ONCE_ASYNC, (void *)0x80);
    printf("async complete again: %d\n", ok);
    ok = InitOnceBeginInitialize(&async, INIT_ONCE_CHECK_ONLY, &pending, &ctx);
    printf("check only: %d pending %d ctx %p\n", ok, pending, ctx);

    LONG expected = 0;
    p = CreateThread(NULL, 0, address_waker, NULL, 0, NULL);
    while (address_value == expected)
        WaitOnAddress(&address_value, &expected, sizeof(expected), INFINITE);
    printf("WaitOnAddress woke with value %ld\n", address_value);
    WaitForSingleObject(p, INFINITE);
    CloseHandle(p);
    expected = 1;
    SetLastError(0);
    ok = WaitOnAddress(&address_value, &expected, sizeof(expected), 20);
    printf("WaitOnAddress timeout: %d %lu\n", ok, GetLastError());
    expected = 5;
    ok = WaitOnAddress(&address_value, &expected, sizeof(expected), 20);
    printf("WaitOnAddress on a different value: %d\n", ok);
    DeleteCriticalSection(&cs);
    return 0;
}
