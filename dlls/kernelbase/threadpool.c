/* threadpool.c: the process's default thread pool: QueueUserWorkItem, TrySubmitThreadpoolCallback,
 * thread-pool work, timer and wait objects. Workers are made on demand (up to a limit) and take
 * items from one queue; a timer thread fires timers; each pool wait has a thread of its own while
 * it is set. Custom pools, cleanup groups and callback priorities are not implemented: the
 * environment's pool is ignored (FIXME once) and everything runs on the default pool. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(thread);

#define MAX_WORKERS 64

enum item_kind { ITEM_SIMPLE, ITEM_WORK, ITEM_TIMER, ITEM_WAIT, ITEM_USER };

/* A TP_WORK, TP_TIMER or TP_WAIT, and the queue entries of simple callbacks. */
struct tp_object {
    enum item_kind kind;
    void *callback;
    void *context;
    LONG pending;                   /* submitted and not yet finished (pool lock) */
    LONG running;
    bool closing;
    CONDITION_VARIABLE done;        /* pending reached 0 */
    /* timers */
    bool timer_set;                 /* as IsThreadpoolTimerSet reports: until set to NULL (as Wine) */
    bool armed;                     /* due to fire */
    ULONGLONG due;                  /* GetTickCount64() time */
    DWORD period;
    struct tp_object *next_timer;
    /* waits */
    HANDLE wait_handle, wait_thread, cancel;
    ULONGLONG wait_timeout;         /* ms, or INFINITE */
};

struct queue_entry {
    struct queue_entry *next;
    struct tp_object *obj;
    TP_WAIT_RESULT wait_result;
};

static SRWLOCK pool_lock = SRWLOCK_INIT;
static CONDITION_VARIABLE queue_cv = CONDITION_VARIABLE_INIT;
static CONDITION_VARIABLE timer_cv = CONDITION_VARIABLE_INIT;
static struct queue_entry *queue_head, **queue_tail = &queue_head;
static LONG workers, idle_workers;
static struct tp_object *timers;
static bool timer_thread_running;

static void warn_environment(TP_CALLBACK_ENVIRON *env)
{
    if (env && env->Pool)
        FIXME_ONCE("custom thread pools are not implemented: the default pool is used\n");
    if (env && env->CleanupGroup)
        FIXME_ONCE("cleanup groups are not implemented\n");
}

static void run_item(struct queue_entry *e)
{
    struct tp_object *obj = e->obj;
    TP_CALLBACK_INSTANCE *instance = (TP_CALLBACK_INSTANCE *)obj;
    switch (obj->kind) {
    case ITEM_SIMPLE:
        ((PTP_SIMPLE_CALLBACK)obj->callback)(instance, obj->context);
        break;
    case ITEM_WORK:
        ((PTP_WORK_CALLBACK)obj->callback)(instance, obj->context, (TP_WORK *)obj);
        break;
    case ITEM_TIMER:
        ((PTP_TIMER_CALLBACK)obj->callback)(instance, obj->context, (TP_TIMER *)obj);
        break;
    case ITEM_WAIT:
        ((PTP_WAIT_CALLBACK)obj->callback)(instance, obj->context, (TP_WAIT *)obj, e->wait_result);
        break;
    case ITEM_USER:
        ((LPTHREAD_START_ROUTINE)obj->callback)(obj->context);
        break;
    }
}

/* Pool lock held: the item ran; the object's waiters learn it when none is left, and a closed
 * object (or a one-shot simple callback) goes then. */
static void finish_item(struct tp_object *obj)
{
    if (--obj->pending)
        return;
    if (obj->closing || obj->kind == ITEM_SIMPLE || obj->kind == ITEM_USER) {
        if (obj->cancel)
            CloseHandle(obj->cancel);
        HeapFree(GetProcessHeap(), 0, obj);
    } else {
        WakeAllConditionVariable(&obj->done);
    }
}

/* Close: the object goes now if nothing of it is queued or running, else after its last run
 * (a callback may close its own object, as on Windows). */
static void close_object(struct tp_object *obj)
{
    AcquireSRWLockExclusive(&pool_lock);
    obj->closing = true;
    if (!obj->pending) {
        obj->pending = 1;
        finish_item(obj);
    }
    ReleaseSRWLockExclusive(&pool_lock);
}

