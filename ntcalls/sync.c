/* sync.c: events, semaphores, mutexes and waitable timers, waiting on any waitable object, and the
 * futex calls behind ntdll's user-mode locks.
 *
 * One lock (sync_lock) guards the state of every waitable object. A waiter lists itself (first
 * come, first served) and sleeps on a futex word of its own. Whoever changes an object's
 * state, under the lock, then satisfies the listed waits it can, in order, on the waiters' behalf
 * (consuming the object as the waiter would) and wakes those waiters: as Windows' kernel does, so
 * that two SetEvent calls on an auto-reset event release two waiting threads, and a released
 * mutex goes to the thread that waited first. No lock is held while a thread sleeps. Names live
 * in object.c's process-local namespace. */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(sync);

#ifndef STATUS_MUTANT_NOT_OWNED
#define STATUS_MUTANT_NOT_OWNED ((NTSTATUS)0xC0000046)
#endif
#ifndef STATUS_SEMAPHORE_LIMIT_EXCEEDED
#define STATUS_SEMAPHORE_LIMIT_EXCEEDED ((NTSTATUS)0xC0000047)
#endif
#define STATUS_MUTANT_LIMIT_EXCEEDED ((NTSTATUS)0xC0000191)
#define STATUS_THREAD_IS_TERMINATING ((NTSTATUS)0xC000004B)
#define STATUS_INVALID_PARAMETER_6 ((NTSTATUS)0xC00000F4)
#define MAXIMUM_WAIT_OBJECTS 64

struct sync_obj {
    struct object obj;
    bool manual_reset, signaled;    /* events and timers */
    LONG count, max;                /* semaphores */
    ULONG owner;                    /* mutexes: owning thread id, 0 when free */
    LONG recursion;
    bool abandoned;
    /* timers */
    bool active;
    LONGLONG due;                   /* CLOCK_MONOTONIC, 100 ns units */
    LONG period;                    /* ms */
    void *apc, *apc_context;
    struct thread *apc_thread;      /* referenced while a completion routine is set */
    struct sync_obj *next_mutex, *prev_mutex;   /* mutexes and timers: lists below */
    int waiters;                    /* events: listed waits on it (changed under sync_lock, read
                                       without it by NtSetEvent's fast path) */
};

/* A thread asleep in a wait. */
struct waiter {
    struct waiter *next, *prev;
    int word;                       /* futex: 0 asleep, 1 look again, 2 satisfied and unlisted */
    struct thread *thread;
    struct object **objs;
    ULONG count;
    bool all;
    bool done;                      /* satisfied by another thread: status is the result */
    NTSTATUS status;
};

static pthread_mutex_t sync_lock = PTHREAD_MUTEX_INITIALIZER;
static struct waiter waiters = { &waiters, &waiters };
/* Futex words of satisfied waiters, woken once sync_lock is dropped (sync_lock): a woken thread
 * that at once signals something would otherwise find the lock still held by its waker. */
#define DEFERRED_MAX 64
static int *deferred[DEFERRED_MAX];
static int deferred_count;
static struct sync_obj mutex_list = { .next_mutex = &mutex_list, .prev_mutex = &mutex_list };
static struct sync_obj timer_list = { .next_mutex = &timer_list, .prev_mutex = &timer_list };

