/* threadpool.c: thread pools: the process's default pool and pools of CreateThreadpool,
 * QueueUserWorkItem, TrySubmitThreadpoolCallback, thread-pool work, timer and wait objects, and
 * cleanup groups. Each pool's workers are made on demand (between its minimum and maximum) and
 * take items from the pool's queue; one timer thread fires every pool's timers; each set pool
 * wait has a thread of its own. One lock guards all of it. Callback priorities are not
 * implemented (every item is of normal priority). */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(thread);

#define MAX_WORKERS 500        /* a pool's default maximum (Windows: 500 as well) */

enum item_kind { ITEM_SIMPLE, ITEM_WORK, ITEM_TIMER, ITEM_WAIT, ITEM_USER };

/* A TP_WORK, TP_TIMER or TP_WAIT, and the queue entries of simple callbacks. */
struct tp_pool {
    struct queue_entry *head, **tail;
    CONDITION_VARIABLE cv;          /* an item was queued, or the pool closes */
    LONG workers, idle, max, min;
    LONG objects;                   /* objects bound to the pool that are not freed yet */
    bool closing;                   /* CloseThreadpool: the pool goes with its last object */
};

struct tp_group {
    struct tp_object *members;
};

struct tp_object {
    enum item_kind kind;
    struct tp_pool *pool;
    struct tp_group *group;         /* member of a cleanup group (pool lock) */
    struct tp_object *next_member;
    PTP_CLEANUP_GROUP_CANCEL_CALLBACK cancel_callback;
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
static CONDITION_VARIABLE timer_cv = CONDITION_VARIABLE_INIT;
static struct tp_pool default_pool = { NULL, &default_pool.head, CONDITION_VARIABLE_INIT, 0, 0,
                                       MAX_WORKERS, 0, 0, false };
static struct tp_object *timers;
static bool timer_thread_running;

static void warn_environment(TP_CALLBACK_ENVIRON *env)
{
    if (env && env->CallbackPriority != TP_CALLBACK_PRIORITY_NORMAL)
        FIXME_ONCE("callback priority %d: run as normal\n", env->CallbackPriority);
}

/* Pool lock held: a closed pool goes once its last object and worker are gone. */
static void pool_release_if_done(struct tp_pool *pool)
{
    if (pool != &default_pool && pool->closing && !pool->objects && !pool->workers)
        HeapFree(GetProcessHeap(), 0, pool);
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
    /* A simple callback in a cleanup group stays for CloseThreadpoolCleanupGroupMembers. */
    if (obj->closing || (!obj->group && (obj->kind == ITEM_SIMPLE || obj->kind == ITEM_USER))) {
        struct tp_pool *pool = obj->pool;
        if (obj->group)
            for (struct tp_object **p = &obj->group->members; *p; p = &(*p)->next_member)
                if (*p == obj) {
                    *p = obj->next_member;
                    break;
                }
        if (obj->cancel)
            CloseHandle(obj->cancel);
        HeapFree(GetProcessHeap(), 0, obj);
        if (!--pool->objects && pool->closing)
            WakeAllConditionVariable(&pool->cv);    /* its idle workers go */
        pool_release_if_done(pool);
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
    struct tp_pool *pool = arg;
    AcquireSRWLockExclusive(&pool_lock);
    for (;;) {
        struct queue_entry *e;
        while (!pool->head) {
            BOOL got;
            if (pool->closing && !pool->objects)
                got = FALSE;
            else {
                pool->idle++;
                got = SleepConditionVariableSRW(&pool->cv, &pool_lock, 20000, 0);
                pool->idle--;
            }
            /* idle for 20 s above the minimum, or its pool closed: the worker goes */
            if (!got && !pool->head &&
                (pool->workers > pool->min || (pool->closing && !pool->objects))) {
                pool->workers--;
                pool_release_if_done(pool);
                ReleaseSRWLockExclusive(&pool_lock);
                return 0;
            }
        }
        e = pool->head;
        if (!(pool->head = e->next))
            pool->tail = &pool->head;
        e->obj->running++;
        ReleaseSRWLockExclusive(&pool_lock);
        run_item(e);
        AcquireSRWLockExclusive(&pool_lock);
        e->obj->running--;
        finish_item(e->obj);
        HeapFree(GetProcessHeap(), 0, e);
    }
}

/* A worker for pool, counted already. FALSE: it could not be made (uncounted again). */
static BOOL start_worker(struct tp_pool *pool)
{
    HANDLE h = CreateThread(NULL, 0, worker_main, pool, 0, NULL);
    if (h) {
        CloseHandle(h);
        return TRUE;
    }
    AcquireSRWLockExclusive(&pool_lock);
    pool->workers--;    /* the items wait for the workers there are */
    ReleaseSRWLockExclusive(&pool_lock);
    return FALSE;
}

/* Queues one run of obj; a worker is made if none is idle. FALSE: out of memory. */
static BOOL submit(struct tp_object *obj, TP_WAIT_RESULT result)
{
    struct queue_entry *e = HeapAlloc(GetProcessHeap(), 0, sizeof(*e));
    struct tp_pool *pool = obj->pool;
    bool spawn;
    if (!e)
        return FALSE;
    e->next = NULL;
    e->obj = obj;
    e->wait_result = result;
    AcquireSRWLockExclusive(&pool_lock);
    obj->pending++;
    *pool->tail = e;
    pool->tail = &e->next;
    spawn = !pool->idle && pool->workers < pool->max;
    if (spawn)
        pool->workers++;
    WakeConditionVariable(&pool->cv);
    ReleaseSRWLockExclusive(&pool_lock);
    if (spawn)
        start_worker(pool);
    return TRUE;
}

/* An object bound to the environment's pool (default: the process's) and cleanup group. */
static struct tp_object *new_object(enum item_kind kind, void *callback, void *context,
                                    TP_CALLBACK_ENVIRON *env)
{
    struct tp_object *obj = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*obj));
    if (!obj) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    warn_environment(env);
    obj->kind = kind;
    obj->callback = callback;
    obj->context = context;
    obj->pool = env && env->Pool ? (struct tp_pool *)env->Pool : &default_pool;
    InitializeConditionVariable(&obj->done);
    AcquireSRWLockExclusive(&pool_lock);
    obj->pool->objects++;
    if (env && env->CleanupGroup) {
        obj->group = (struct tp_group *)env->CleanupGroup;
        obj->cancel_callback = env->CleanupGroupCancelCallback;
        obj->next_member = obj->group->members;
        obj->group->members = obj;
    }
    ReleaseSRWLockExclusive(&pool_lock);
    return obj;
}