static DWORD WINAPI worker_main(void *arg)
{
    AcquireSRWLockExclusive(&pool_lock);
    for (;;) {
        struct queue_entry *e;
        while (!queue_head) {
            idle_workers++;
            BOOL got = SleepConditionVariableSRW(&queue_cv, &pool_lock, 20000, 0);
            idle_workers--;
            if (!got && !queue_head) {      /* idle for 20 s: the worker goes */
                workers--;
                ReleaseSRWLockExclusive(&pool_lock);
                return 0;
            }
        }
        e = queue_head;
        if (!(queue_head = e->next))
            queue_tail = &queue_head;
        e->obj->running++;
        ReleaseSRWLockExclusive(&pool_lock);
        run_item(e);
        AcquireSRWLockExclusive(&pool_lock);
        e->obj->running--;
        finish_item(e->obj);
        HeapFree(GetProcessHeap(), 0, e);
    }
}

/* Queues one run of obj; a worker is made if none is idle. FALSE: out of memory. */
static BOOL submit(struct tp_object *obj, TP_WAIT_RESULT result)
{
    struct queue_entry *e = HeapAlloc(GetProcessHeap(), 0, sizeof(*e));
    bool spawn;
    if (!e)
        return FALSE;
    e->next = NULL;
    e->obj = obj;
    e->wait_result = result;
    AcquireSRWLockExclusive(&pool_lock);
    obj->pending++;
    *queue_tail = e;
    queue_tail = &e->next;
    spawn = !idle_workers && workers < MAX_WORKERS;
    if (spawn)
        workers++;
    WakeConditionVariable(&queue_cv);
    ReleaseSRWLockExclusive(&pool_lock);
    if (spawn) {
        HANDLE h = CreateThread(NULL, 0, worker_main, NULL, 0, NULL);
        if (h)
            CloseHandle(h);
        else {
            AcquireSRWLockExclusive(&pool_lock);
            workers--;      /* the item waits for the workers there are */
            ReleaseSRWLockExclusive(&pool_lock);
        }
    }
    return TRUE;
}

static struct tp_object *new_object(enum item_kind kind, void *callback, void *context)
{
    struct tp_object *obj = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*obj));
    if (!obj) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    obj->kind = kind;
    obj->callback = callback;
    obj->context = context;
    InitializeConditionVariable(&obj->done);
    return obj;
}

/* Waits until no run of obj is queued or running (cancel: queued runs are dropped first). */
static void wait_callbacks(struct tp_object *obj, BOOL cancel)
{
    AcquireSRWLockExclusive(&pool_lock);
    if (cancel) {
        struct queue_entry **p = &queue_head, *e;
        while ((e = *p)) {
            if (e->obj == obj) {
                *p = e->next;
                HeapFree(GetProcessHeap(), 0, e);
                finish_item(obj);
            } else {
                p = &e->next;
            }
        }
        queue_tail = &queue_head;
        while (*queue_tail)
            queue_tail = &(*queue_tail)->next;
    }
    while (obj->pending)
        SleepConditionVariableSRW(&obj->done, &pool_lock, INFINITE, 0);
    ReleaseSRWLockExclusive(&pool_lock);
}

/***********************************************************************
 *           QueueUserWorkItem   (kernelbase.@)
 */