static long futex_wake(int *word)
{
    return syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

void sync_lock_acquire(void) { pthread_mutex_lock(&sync_lock); }

/* Drops sync_lock, then wakes the waiters satisfied meanwhile. */
void sync_lock_release(void)
{
    int *words[DEFERRED_MAX];
    int n = deferred_count;
    for (int i = 0; i < n; i++)
        words[i] = deferred[i];
    deferred_count = 0;
    pthread_mutex_unlock(&sync_lock);
    for (int i = 0; i < n; i++)
        futex_wake(words[i]);
}

/* sync_lock held: the waits on obj that are listed, for NtSetEvent's fast path. */
static void count_waits(struct object **objs, ULONG count, int delta)
{
    for (ULONG i = 0; i < count; i++)
        if (objs[i]->type == OBJ_EVENT)
            __atomic_add_fetch(&((struct sync_obj *)objs[i])->waiters, delta, __ATOMIC_SEQ_CST);
}

static void unlist(struct waiter *w)
{
    w->prev->next = w->next;
    w->next->prev = w->prev;
    count_waits(w->objs, w->count, -1);
}

static NTSTATUS try_satisfy(struct object **objs, ULONG count, bool all, struct thread *t);

/* A satisfied waiter is unlisted here, so that it returns without taking sync_lock again; its
 * word (on its stack) may be gone once it is 2, and a wake of a stale address is harmless: every
 * futex wait of ours and glibc's looks again after a wake. The wake itself waits for
 * sync_lock_release. */
void sync_wake_waiters(void)
{
    struct waiter *w, *next;
    for (w = waiters.next; w != &waiters; w = next) {
        NTSTATUS status;
        next = w->next;
        if (w->done || !w->count)
            continue;
        if ((status = try_satisfy(w->objs, w->count, w->all, w->thread)) != STATUS_PENDING) {
            w->status = status;
            w->done = true;
            unlist(w);
            __atomic_store_n(&w->word, 2, __ATOMIC_RELEASE);
            if (deferred_count < DEFERRED_MAX)
                deferred[deferred_count++] = &w->word;
            else
                futex_wake(&w->word);
        }
    }
}

void sync_poke(struct thread *t)
{
    for (struct waiter *w = waiters.next; w != &waiters; w = w->next)
        if ((!t || w->thread == t) && !w->done) {
            __atomic_store_n(&w->word, 1, __ATOMIC_RELEASE);
            futex_wake(&w->word);
        }
}

static LONGLONG monotonic_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 10000000LL + ts.tv_nsec / 100;
}

/* An NT timeout (negative: relative; positive: absolute system time) as a CLOCK_MONOTONIC time in
 * 100 ns units; -1 for none. Rounding: a relative wait lasts at least what was asked. */
static LONGLONG monotonic_deadline(const LARGE_INTEGER *timeout)
{
    LONGLONG t;
    if (!timeout)
        return -1;
    t = timeout->QuadPart;
    if (t > 0) {
        LARGE_INTEGER now;
        NtQuerySystemTime(&now);
        t = now.QuadPart >= t ? 0 : now.QuadPart - t;
    }
    return monotonic_now() - t;
}

static void list_link(struct sync_obj *head, struct sync_obj *s)
{
    s->next_mutex = head->next_mutex;
    s->prev_mutex = head;
    head->next_mutex->prev_mutex = s;
    head->next_mutex = s;
}

/* ---- objects ---- */

static void sync_destroy(struct object *obj)
{
    struct sync_obj *s = (struct sync_obj *)obj;
    if (s->next_mutex) {
        sync_lock_acquire();
        s->prev_mutex->next_mutex = s->next_mutex;
        s->next_mutex->prev_mutex = s->prev_mutex;
        sync_lock_release();
    }
    if (s->apc_thread)
        object_unref(&s->apc_thread->obj);
    free(obj);
}

/* An event's state is set (false to true) by NtSetEvent without sync_lock when nobody waits on
 * it; every other change is made under the lock. */
static bool event_signaled(struct object *obj, struct thread *t)
{
    return __atomic_load_n(&((struct sync_obj *)obj)->signaled, __ATOMIC_SEQ_CST);
}

static NTSTATUS event_satisfied(struct object *obj, struct thread *t)
{
    struct sync_obj *s = (struct sync_obj *)obj;
    if (!s->manual_reset)
        __atomic_store_n(&s->signaled, false, __ATOMIC_RELAXED);
    return STATUS_SUCCESS;
}

static bool semaphore_signaled(struct object *obj, struct thread *t)
{
    return ((struct sync_obj *)obj)->count > 0;
}

static NTSTATUS semaphore_satisfied(struct object *obj, struct thread *t)
{
    ((struct sync_obj *)obj)->count--;
    return STATUS_SUCCESS;
}

static bool mutex_signaled(struct object *obj, struct thread *t)
{
    struct sync_obj *s = (struct sync_obj *)obj;
    return !s->owner || s->owner == t->tid;
}

static NTSTATUS mutex_satisfied(struct object *obj, struct thread *t)
{
    struct sync_obj *s = (struct sync_obj *)obj;
    bool abandoned = s->abandoned;
    s->owner = t->tid;
    s->recursion++;
    s->abandoned = false;
    return abandoned ? STATUS_ABANDONED : STATUS_SUCCESS;
}

static void timer_update(struct sync_obj *s, LONGLONG now);

