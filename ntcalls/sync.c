/* sync.c: unnamed events, semaphores and mutexes, and waiting on them. One lock and one condition
 * variable serve every object: simple and free of lost wake-ups; the threads and synchronisation
 * work replaces it with per-object futexes. Named objects live in the server (not yet). */
#include <errno.h>
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
#define MAXIMUM_WAIT_OBJECTS 64

struct sync_obj {
    struct object obj;
    bool manual_reset, signaled;    /* events */
    LONG count, max;                /* semaphores */
    pid_t owner;                    /* mutexes: owning thread, 0 when free */
    LONG recursion;
};

static pthread_mutex_t sync_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sync_cond;
static pthread_once_t sync_once = PTHREAD_ONCE_INIT;

static void sync_init(void)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&sync_cond, &attr);
}

static pid_t current_tid(void)
{
    static __thread pid_t tid;
    if (!tid)
        tid = syscall(SYS_gettid);
    return tid;
}

static void sync_destroy(struct object *obj)
{
    free(obj);
}

static const struct object_ops event_ops = { "event", sync_destroy };
static const struct object_ops semaphore_ops = { "semaphore", sync_destroy };
static const struct object_ops mutex_ops = { "mutex", sync_destroy };

static NTSTATUS create_sync(enum object_type type, const struct object_ops *ops, OBJECT_ATTRIBUTES *attr,
                            ACCESS_MASK access, HANDLE *handle, struct sync_obj **out)
{
    struct sync_obj *s;
    NTSTATUS status;
    if (!handle)
        return STATUS_ACCESS_VIOLATION;
    if (attr && attr->ObjectName && attr->ObjectName->Length) {
        FIXME("named %s objects need the server, which is not implemented yet: %s\n", ops->name,
              debugstr_wn(attr->ObjectName->Buffer, attr->ObjectName->Length / 2));
        return STATUS_NOT_IMPLEMENTED;
    }
    pthread_once(&sync_once, sync_init);
    if (!(s = calloc(1, sizeof(*s))))
        return STATUS_NO_MEMORY;
    object_init(&s->obj, type, ops);
    *out = s;
    if ((status = handle_alloc(&s->obj, access, attr ? attr->Attributes : 0, handle)))
        object_unref(&s->obj);
    return status;
}

NTSTATUS WINAPI NtCreateEvent(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                              ULONG type, BOOLEAN initial)
{
    struct sync_obj *s;
    if (type > 1)
        return STATUS_INVALID_PARAMETER;
    NTSTATUS status = create_sync(OBJ_EVENT, &event_ops, attr, access, handle, &s);
    if (!status) {
        s->manual_reset = type == 0;    /* NotificationEvent */
        s->signaled = initial;
    }
    return status;
}

NTSTATUS WINAPI NtCreateSemaphore(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                                  LONG initial, LONG max)
{
    struct sync_obj *s;
    if (max <= 0 || initial < 0 || initial > max)
        return STATUS_INVALID_PARAMETER;
    NTSTATUS status = create_sync(OBJ_SEMAPHORE, &semaphore_ops, attr, access, handle, &s);
    if (!status) {
        s->count = initial;
        s->max = max;
    }
    return status;
}

NTSTATUS WINAPI NtCreateMutant(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr, BOOLEAN owned)
{
    struct sync_obj *s;
    NTSTATUS status = create_sync(OBJ_MUTEX, &mutex_ops, attr, access, handle, &s);
    if (!status && owned) {
        s->owner = current_tid();
        s->recursion = 1;
    }
    return status;
}

static NTSTATUS get_sync(HANDLE handle, enum object_type type, struct sync_obj **out)
{
    return handle_get(handle, type, (struct object **)out, NULL);
}

/* Changes one object's state under the lock and wakes every waiter to look again. */
static NTSTATUS set_event(HANDLE handle, int how, LONG *prev)
{
    struct sync_obj *s;
    NTSTATUS status = get_sync(handle, OBJ_EVENT, &s);
    if (status)
        return status;
    LONG old;
    pthread_mutex_lock(&sync_lock);
    old = s->signaled;
    s->signaled = how != 0;
    if (how)
        pthread_cond_broadcast(&sync_cond);
    pthread_mutex_unlock(&sync_lock);
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
    if (status)
        return status;
    if (count <= 0) {
        object_unref(&s->obj);
        return STATUS_INVALID_PARAMETER;
    }
    LONG old = 0;
    pthread_mutex_lock(&sync_lock);
    if (count > s->max - s->count) {
        status = STATUS_SEMAPHORE_LIMIT_EXCEEDED;
    } else {
        old = s->count;
        s->count += count;
        pthread_cond_broadcast(&sync_cond);
    }
    pthread_mutex_unlock(&sync_lock);
    object_unref(&s->obj);
    if (!status && prev)
        *prev = old;
    return status;
}