/* An object that never ran: it goes (pool lock not held). */
static void free_new_object(struct tp_object *obj)
{
    AcquireSRWLockExclusive(&pool_lock);
    obj->closing = true;
    obj->pending = 1;
    finish_item(obj);
    ReleaseSRWLockExclusive(&pool_lock);
}

/* Waits until no run of obj is queued or running (cancel: queued runs are dropped first). */
static void wait_callbacks(struct tp_object *obj, BOOL cancel)
{
    struct tp_pool *pool = obj->pool;
    AcquireSRWLockExclusive(&pool_lock);
    if (cancel) {
        struct queue_entry **p = &pool->head, *e;
        while ((e = *p)) {
            if (e->obj == obj) {
                *p = e->next;
                HeapFree(GetProcessHeap(), 0, e);
                finish_item(obj);
            } else {
                p = &e->next;
            }
        }
        pool->tail = &pool->head;
        while (*pool->tail)
            pool->tail = &(*pool->tail)->next;
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
    struct tp_object *obj = new_object(ITEM_USER, func, context, NULL);
    if (flags & ~(WT_EXECUTELONGFUNCTION | WT_EXECUTEDEFAULT))
        FIXME_ONCE("flags %#lx: run as ordinary work items\n", flags);
    if (!obj)
        return FALSE;
    if (!submit(obj, 0)) {
        free_new_object(obj);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    return TRUE;
}

BOOL WINAPI TrySubmitThreadpoolCallback(PTP_SIMPLE_CALLBACK callback, PVOID context,
                                        TP_CALLBACK_ENVIRON *env)
{
    struct tp_object *obj;
    if (!(obj = new_object(ITEM_SIMPLE, callback, context, env)))
        return FALSE;
    if (!submit(obj, 0)) {
        free_new_object(obj);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    return TRUE;
}

/* ---- work ---- */

PTP_WORK WINAPI CreateThreadpoolWork(PTP_WORK_CALLBACK callback, PVOID context, TP_CALLBACK_ENVIRON *env)
{
    return (PTP_WORK)new_object(ITEM_WORK, callback, context, env);
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
    if (!(obj = new_object(ITEM_TIMER, callback, context, env)))
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
    if (!(obj = new_object(ITEM_WAIT, callback, context, env)))
        return NULL;
    if (!(obj->cancel = CreateEventW(NULL, TRUE, FALSE, NULL))) {
        free_new_object(obj);
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
    /* Callbacks queued or running are waited for (cancel: the queued ones and the wait itself
     * are dropped); a wait still pending on its handle is not a callback yet. */
    if (cancel)
        stop_wait(obj);
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
 * TRUE if another worker of the callback's pool is idle or may still be made (the callback's
 * documentation); the instance is the running object.
 */
BOOL WINAPI CallbackMayRunLong(PTP_CALLBACK_INSTANCE instance)
{
    struct tp_pool *pool = ((struct tp_object *)instance)->pool;
    BOOL ok;
    AcquireSRWLockShared(&pool_lock);
    ok = pool->idle > 0 || pool->workers < pool->max;
    ReleaseSRWLockShared(&pool_lock);
    return ok;
}

/* ---- pools and cleanup groups ---- */

/***********************************************************************
 *           CreateThreadpool   (kernelbase.@)
 */
PTP_POOL WINAPI CreateThreadpool(void *reserved)
{
    struct tp_pool *pool = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*pool));
    if (!pool) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    pool->tail = &pool->head;
    pool->max = MAX_WORKERS;
    InitializeConditionVariable(&pool->cv);
    return (PTP_POOL)pool;
}

/***********************************************************************
 *           CloseThreadpool   (kernelbase.@)
 *
 * The pool goes at once if no object is bound to it, else after the last one is closed.
 */
void WINAPI CloseThreadpool(PTP_POOL handle)
{
    struct tp_pool *pool = (struct tp_pool *)handle;
    AcquireSRWLockExclusive(&pool_lock);
    pool->closing = true;
    pool->min = 0;
    WakeAllConditionVariable(&pool->cv);
    pool_release_if_done(pool);
    ReleaseSRWLockExclusive(&pool_lock);
}

/***********************************************************************
 *           SetThreadpoolThreadMaximum   (kernelbase.@)
 */
void WINAPI SetThreadpoolThreadMaximum(PTP_POOL handle, DWORD max)
{
    struct tp_pool *pool = (struct tp_pool *)handle;
    AcquireSRWLockExclusive(&pool_lock);
    pool->max = max ? max : 1;
    if (pool->min > pool->max)
        pool->min = pool->max;
    ReleaseSRWLockExclusive(&pool_lock);
}

/***********************************************************************
 *           SetThreadpoolThreadMinimum   (kernelbase.@)
 *
 * The workers up to the minimum are made now (FALSE if one cannot be) and stay while idle.
 */
BOOL WINAPI SetThreadpoolThreadMinimum(PTP_POOL handle, DWORD min)
{
    struct tp_pool *pool = (struct tp_pool *)handle;
    BOOL ok = TRUE;
    AcquireSRWLockExclusive(&pool_lock);
    pool->min = min;
    if (pool->max < (LONG)min)
        pool->max = min;
    while (ok && pool->workers < pool->min) {
        pool->workers++;
        ReleaseSRWLockExclusive(&pool_lock);
        ok = start_worker(pool);
        AcquireSRWLockExclusive(&pool_lock);
    }
    ReleaseSRWLockExclusive(&pool_lock);
    return ok;
}

/***********************************************************************
 *           CreateThreadpoolCleanupGroup   (kernelbase.@)
 */
PTP_CLEANUP_GROUP WINAPI CreateThreadpoolCleanupGroup(void)
{
    struct tp_group *group = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*group));
    if (!group)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return (PTP_CLEANUP_GROUP)group;
}