static bool timer_signaled(struct object *obj, struct thread *t)
{
    struct sync_obj *s = (struct sync_obj *)obj;
    timer_update(s, monotonic_now());
    return s->signaled;
}

static const struct object_ops event_ops = { "event", sync_destroy, event_signaled, event_satisfied };
static const struct object_ops semaphore_ops = { "semaphore", sync_destroy, semaphore_signaled,
                                                 semaphore_satisfied };
static const struct object_ops mutex_ops = { "mutex", sync_destroy, mutex_signaled, mutex_satisfied };
static const struct object_ops timer_ops = { "timer", sync_destroy, timer_signaled, event_satisfied };

static NTSTATUS new_sync(enum object_type type, const struct object_ops *ops, HANDLE *handle,
                         struct sync_obj **out)
{
    struct sync_obj *s;
    if (!handle)
        return STATUS_ACCESS_VIOLATION;
    if (!(s = calloc(1, sizeof(*s))))
        return STATUS_NO_MEMORY;
    object_init(&s->obj, type, ops);
    *out = s;
    return STATUS_SUCCESS;
}

/* The handle of the new object s, or of the existing object of its name (s is then dropped). */
static NTSTATUS publish(struct sync_obj *s, OBJECT_ATTRIBUTES *attr, ACCESS_MASK access, HANDLE *handle)
{
    HANDLE h = NULL;
    NTSTATUS status = object_create_handle(&s->obj, attr, access, &h);
    if (NT_SUCCESS(status))
        *handle = h;
    return status;
}

NTSTATUS WINAPI NtCreateEvent(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                              ULONG type, BOOLEAN initial)
{
    struct sync_obj *s;
    NTSTATUS status;
    if (type > 1)
        return STATUS_INVALID_PARAMETER;
    if ((status = new_sync(OBJ_EVENT, &event_ops, handle, &s)))
        return status;
    s->manual_reset = type == 0;    /* NotificationEvent */
    s->signaled = initial;
    return publish(s, attr, access, handle);
}

NTSTATUS WINAPI NtCreateSemaphore(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                                  LONG initial, LONG max)
{
    struct sync_obj *s;
    NTSTATUS status;
    if (max <= 0 || initial < 0 || initial > max)
        return STATUS_INVALID_PARAMETER;
    if ((status = new_sync(OBJ_SEMAPHORE, &semaphore_ops, handle, &s)))
        return status;
    s->count = initial;
    s->max = max;
    return publish(s, attr, access, handle);
}

NTSTATUS WINAPI NtCreateMutant(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr, BOOLEAN owned)
{
    struct sync_obj *s;
    NTSTATUS status;
    if ((status = new_sync(OBJ_MUTEX, &mutex_ops, handle, &s)))
        return status;
    if (owned) {
        s->owner = thread_current_id();
        s->recursion = 1;
    }
    sync_lock_acquire();
    list_link(&mutex_list, s);
    sync_lock_release();
    status = publish(s, attr, access, handle);
    /* An existing mutex opened by the name: CreateMutex(TRUE) does not take it (as on Windows). */
    return status;
}