NTSTATUS WINAPI NtReleaseMutant(HANDLE handle, LONG *prev)
{
    struct sync_obj *s;
    NTSTATUS status = get_sync(handle, OBJ_MUTEX, &s);
    if (status)
        return status;
    LONG old = 0;
    pthread_mutex_lock(&sync_lock);
    if (s->owner != current_tid()) {
        status = STATUS_MUTANT_NOT_OWNED;
    } else {
        old = 1 - s->recursion;         /* the documented "previous count" of a mutant */
        if (!--s->recursion) {
            s->owner = 0;
            pthread_cond_broadcast(&sync_cond);
        }
    }
    pthread_mutex_unlock(&sync_lock);
    object_unref(&s->obj);
    if (!status && prev)
        *prev = old;
    return status;
}

static bool is_signaled(struct object *obj)
{
    struct sync_obj *s = (struct sync_obj *)obj;
    switch (obj->type) {
    case OBJ_EVENT:     return s->signaled;
    case OBJ_SEMAPHORE: return s->count > 0;
    case OBJ_MUTEX:     return !s->owner || s->owner == current_tid();
    case OBJ_PROCESS:   return process_is_signaled(obj);
    default:            return true;    /* files: no I/O is ever pending */
    }
}

static void acquire(struct object *obj)
{
    struct sync_obj *s = (struct sync_obj *)obj;
    switch (obj->type) {
    case OBJ_EVENT:
        if (!s->manual_reset)
            s->signaled = false;
        break;
    case OBJ_SEMAPHORE:
        s->count--;
        break;
    case OBJ_MUTEX:
        s->owner = current_tid();
        s->recursion++;
        break;
    default:
        break;
    }
}

/* The deadline on CLOCK_MONOTONIC of an NT timeout, or false for "never". */
static bool deadline(const LARGE_INTEGER *timeout, struct timespec *ts)
{
    LONGLONG rel;
    if (!timeout)
        return false;
    rel = timeout->QuadPart;
    if (rel > 0) {  /* absolute system time */
        LARGE_INTEGER now;
        NtQuerySystemTime(&now);
        rel = now.QuadPart - rel;
        if (rel > 0)
            rel = 0;
    }
    clock_gettime(CLOCK_MONOTONIC, ts);
    rel = -rel;
    ts->tv_sec += rel / 10000000;
    ts->tv_nsec += (rel % 10000000) * 100;
    if (ts->tv_nsec >= 1000000000) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000;
    }
    return true;
}

static NTSTATUS wait_locked(struct object **objs, ULONG count, bool all, const LARGE_INTEGER *timeout)
{
    struct timespec ts;
    bool has_deadline = deadline(timeout, &ts);
    for (;;) {
        ULONG ready = 0, first = count;
        for (ULONG i = 0; i < count; i++)
            if (is_signaled(objs[i])) {
                ready++;
                if (first == count)
                    first = i;
            }
        if (all ? ready == count : ready > 0) {
            for (ULONG i = 0; i < count; i++)
                if (all || i == first)
                    acquire(objs[i]);
            return all ? STATUS_WAIT_0 : STATUS_WAIT_0 + first;
        }
        if (timeout && !timeout->QuadPart)
            return STATUS_TIMEOUT;
        int err = has_deadline ? pthread_cond_timedwait(&sync_cond, &sync_lock, &ts)
                               : pthread_cond_wait(&sync_cond, &sync_lock);
        if (err == ETIMEDOUT)
            return STATUS_TIMEOUT;
    }
}

NTSTATUS WINAPI NtWaitForMultipleObjects(ULONG count, const HANDLE *handles, ULONG type,
                                         BOOLEAN alertable, LARGE_INTEGER *timeout)
{
    struct object *objs[MAXIMUM_WAIT_OBJECTS];
    NTSTATUS status = STATUS_SUCCESS;
    ULONG got = 0;

    if (!count || count > MAXIMUM_WAIT_OBJECTS)
        return STATUS_INVALID_PARAMETER_1;
    if (type > 1)
        return STATUS_INVALID_PARAMETER_3;
    pthread_once(&sync_once, sync_init);
    for (; got < count && !status; got++)
        if ((status = handle_get(handles[got], 0, &objs[got], NULL)))
            break;
    if (!status) {
        pthread_mutex_lock(&sync_lock);
        status = wait_locked(objs, count, type == 0 /* WaitAll */, timeout);
        pthread_mutex_unlock(&sync_lock);
    }
    while (got--)
        object_unref(objs[got]);
    return status;
}

/* State that is_signaled() reads, changed by another file (a child process ending): under the
 * lock, then every waiter looks again. */
void sync_update(void (*update)(struct object *obj), struct object *obj)
{
    pthread_once(&sync_once, sync_init);
    pthread_mutex_lock(&sync_lock);
    update(obj);
    pthread_cond_broadcast(&sync_cond);
    pthread_mutex_unlock(&sync_lock);
}

NTSTATUS WINAPI NtWaitForSingleObject(HANDLE handle, BOOLEAN alertable, LARGE_INTEGER *timeout)
{
    return NtWaitForMultipleObjects(1, &handle, 1, alertable, timeout);
}