BOOL WINAPI QueueUserWorkItem(LPTHREAD_START_ROUTINE func, PVOID context, ULONG flags)
{
    struct tp_object *obj = new_object(ITEM_USER, func, context);
    if (flags & ~(WT_EXECUTELONGFUNCTION | WT_EXECUTEDEFAULT))
        FIXME_ONCE("flags %#lx: run as ordinary work items\n", flags);
    if (!obj)
        return FALSE;
    if (!submit(obj, 0)) {
        HeapFree(GetProcessHeap(), 0, obj);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    return TRUE;
}

BOOL WINAPI TrySubmitThreadpoolCallback(PTP_SIMPLE_CALLBACK callback, PVOID context,
                                        TP_CALLBACK_ENVIRON *env)
{
    struct tp_object *obj;
    warn_environment(env);
    if (!(obj = new_object(ITEM_SIMPLE, callback, context)))
        return FALSE;
    if (!submit(obj, 0)) {
        HeapFree(GetProcessHeap(), 0, obj);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    return TRUE;
}

/* ---- work ---- */

PTP_WORK WINAPI CreateThreadpoolWork(PTP_WORK_CALLBACK callback, PVOID context, TP_CALLBACK_ENVIRON *env)
{
    warn_environment(env);
    return (PTP_WORK)new_object(ITEM_WORK, callback, context);
}

void WINAPI SubmitThreadpoolWork(PTP_WORK work)
{
    if (!submit((struct tp_object *)work, 0))
        ERR("out of memory: a work item is lost\n");
}

void WINAPI WaitForThreadpoolWorkCallbacks(PTP_WORK work, BOOL cancel)
{
    wait_callbacks((struct tp_object *)work, cancel);
}

void WINAPI CloseThreadpoolWork(PTP_WORK work)
{
    close_object((struct tp_object *)work);
}

/* ---- timers ---- */

static DWORD WINAPI timer_main(void *arg)
{
    AcquireSRWLockExclusive(&pool_lock);
    for (;;) {
        ULONGLONG now = GetTickCount64(), next = (ULONGLONG)-1;
        for (struct tp_object *t = timers; t; t = t->next_timer) {
            if (!t->armed)
                continue;
            if (t->due <= now) {
                if (t->period)
                    t->due = now + t->period;
                else
                    t->armed = false;
                ReleaseSRWLockExclusive(&pool_lock);
                submit(t, 0);
                AcquireSRWLockExclusive(&pool_lock);
                now = GetTickCount64();
                next = 0;       /* the list may have changed: look again */
                break;
            }
            if (t->due < next)
                next = t->due;
        }
        if (next == 0)
            continue;
        SleepConditionVariableSRW(&timer_cv, &pool_lock,
                                  next == (ULONGLONG)-1 ? INFINITE : (DWORD)(next - now), 0);
    }
    return 0;
}

PTP_TIMER WINAPI CreateThreadpoolTimer(PTP_TIMER_CALLBACK callback, PVOID context, TP_CALLBACK_ENVIRON *env)
{
    struct tp_object *obj;
    warn_environment(env);
    if (!(obj = new_object(ITEM_TIMER, callback, context)))
        return NULL;
    AcquireSRWLockExclusive(&pool_lock);
    obj->next_timer = timers;
    timers = obj;
    ReleaseSRWLockExclusive(&pool_lock);
    return (PTP_TIMER)obj;
}

/* A FILETIME due time: negative relative (100 ns), positive absolute; as a GetTickCount64 time. */
static ULONGLONG due_to_ticks(const FILETIME *due)
{
    LONGLONG t = ((LONGLONG)due->dwHighDateTime << 32) | due->dwLowDateTime;
    if (t > 0) {
        FILETIME now;
        GetSystemTimeAsFileTime(&now);
        t = (((LONGLONG)now.dwHighDateTime << 32) | now.dwLowDateTime) - t;
        if (t > 0)
            t = 0;
    }
    return GetTickCount64() + (ULONGLONG)(-t + 9999) / 10000;
}

void WINAPI SetThreadpoolTimer(PTP_TIMER timer, FILETIME *due, DWORD period, DWORD window)
{
    struct tp_object *obj = (struct tp_object *)timer;
    bool start = false;
    AcquireSRWLockExclusive(&pool_lock);
    obj->timer_set = obj->armed = due != NULL;
    if (due) {
        obj->due = due_to_ticks(due);
        obj->period = period;
        start = !timer_thread_running;
        timer_thread_running = true;
    }
    WakeAllConditionVariable(&timer_cv);
    ReleaseSRWLockExclusive(&pool_lock);
    if (start) {
        HANDLE h = CreateThread(NULL, 0, timer_main, NULL, 0, NULL);
        if (h)
            CloseHandle(h);
        else
            ERR("cannot start the timer thread\n");
    }
}

BOOL WINAPI IsThreadpoolTimerSet(PTP_TIMER timer)
{
    struct tp_object *obj = (struct tp_object *)timer;
    BOOL set;
    AcquireSRWLockShared(&pool_lock);
    set = obj->timer_set;
    ReleaseSRWLockShared(&pool_lock);
    return set;
}

void WINAPI WaitForThreadpoolTimerCallbacks(PTP_TIMER timer, BOOL cancel)
{
    wait_callbacks((struct tp_object *)timer, cancel);
}

void WINAPI CloseThreadpoolTimer(PTP_TIMER timer)
{
    struct tp_object *obj = (struct tp_object *)timer, **p;
    AcquireSRWLockExclusive(&pool_lock);
    obj->timer_set = obj->armed = false;
    for (p = &timers; *p; p = &(*p)->next_timer)
        if (*p == obj) {
            *p = obj->next_timer;
            break;
        }
    ReleaseSRWLockExclusive(&pool_lock);
    close_object(obj);
}

/* ---- waits: a thread per set wait, waiting on the handle and a cancel event ---- */

static DWORD WINAPI wait_main(void *arg)
{
    struct tp_object *obj = arg;
    HANDLE handles[2] = { obj->cancel, obj->wait_handle };
    DWORD r = WaitForMultipleObjects(2, handles, FALSE, obj->wait_timeout);
    if (r == WAIT_OBJECT_0 + 1)
        submit(obj, WAIT_OBJECT_0);
    else if (r == WAIT_TIMEOUT)
        submit(obj, WAIT_TIMEOUT);
    return 0;
}

PTP_WAIT WINAPI CreateThreadpoolWait(PTP_WAIT_CALLBACK callback, PVOID context, TP_CALLBACK_ENVIRON *env)
{
    struct tp_object *obj;
    warn_environment(env);
    if (!(obj = new_object(ITEM_WAIT, callback, context)))
        return NULL;
    if (!(obj->cancel = CreateEventW(NULL, TRUE, FALSE, NULL))) {
        HeapFree(GetProcessHeap(), 0, obj);
        return NULL;
    }
    return (PTP_WAIT)obj;
}

/* Stops the wait thread of obj, if any. */
static void stop_wait(struct tp_object *obj)
{
    if (!obj->wait_thread)
        return;
    SetEvent(obj->cancel);
    WaitForSingleObject(obj->wait_thread, INFINITE);
    CloseHandle(obj->wait_thread);
    obj->wait_thread = NULL;
    ResetEvent(obj->cancel);
}

/***********************************************************************
 *           SetThreadpoolWait   (kernelbase.@)
 *
 * One wait per call, as documented: the callback runs once, then the wait must be set again.
 */
void WINAPI SetThreadpoolWait(PTP_WAIT wait, HANDLE handle, FILETIME *timeout)
{
    struct tp_object *obj = (struct tp_object *)wait;
    stop_wait(obj);
    if (!handle)
        return;
    obj->wait_handle = handle;
    if (!timeout) {
        obj->wait_timeout = INFINITE;
    } else {
        ULONGLONG ticks = due_to_ticks(timeout), now = GetTickCount64();
        obj->wait_timeout = ticks > now ? ticks - now : 0;
    }
    if (!(obj->wait_thread = CreateThread(NULL, 0, wait_main, obj, 0, NULL)))
        ERR("cannot start a wait thread\n");
}

void WINAPI WaitForThreadpoolWaitCallbacks(PTP_WAIT wait, BOOL cancel)
{
    struct tp_object *obj = (struct tp_object *)wait;
    if (cancel)
        stop_wait(obj);
    else if (obj->wait_thread) {
        WaitForSingleObject(obj->wait_thread, INFINITE);
        CloseHandle(obj->wait_thread);
        obj->wait_thread = NULL;
    }
    wait_callbacks(obj, cancel);
}

void WINAPI CloseThreadpoolWait(PTP_WAIT wait)
{
    struct tp_object *obj = (struct tp_object *)wait;
    stop_wait(obj);
    close_object(obj);
}

/***********************************************************************
 *           CallbackMayRunLong   (kernelbase.@)
 *
 * Workers are made on demand, so a long callback does not hold others back: TRUE.
 */
BOOL WINAPI CallbackMayRunLong(PTP_CALLBACK_INSTANCE instance)
{
    return TRUE;
}
