/* iocp.c: I/O completion ports: queues of completion packets that threads take in turn.
 *
 * A port is a waitable object of the wait machinery in sync.c: it is signalled while packets are
 * queued (or once its last handle is closed). A thread in NtRemoveIoCompletion(Ex) lists itself
 * as a remover of the port and waits on it; whoever satisfies that wait (the remover itself, or
 * the thread that queued a packet, under sync_lock) hands it up to the packets it asked for, so
 * that each packet goes to exactly one thread, first come first served. An ordinary wait
 * (WaitForSingleObject on the port) sees it signalled and takes nothing. The caller's memory is
 * written only after the lock is dropped. Files get their port through NtSetInformationFile
 * (FileCompletionInformation); every I/O vinho does completes before the call returns, so its
 * packet is queued then (FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: not for a success). */
#include <stdlib.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(sync);

#define STATUS_ABANDONED_WAIT_0 ((NTSTATUS)0x00000080)
#define NT_ERROR(s) ((ULONG)(s) >> 30 == 3)
#define FILE_SKIP_COMPLETION_PORT_ON_SUCCESS 0x1
#define FILE_SKIP_SET_EVENT_ON_HANDLE 0x2
#define FILE_SKIP_SET_USER_EVENT_ON_FAST_IO 0x4

struct packet {
    struct packet *next;
    ULONG_PTR key, value;
    NTSTATUS status;
    ULONG_PTR information;
};

struct iocp {
    struct object obj;
    struct packet *head, **tail;    /* the queue (sync_lock) */
    bool closed;                    /* its last handle is gone (sync_lock) */
};

/* A thread in NtRemoveIoCompletion(Ex), on its stack while it waits (sync_lock). */
struct remover {
    struct remover *next;
    struct thread *thread;
    struct iocp *port;
    ULONG max, got;
    struct packet *packets, **tail;
    bool abandoned;                 /* the port was closed while it waited */
};
static struct remover *removers;

/* Entries of NtRemoveIoCompletionEx (FILE_IO_COMPLETION_INFORMATION, OVERLAPPED_ENTRY). */
struct completion_entry {
    ULONG_PTR key, value, status, information;
};

static void free_packets(struct packet *p)
{
    while (p) {
        struct packet *next = p->next;
        free(p);
        p = next;
    }
}

static void iocp_destroy(struct object *obj)
{
    free_packets(((struct iocp *)obj)->head);
    free(obj);
}

static bool iocp_signaled(struct object *obj, struct thread *t)
{
    struct iocp *port = (struct iocp *)obj;
    return port->head || port->closed;
}

/* A wait on the port was satisfied: a remover takes its packets; any other wait takes nothing. */
static NTSTATUS iocp_satisfied(struct object *obj, struct thread *t)
{
    struct iocp *port = (struct iocp *)obj;
    struct remover *r;
    for (r = removers; r; r = r->next)
        if (r->thread == t && r->port == port)
            break;
    if (!r)
        return STATUS_SUCCESS;
    if (!port->head) {
        r->abandoned = port->closed;
        return STATUS_SUCCESS;
    }
    while (port->head && r->got < r->max) {
        struct packet *p = port->head;
        if (!(port->head = p->next))
            port->tail = &port->head;
        p->next = NULL;
        *r->tail = p;
        r->tail = &p->next;
        r->got++;
    }
    return STATUS_SUCCESS;
}

/* The last handle is closed: its packets go, and its waiters leave with STATUS_ABANDONED_WAIT_0
 * (GetQueuedCompletionStatus: "ERROR_ABANDONED_WAIT_0" when the port is closed during the call). */
static void iocp_last_handle_closed(struct object *obj)
{
    struct iocp *port = (struct iocp *)obj;
    struct packet *dropped;
    sync_lock_acquire();
    port->closed = true;
    dropped = port->head;
    port->head = NULL;
    port->tail = &port->head;
    sync_wake_waiters();
    sync_lock_release();
    free_packets(dropped);
}

static const struct object_ops iocp_ops = { "iocp", iocp_destroy, iocp_signaled, iocp_satisfied,
                                            iocp_last_handle_closed };