/* NtOpenEvent, NtOpenSemaphore, NtOpenMutant, NtOpenTimer. */
static NTSTATUS open_named(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                           enum object_type type)
{
    struct object *obj;
    HANDLE h;
    NTSTATUS status;
    if (!handle)
        return STATUS_ACCESS_VIOLATION;
    if ((status = object_open_named(attr, type, &obj)))
        return status;
    if ((status = handle_alloc(obj, access, attr->Attributes, &h))) {
        object_unref(obj);
        return status;
    }
    *handle = h;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI NtOpenEvent(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr)
{
    return open_named(handle, access, attr, OBJ_EVENT);
}

NTSTATUS WINAPI NtOpenSemaphore(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr)
{
    return open_named(handle, access, attr, OBJ_SEMAPHORE);
}

NTSTATUS WINAPI NtOpenMutant(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr)
{
    return open_named(handle, access, attr, OBJ_MUTEX);
}

NTSTATUS WINAPI NtOpenTimer(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr)
{
    return open_named(handle, access, attr, OBJ_TIMER);
}

static NTSTATUS get_sync(HANDLE handle, enum object_type type, struct sync_obj **out)
{
    return handle_get(handle, type, (struct object **)out, NULL);
}

/* how: 1 set, 0 reset, 2 pulse (set, wake whoever waits now, reset). */
static NTSTATUS set_event(HANDLE handle, int how, LONG *prev)
{
    struct sync_obj *s;
    NTSTATUS status = get_sync(handle, OBJ_EVENT, &s);
    LONG old;
    if (status)
        return status;
    if (how == 1 && !__atomic_load_n(&s->waiters, __ATOMIC_SEQ_CST)) {
        /* Nobody waits: no lock. A waiter lists itself (waiters) before it looks at the state
         * (both sequentially consistent), so either it sees the event set or this sees it. */
        old = __atomic_exchange_n(&s->signaled, true, __ATOMIC_SEQ_CST);
        if (__atomic_load_n(&s->waiters, __ATOMIC_SEQ_CST)) {
            sync_lock_acquire();
            sync_wake_waiters();
            sync_lock_release();
        }
    } else {
        sync_lock_acquire();
        old = __atomic_exchange_n(&s->signaled, how != 0, __ATOMIC_SEQ_CST);
        if (how)
            sync_wake_waiters();
        sync_lock_release();
    }
    object_unref(&s->obj);
    if (prev)   /* the caller's memory is touched only with no lock held */
        *prev = old;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI NtSetEvent(HANDLE handle, LONG *prev) { return set_event(handle, 1, prev); }
NTSTATUS WINAPI NtResetEvent(HANDLE handle, LONG *prev) { return set_event(handle, 0, prev); }

NTSTATUS WINAPI NtReleaseSemaphore(HANDLE handle, LONG count, LONG *prev)
{
    struct sync_obj *s;
    NTSTATUS status = get_sync(handle, OBJ_SEMAPHORE, &s);
    LONG old = 0;
    if (status)
        return status;
    if (count <= 0) {
        object_unref(&s->obj);
        return STATUS_INVALID_PARAMETER;
    }
    sync_lock_acquire();
    if (count > s->max - s->count) {
        status = STATUS_SEMAPHORE_LIMIT_EXCEEDED;
    } else {
        old = s->count;
        s->count += count;
        sync_wake_waiters();
    }
    sync_lock_release();
    object_unref(&s->obj);
    if (!status && prev)
        *prev = old;
    return status;
}

NTSTATUS WINAPI NtReleaseMutant(HANDLE handle, LONG *prev)
{
    struct sync_obj *s;
    NTSTATUS status = get_sync(handle, OBJ_MUTEX, &s);
    LONG old = 0;
    if (status)
        return status;
    sync_lock_acquire();
    if (s->owner != thread_current_id()) {
        status = STATUS_MUTANT_NOT_OWNED;
    } else {
        old = 1 - s->recursion;         /* the documented "previous count" of a mutant */
        if (!--s->recursion) {
            s->owner = 0;
            sync_wake_waiters();
        }
    }
    sync_lock_release();
    object_unref(&s->obj);
    if (!status && prev)
        *prev = old;
    return status;
}

void sync_thread_exited(struct thread *t)
{
    for (struct sync_obj *s = mutex_list.next_mutex; s != &mutex_list; s = s->next_mutex)
        if (s->owner == t->tid) {
            TRACE("thread %04x ended owning mutex %p: abandoned\n", t->tid, s);
            s->owner = 0;
            s->recursion = 0;
            s->abandoned = true;
        }
    sync_wake_waiters();
}

/* ---- waitable timers ---- */

/* sync_lock held: a due timer is signalled (and its completion routine queued to the thread
 * that set it); a periodic one is due again one period later. */
static void timer_update(struct sync_obj *s, LONGLONG now)
{
    if (!s->active || now < s->due)
        return;
    s->signaled = true;
    if (s->apc && s->apc_thread && !s->apc_thread->exited) {
        struct apc *apc = malloc(sizeof(*apc));
        if (apc) {
            struct timespec ts;
            LONGLONG ft;
            clock_gettime(CLOCK_REALTIME, &ts);
            ft = timespec_to_filetime(&ts);
            apc->next = NULL;
            apc->func = s->apc;
            apc->args[0] = (ULONG_PTR)s->apc_context;
            apc->args[1] = (ULONG)ft;
            apc->args[2] = (ULONG)(ft >> 32);
            *s->apc_thread->apcs_tail = apc;
            s->apc_thread->apcs_tail = &apc->next;
        }
    }
    if (s->period) {
        LONGLONG step = s->period * 10000LL;
        s->due += ((now - s->due) / step + 1) * step;  /* missed periods are not made up */
    } else {
        s->active = false;
    }
}

NTSTATUS WINAPI NtCreateTimer(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr, ULONG type)
{
    struct sync_obj *s;
    NTSTATUS status;
    if (type > 1)
        return STATUS_INVALID_PARAMETER;
    if ((status = new_sync(OBJ_TIMER, &timer_ops, handle, &s)))
        return status;
    s->manual_reset = type == 0;    /* NotificationTimer */
    sync_lock_acquire();
    list_link(&timer_list, s);
    sync_lock_release();
    return publish(s, attr, access, handle);
}

NTSTATUS WINAPI NtSetTimer(HANDLE handle, LARGE_INTEGER *due, void *apc, void *context,
                           BOOLEAN resume, LONG period, BOOLEAN *prev)
{
    struct sync_obj *s;
    struct thread *old_thread, *t = thread_current();
    LARGE_INTEGER when;
    BOOLEAN old;
    NTSTATUS status;

    if (!due)
        return STATUS_ACCESS_VIOLATION;
    when = *due;
    if (period < 0)
        return STATUS_INVALID_PARAMETER_6;
    if ((status = get_sync(handle, OBJ_TIMER, &s)))
        return status;
    if (resume)
        FIXME_ONCE("resuming a suspended system is not supported: the timer is set as usual\n");
    if (apc)
        object_ref(&t->obj);
    sync_lock_acquire();
    old = s->signaled;
    old_thread = s->apc_thread;
    s->signaled = false;
    s->active = true;
    s->due = monotonic_deadline(&when);
    s->period = period;
    s->apc = apc;
    s->apc_context = context;
    s->apc_thread = apc ? t : NULL;
    sync_poke(NULL);        /* waiters recompute their deadlines */
    sync_lock_release();
    if (old_thread)
        object_unref(&old_thread->obj);
    object_unref(&s->obj);
    if (prev)
        *prev = old;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI NtCancelTimer(HANDLE handle, BOOLEAN *prev)
{
    struct sync_obj *s;
    struct thread *old_thread;
    BOOLEAN old;
    NTSTATUS status = get_sync(handle, OBJ_TIMER, &s);
    if (status)
        return status;
    sync_lock_acquire();
    timer_update(s, monotonic_now());
    old = s->signaled;
    s->active = false;      /* the signalled state stays as it is, as documented */
    old_thread = s->apc_thread;
    s->apc_thread = NULL;
    s->apc = NULL;
    sync_lock_release();
    if (old_thread)
        object_unref(&old_thread->obj);
    object_unref(&s->obj);
    if (prev)
        *prev = old;
    return STATUS_SUCCESS;
}

/* sync_lock held: the earliest time a timer in objs (or, alertable, one whose routine goes to
 * self) is due, or limit. */
static LONGLONG timers_due(struct object **objs, ULONG count, struct thread *self, bool alertable,
                           LONGLONG limit)
{
    for (ULONG i = 0; i < count; i++) {
        struct sync_obj *s = (struct sync_obj *)objs[i];
        if (objs[i]->type == OBJ_TIMER && s->active && (limit < 0 || s->due < limit))
            limit = s->due;
    }
    if (alertable)
        for (struct sync_obj *s = timer_list.next_mutex; s != &timer_list; s = s->next_mutex)
            if (s->apc_thread == self && s->active) {
                timer_update(s, monotonic_now());
                if (s->active && (limit < 0 || s->due < limit))
                    limit = s->due;
            }
    return limit;
}

/* ---- waits ---- */

static bool is_signaled(struct object *obj, struct thread *t)
{
    return !obj->ops->signaled || obj->ops->signaled(obj, t);
}

static NTSTATUS satisfy(struct object *obj, struct thread *t)
{
    return obj->ops->satisfied ? obj->ops->satisfied(obj, t) : STATUS_SUCCESS;
}

/* sync_lock held: consumes and returns the wait's result if it is satisfied, else STATUS_PENDING. */
static NTSTATUS try_satisfy(struct object **objs, ULONG count, bool all, struct thread *t)
{
    ULONG ready = 0, first = count;
    NTSTATUS result = STATUS_WAIT_0;
    for (ULONG i = 0; i < count; i++)
        if (is_signaled(objs[i], t)) {
            ready++;
            if (first == count)
                first = i;
            if (!all)
                break;
        }
    if (all ? ready < count || !count : !ready)
        return STATUS_PENDING;
    if (!all)
        return satisfy(objs[first], t) == STATUS_ABANDONED ? (NTSTATUS)(STATUS_ABANDONED + first)
                                                          : (NTSTATUS)first;
    for (ULONG i = 0; i < count; i++)
        if (satisfy(objs[i], t) == STATUS_ABANDONED)
            result = STATUS_ABANDONED;
    return result;
}

/* Drops sync_lock and sleeps until woken or the deadline (CLOCK_MONOTONIC, 100 ns units; -1:
 * none). True: the wait was satisfied by another thread, which unlisted it (sync_lock not held);
 * false: sync_lock is held again, to look again. */
static bool sleep_until(struct waiter *w, LONGLONG deadline)
{
    struct timespec ts;
    w->word = 0;
    sync_lock_release();
    if (deadline >= 0) {
        ts.tv_sec = deadline / 10000000;
        ts.tv_nsec = deadline % 10000000 * 100;
    }
    /* FUTEX_WAIT_BITSET takes an absolute CLOCK_MONOTONIC time. */
    syscall(SYS_futex, &w->word, FUTEX_WAIT_BITSET_PRIVATE, 0, deadline >= 0 ? &ts : NULL, NULL,
            FUTEX_BITSET_MATCH_ANY);
    if (__atomic_load_n(&w->word, __ATOMIC_ACQUIRE) == 2)
        return true;
    sync_lock_acquire();
    return false;
}

/* The common wait: objs (count may be 0: a delay), alertable or not, until deadline (-1: none). */
static NTSTATUS wait_objects(struct object **objs, ULONG count, bool all, bool alertable, LONGLONG deadline)
{
    struct thread *self = thread_current();
    struct waiter w = { .thread = self, .objs = objs, .count = count, .all = all };
    NTSTATUS status;

    sync_lock_acquire();
    w.prev = waiters.prev;      /* at the end: first come, first served */
    w.next = &waiters;
    waiters.prev->next = &w;
    waiters.prev = &w;
    count_waits(objs, count, 1);    /* before the objects are looked at: see set_event */
    for (;;) {
        LONGLONG now, wake;
        if (w.done) {   /* satisfied, and unlisted, while this thread waited for the lock */
            sync_lock_release();
            return w.status;
        }
        if (count && (status = try_satisfy(objs, count, all, self)) != STATUS_PENDING)
            break;
        if (alertable && (timers_due(NULL, 0, self, true, -1), thread_apc_pending(self))) {
            status = STATUS_USER_APC;
            break;
        }
        if (self->terminate_pending) {
            status = STATUS_THREAD_IS_TERMINATING;
            break;
        }
        now = monotonic_now();
        if (deadline >= 0 && now >= deadline) {
            status = STATUS_TIMEOUT;
            break;
        }
        wake = timers_due(objs, count, self, alertable, deadline);
        if (sleep_until(&w, wake))
            return w.status;    /* satisfied, and unlisted, by the thread that signalled */
    }
    unlist(&w);
    sync_lock_release();
    if (status == STATUS_USER_APC)
        thread_run_apcs();
    else if (status == STATUS_THREAD_IS_TERMINATING)
        thread_exit_if_terminating();
    return status;
}

static NTSTATUS get_wait_objects(ULONG count, const HANDLE *handles, struct object **objs)
{
    NTSTATUS status = STATUS_SUCCESS;
    HANDLE copy[MAXIMUM_WAIT_OBJECTS];
    ULONG got;
    for (ULONG i = 0; i < count; i++)   /* the caller's array is read with no lock held */
        copy[i] = handles[i];
    for (got = 0; got < count; got++)
        if ((status = handle_get(copy[got], 0, &objs[got], NULL)))
            break;
    if (status)
        while (got--)
            object_unref(objs[got]);
    return status;
}

NTSTATUS WINAPI NtWaitForMultipleObjects(ULONG count, const HANDLE *handles, ULONG type,
                                         BOOLEAN alertable, LARGE_INTEGER *timeout)
{
    struct object *objs[MAXIMUM_WAIT_OBJECTS];
    NTSTATUS status;

    if (!count || count > MAXIMUM_WAIT_OBJECTS)
        return STATUS_INVALID_PARAMETER_1;
    if (type > 1)
        return STATUS_INVALID_PARAMETER_3;
    if ((status = get_wait_objects(count, handles, objs)))
        return status;
    status = wait_objects(objs, count, type == 0 /* WaitAll */, alertable, monotonic_deadline(timeout));
    for (ULONG i = 0; i < count; i++)
        object_unref(objs[i]);
    return status;
}

NTSTATUS WINAPI NtWaitForSingleObject(HANDLE handle, BOOLEAN alertable, LARGE_INTEGER *timeout)
{
    return NtWaitForMultipleObjects(1, &handle, 1, alertable, timeout);
}

/***********************************************************************
 *           NtSignalAndWaitForSingleObject
 *
 * Signals one object (event, semaphore, mutex) and waits on another, with no wake-up lost between.
 */
NTSTATUS WINAPI NtSignalAndWaitForSingleObject(HANDLE signal, HANDLE wait, BOOLEAN alertable,
                                               LARGE_INTEGER *timeout)
{
    struct object *sig, *obj;
    NTSTATUS status;
    LONGLONG deadline = monotonic_deadline(timeout);

    if ((status = handle_get(signal, 0, &sig, NULL)))
        return status;
    if ((status = handle_get(wait, 0, &obj, NULL))) {
        object_unref(sig);
        return status;
    }
    switch (sig->type) {
    case OBJ_EVENT:     status = NtSetEvent(signal, NULL); break;
    case OBJ_SEMAPHORE: status = NtReleaseSemaphore(signal, 1, NULL); break;
    case OBJ_MUTEX:     status = NtReleaseMutant(signal, NULL); break;
    default:            status = STATUS_OBJECT_TYPE_MISMATCH; break;
    }
    if (!status)
        status = wait_objects(&obj, 1, false, alertable, deadline);
    object_unref(sig);
    object_unref(obj);
    return status;
}

NTSTATUS sync_wait(struct object **objs, ULONG count, bool all, bool alertable,
                   const LARGE_INTEGER *timeout)
{
    return wait_objects(objs, count, all, alertable, monotonic_deadline(timeout));
}

/* An alertable delay (SleepEx(ms, TRUE)): ends early with STATUS_USER_APC once APCs ran. */
NTSTATUS sync_delay_alertable(const LARGE_INTEGER *timeout)
{
    NTSTATUS status = wait_objects(NULL, 0, false, true, monotonic_deadline(timeout));
    return status == STATUS_TIMEOUT ? STATUS_SUCCESS : status;
}

/***********************************************************************
 *           NtTestAlert
 *
 * Runs the calling thread's queued user APCs.
 */
NTSTATUS WINAPI NtTestAlert(void)
{
    thread_run_apcs();
    return STATUS_SUCCESS;
}

/* ---- futexes for ntdll's locks (critical sections, SRW locks, WaitOnAddress) ---- */

/***********************************************************************
 *           __vinho_futex_wait
 *
 * Sleeps while *addr == value, until __vinho_futex_wake(addr) or the NT timeout. STATUS_SUCCESS
 * (woken, or the value differed: the caller looks again), STATUS_TIMEOUT.
 */
NTSTATUS WINAPI __vinho_futex_wait(const LONG *addr, LONG value, const LARGE_INTEGER *timeout)
{
    struct timespec ts, *pts = NULL;
    LONGLONG deadline = monotonic_deadline(timeout);
    if (deadline >= 0) {
        LONGLONG rel = deadline - monotonic_now();
        if (rel <= 0)
            return STATUS_TIMEOUT;
        ts.tv_sec = rel / 10000000;
        ts.tv_nsec = rel % 10000000 * 100;
        pts = &ts;
    }
    if (syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, value, pts, NULL, 0) < 0) {
        if (errno == ETIMEDOUT)
            return STATUS_TIMEOUT;
        if (errno == EFAULT)
            return STATUS_ACCESS_VIOLATION;
    }
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI __vinho_futex_wake(const LONG *addr, LONG count)
{
    syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, count <= 0 ? 0x7fffffff : count, NULL, NULL, 0);
    return STATUS_SUCCESS;
}
