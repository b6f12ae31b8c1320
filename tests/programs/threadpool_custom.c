/* threadpool_custom: a pool of CreateThreadpool with a maximum and minimum of one thread runs
 * its callbacks one at a time, off the main thread; CallbackMayRunLong says FALSE there (no other
 * thread may be made); a cleanup group's members are released by
 * CloseThreadpoolCleanupGroupMembers: with cancel, queued runs are dropped, the running one is
 * waited for and the group's cancel callback gets each member's context and the cleanup
 * context; a set timer is cancelled; WaitForThreadpoolWaitCallbacks returns while the wait is
 * still pending on its handle. Expected per the documentation of these functions on
 * learn.microsoft.com (CreateThreadpool, SetThreadpoolThreadMaximum, CallbackMayRunLong,
 * CloseThreadpoolCleanupGroupMembers, WaitForThreadpoolWaitCallbacks). */
#define _WIN32_WINNT 0x0600
#include <windows.h>
#include <stdio.h>

static volatile LONG active, max_active, runs, on_main, cancels, may_run_long = -1;
static DWORD main_id;
static HANDLE started, release, waited;
static void *cancel_object_context, *cancel_cleanup_context;

static void CALLBACK counted(PTP_CALLBACK_INSTANCE instance, void *context, PTP_WORK work)
{
    LONG now = InterlockedIncrement(&active);
    if (now > max_active)
        max_active = now;
    if (GetCurrentThreadId() == main_id)
        on_main++;
    if (may_run_long < 0)
        may_run_long = CallbackMayRunLong(instance);
    Sleep(5);
    InterlockedDecrement(&active);
    InterlockedIncrement(&runs);
}

static void CALLBACK blocker(PTP_CALLBACK_INSTANCE instance, void *context, PTP_WORK work)
{
    InterlockedIncrement(&runs);
    SetEvent(started);
    WaitForSingleObject(release, 300);
}

static void CALLBACK cancelled(void *object_context, void *cleanup_context)
{
    cancels++;
    cancel_object_context = object_context;
    cancel_cleanup_context = cleanup_context;
}

static void CALLBACK timer_fired(PTP_CALLBACK_INSTANCE instance, void *context, PTP_TIMER timer)
{
    InterlockedIncrement(&runs);
}

static void CALLBACK wait_done(PTP_CALLBACK_INSTANCE instance, void *context, PTP_WAIT wait,
                               TP_WAIT_RESULT result)
{
    printf("wait callback: result %lu\n", result);
    SetEvent(waited);
}

int main(void)
{
    TP_CALLBACK_ENVIRON env;
    PTP_POOL pool;
    PTP_CLEANUP_GROUP group;
    PTP_WORK work;
    PTP_TIMER timer;
    PTP_WAIT wait;
    FILETIME due;
    HANDLE event;

    main_id = GetCurrentThreadId();
    started = CreateEventW(NULL, FALSE, FALSE, NULL);
    release = CreateEventW(NULL, FALSE, FALSE, NULL);
    waited = CreateEventW(NULL, FALSE, FALSE, NULL);
    pool = CreateThreadpool(NULL);
    printf("pool: %d\n", pool != NULL);
    SetThreadpoolThreadMaximum(pool, 1);
    printf("minimum: %d\n", SetThreadpoolThreadMinimum(pool, 1));
    InitializeThreadpoolEnvironment(&env);
    SetThreadpoolCallbackPool(&env, pool);

    work = CreateThreadpoolWork(counted, NULL, &env);
    for (int i = 0; i < 6; i++)
        SubmitThreadpoolWork(work);
    WaitForThreadpoolWorkCallbacks(work, FALSE);
    printf("runs %ld, at most %ld at once, on the main thread %ld, may run long %ld\n", runs,
           max_active, on_main, may_run_long);
    CloseThreadpoolWork(work);

    group = CreateThreadpoolCleanupGroup();
    printf("group: %d\n", group != NULL);
    SetThreadpoolCallbackCleanupGroup(&env, group, cancelled);
    runs = 0;
    work = CreateThreadpoolWork(blocker, (void *)0x1234, &env);
    SubmitThreadpoolWork(work);
    WaitForSingleObject(started, INFINITE);
    SubmitThreadpoolWork(work);     /* queued behind the running one: the pool has one thread */
    SubmitThreadpoolWork(work);
    CloseThreadpoolCleanupGroupMembers(group, TRUE, (void *)0x5678);
    printf("with cancel: runs %ld, cancel callbacks %ld, contexts %p %p\n", runs, cancels,
           cancel_object_context, cancel_cleanup_context);

    runs = 0;
    cancels = 0;
    timer = CreateThreadpoolTimer(timer_fired, NULL, &env);
    due.dwHighDateTime = (DWORD)(-100000000LL >> 32);    /* 10 s from now */
    due.dwLowDateTime = (DWORD)-100000000LL;
    SetThreadpoolTimer(timer, &due, 0, 0);
    printf("timer set: %d\n", IsThreadpoolTimerSet(timer));
    CloseThreadpoolCleanupGroupMembers(group, FALSE, NULL);
    printf("without cancel: timer runs %ld, cancel callbacks %ld\n", runs, cancels);
    CloseThreadpoolCleanupGroup(group);

    DestroyThreadpoolEnvironment(&env);
    InitializeThreadpoolEnvironment(&env);
    SetThreadpoolCallbackPool(&env, pool);
    event = CreateEventW(NULL, FALSE, FALSE, NULL);
    wait = CreateThreadpoolWait(wait_done, NULL, &env);
    SetThreadpoolWait(wait, event, NULL);
    WaitForThreadpoolWaitCallbacks(wait, FALSE);    /* nothing queued or running yet */
    printf("wait still pending: %lu\n", WaitForSingleObject(waited, 0));
    SetEvent(event);
    printf("after SetEvent: %lu\n", WaitForSingleObject(waited, 5000));
    WaitForThreadpoolWaitCallbacks(wait, FALSE);
    CloseThreadpoolWait(wait);
    DestroyThreadpoolEnvironment(&env);
    CloseThreadpool(pool);
    printf("done\n");
    return 0;
}