/* Queues one packet (sync_lock not held); a closed port takes none. */
static NTSTATUS iocp_queue(struct iocp *port, ULONG_PTR key, ULONG_PTR value, NTSTATUS status,
                           ULONG_PTR information)
{
    struct packet *p = malloc(sizeof(*p));
    if (!p)
        return STATUS_NO_MEMORY;
    p->next = NULL;
    p->key = key;
    p->value = value;
    p->status = status;
    p->information = information;
    sync_lock_acquire();
    if (port->closed) {
        sync_lock_release();
        free(p);
        return STATUS_SUCCESS;
    }
    *port->tail = p;
    port->tail = &p->next;
    sync_wake_waiters();
    sync_lock_release();
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtCreateIoCompletion
 *
 * threads (the concurrency limit) is accepted and not applied: every waiting thread is released.
 */
NTSTATUS WINAPI NtCreateIoCompletion(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                                     ULONG threads)
{
    struct iocp *port;
    HANDLE h = NULL;
    NTSTATUS status;

    TRACE("%p %#x %p %u\n", handle, access, attr, threads);
    if (!handle)
        return STATUS_ACCESS_VIOLATION;
    if (!(port = calloc(1, sizeof(*port))))
        return STATUS_NO_MEMORY;
    object_init(&port->obj, OBJ_IOCP, &iocp_ops);
    port->tail = &port->head;
    status = object_create_handle(&port->obj, attr, access, &h);
    if (NT_SUCCESS(status))
        *handle = h;
    return status;
}

/***********************************************************************
 *           NtSetIoCompletion
 *
 * Queues a packet (PostQueuedCompletionStatus).
 */
NTSTATUS WINAPI NtSetIoCompletion(HANDLE handle, ULONG_PTR key, ULONG_PTR value, NTSTATUS status,
                                  SIZE_T information)
{
    struct iocp *port;
    NTSTATUS ret;

    TRACE("%p key %#lx value %#lx status %#x info %#lx\n", handle, (unsigned long)key,
          (unsigned long)value, status, (unsigned long)information);
    if ((ret = handle_get(handle, OBJ_IOCP, (struct object **)&port, NULL)))
        return ret;
    ret = iocp_queue(port, key, value, status, information);
    object_unref(&port->obj);
    return ret;
}

/* Waits for up to max packets; on STATUS_SUCCESS r->packets holds them (at least one). */
static NTSTATUS remove_packets(HANDLE handle, ULONG max, const LARGE_INTEGER *timeout,
                               bool alertable, struct remover *r)
{
    struct object *obj;
    struct remover **p;
    NTSTATUS status;

    if ((status = handle_get(handle, OBJ_IOCP, &obj, NULL)))
        return status;
    r->thread = thread_current();
    r->port = (struct iocp *)obj;
    r->max = max;
    r->got = 0;
    r->packets = NULL;
    r->tail = &r->packets;
    r->abandoned = false;
    sync_lock_acquire();
    r->next = removers;
    removers = r;
    sync_lock_release();
    status = sync_wait(&obj, 1, false, alertable, timeout);
    sync_lock_acquire();
    for (p = &removers; *p; p = &(*p)->next)
        if (*p == r) {
            *p = r->next;
            break;
        }
    sync_lock_release();
    object_unref(obj);
    if (status == STATUS_WAIT_0 && !r->got)
        status = r->abandoned ? STATUS_ABANDONED_WAIT_0 : STATUS_UNSUCCESSFUL;
    if (status == STATUS_UNSUCCESSFUL)
        ERR("a satisfied wait on port %p brought no packet\n", handle);
    TRACE("%p: status %#x, %u packets\n", handle, status, r->got);
    return status;
}

/***********************************************************************
 *           NtRemoveIoCompletion
 *
 * Takes one packet: its key, value (the OVERLAPPED of Win32) and I/O status. STATUS_TIMEOUT when
 * none came in time; STATUS_ABANDONED_WAIT_0 when the port was closed meanwhile.
 */
NTSTATUS WINAPI NtRemoveIoCompletion(HANDLE handle, ULONG_PTR *key, ULONG_PTR *value,
                                     IO_STATUS_BLOCK *io, LARGE_INTEGER *timeout)
{
    struct remover r;
    NTSTATUS status;

    TRACE("%p %p %p %p %p\n", handle, key, value, io, timeout);
    if ((status = remove_packets(handle, 1, timeout, false, &r)))
        return status;
    *key = r.packets->key;
    *value = r.packets->value;
    io->Status = r.packets->status;
    io->Information = r.packets->information;
    free_packets(r.packets);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtRemoveIoCompletionEx
 *
 * Takes up to count packets into FILE_IO_COMPLETION_INFORMATION entries (OVERLAPPED_ENTRY's
 * layout). Alertable: STATUS_USER_APC once queued APCs ran, if no packet was there.
 */
NTSTATUS WINAPI NtRemoveIoCompletionEx(HANDLE handle, void *entries, ULONG count, ULONG *removed,
                                       LARGE_INTEGER *timeout, BOOLEAN alertable)
{
    struct completion_entry *out = entries;
    struct remover r;
    NTSTATUS status;
    ULONG n = 0;

    TRACE("%p %p %u %p %p %d\n", handle, entries, count, removed, timeout, alertable);
    if (!count)
        return STATUS_INVALID_PARAMETER;
    if ((status = remove_packets(handle, count, timeout, alertable, &r))) {
        if (removed)
            *removed = 0;
        return status;
    }
    for (struct packet *p = r.packets; p; p = p->next, n++) {
        out[n].key = p->key;
        out[n].value = p->value;
        out[n].status = (ULONG)p->status;
        out[n].information = p->information;
    }
    free_packets(r.packets);
    if (removed)
        *removed = n;
    return STATUS_SUCCESS;
}

/* FileCompletionInformation: { HANDLE CompletionPort; PVOID CompletionKey; }. A file gets one
 * port for its life (a second association is refused, as on Windows). */
NTSTATUS iocp_set_file_completion(struct file *file, const void *info, ULONG length)
{
    const struct { HANDLE port; ULONG_PTR key; } *fci = info;
    struct object *port, *none = NULL;
    ULONG_PTR key;
    HANDLE h;
    NTSTATUS status;

    if (length < sizeof(*fci))
        return STATUS_INFO_LENGTH_MISMATCH;
    h = fci->port;
    key = fci->key;
    if ((status = handle_get(h, OBJ_IOCP, &port, NULL)))
        return status;
    sync_lock_acquire();
    if (file->completion) {
        status = STATUS_INVALID_PARAMETER;
    } else {
        file->completion_key = key;
        __atomic_store_n(&file->completion, port, __ATOMIC_RELEASE);
        port = none;
    }
    sync_lock_release();
    if (port)
        object_unref(port);
    TRACE("file %p -> port %p key %#lx: %#x\n", file, h, (unsigned long)key, status);
    return status;
}

/* FileIoCompletionNotificationInformation: FILE_SKIP_* flags, which can be set, not cleared. */
NTSTATUS iocp_set_file_notification(struct file *file, const void *info, ULONG length)
{
    ULONG flags;
    if (length < sizeof(ULONG))
        return STATUS_INFO_LENGTH_MISMATCH;
    flags = *(const ULONG *)info;
    if (flags & ~(FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | FILE_SKIP_SET_EVENT_ON_HANDLE |
                  FILE_SKIP_SET_USER_EVENT_ON_FAST_IO))
        return STATUS_INVALID_PARAMETER;
    __atomic_or_fetch(&file->completion_flags, flags, __ATOMIC_RELAXED);
    return STATUS_SUCCESS;
}

/* An I/O call on file ended with status: it completed, so its packet goes to the file's port,
 * unless it failed (an error status: nothing was started), the caller asked for no packet (no
 * APC context: an event handle with its low bit set), or it succeeded at once on a file with
 * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS. */
void iocp_file_io_done(struct file *file, void *apc_context, NTSTATUS status, ULONG_PTR information)
{
    struct object *port = __atomic_load_n(&file->completion, __ATOMIC_ACQUIRE);
    if (!port || !apc_context || NT_ERROR(status) || status == STATUS_PENDING)
        return;
    if (status == STATUS_SUCCESS &&
        (__atomic_load_n(&file->completion_flags, __ATOMIC_RELAXED) & FILE_SKIP_COMPLETION_PORT_ON_SUCCESS))
        return;
    iocp_queue((struct iocp *)port, file->completion_key, (ULONG_PTR)apc_context, status, information);
}