/* Releases one member of a cleanup group as its own Close call would, after its callbacks. */
static void release_member(struct tp_object *obj, BOOL cancel, void *cleanup_context)
{
    switch (obj->kind) {
    case ITEM_TIMER:
        SetThreadpoolTimer((PTP_TIMER)obj, NULL, 0, 0);
        break;
    case ITEM_WAIT:
        stop_wait(obj);
        break;
    default:
        break;
    }
    wait_callbacks(obj, cancel);
    if (cancel && obj->cancel_callback)
        obj->cancel_callback(obj->context, cleanup_context);
    switch (obj->kind) {
    case ITEM_WORK:  CloseThreadpoolWork((PTP_WORK)obj); break;
    case ITEM_TIMER: CloseThreadpoolTimer((PTP_TIMER)obj); break;
    case ITEM_WAIT:  CloseThreadpoolWait((PTP_WAIT)obj); break;
    default:         close_object(obj); break;     /* a simple callback, run or dropped */
    }
}

/***********************************************************************
 *           CloseThreadpoolCleanupGroupMembers   (kernelbase.@)
 *
 * Every member is released: cancel drops the callbacks not started yet (and calls the group's
 * cancel callback for each member), else they run; either way it returns after the last one.
 */
void WINAPI CloseThreadpoolCleanupGroupMembers(PTP_CLEANUP_GROUP handle, BOOL cancel, void *context)
{
    struct tp_group *group = (struct tp_group *)handle;
    for (;;) {
        struct tp_object *obj;
        AcquireSRWLockExclusive(&pool_lock);
        if ((obj = group->members))     /* off the list; obj->group stays: it is not freed */
            group->members = obj->next_member;      /* before release_member closes it */
        ReleaseSRWLockExclusive(&pool_lock);
        if (!obj)
            return;
        release_member(obj, cancel, context);
    }
}

/***********************************************************************
 *           CloseThreadpoolCleanupGroup   (kernelbase.@)
 */
void WINAPI CloseThreadpoolCleanupGroup(PTP_CLEANUP_GROUP handle)
{
    HeapFree(GetProcessHeap(), 0, handle);
}
