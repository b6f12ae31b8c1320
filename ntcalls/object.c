/* object.c: reference-counted kernel objects and the process's handle table. */
#include <pthread.h>
#include <stdlib.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(ntdll);

struct handle_entry {
    struct object *obj;             /* NULL: free slot */
    ACCESS_MASK access;
    ULONG attributes;
};

static pthread_mutex_t handle_lock = PTHREAD_MUTEX_INITIALIZER;
static struct handle_entry *handles;
static size_t handle_count, handle_free_hint;
#define MAX_HANDLES (1u << 24)

void object_init(struct object *obj, enum object_type type, const struct object_ops *ops)
{
    obj->refs = 1;
    obj->type = type;
    obj->ops = ops;
}

struct object *object_ref(struct object *obj)
{
    __atomic_add_fetch(&obj->refs, 1, __ATOMIC_RELAXED);
    return obj;
}

void object_unref(struct object *obj)
{
    if (__atomic_sub_fetch(&obj->refs, 1, __ATOMIC_ACQ_REL) == 0)
        obj->ops->destroy(obj);
}

static inline size_t handle_to_index(HANDLE h)
{
    ULONG_PTR v = (ULONG_PTR)h;
    if (v < 4 || (v & 3))
        return (size_t)-1;
    return v / 4 - 1;
}

/* Takes over the caller's reference to obj on success. */
NTSTATUS handle_alloc(struct object *obj, ACCESS_MASK access, ULONG attributes, HANDLE *out)
{
    size_t i;
    pthread_mutex_lock(&handle_lock);
    for (i = handle_free_hint; i < handle_count; i++)
        if (!handles[i].obj)
            break;
    if (i == handle_count) {
        size_t n = handle_count ? handle_count * 2 : 64;
        struct handle_entry *grown = n <= MAX_HANDLES ? realloc(handles, n * sizeof(*grown)) : NULL;
        if (!grown) {
            pthread_mutex_unlock(&handle_lock);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        for (size_t j = handle_count; j < n; j++)
            grown[j].obj = NULL;
        handles = grown;
        handle_count = n;
    }
    handles[i].obj = obj;
    handles[i].access = access;
    handles[i].attributes = attributes;
    handle_free_hint = i + 1;
    pthread_mutex_unlock(&handle_lock);
    *out = (HANDLE)(ULONG_PTR)((i + 1) * 4);
    TRACE("%p -> %s object %p\n", *out, obj->ops->name, obj);
    return STATUS_SUCCESS;
}

NTSTATUS handle_get(HANDLE handle, enum object_type type, struct object **out, ACCESS_MASK *access)
{
    size_t i = handle_to_index(handle);
    NTSTATUS status = STATUS_INVALID_HANDLE;
    pthread_mutex_lock(&handle_lock);
    if (i < handle_count && handles[i].obj) {
        if (type && handles[i].obj->type != type) {
            status = STATUS_OBJECT_TYPE_MISMATCH;
        } else {
            *out = object_ref(handles[i].obj);
            if (access)
                *access = handles[i].access;
            status = STATUS_SUCCESS;
        }
    }
    pthread_mutex_unlock(&handle_lock);
    return status;
}

NTSTATUS handle_close(HANDLE handle)
{
    size_t i = handle_to_index(handle);
    struct object *obj = NULL;
    pthread_mutex_lock(&handle_lock);
    if (i < handle_count && handles[i].obj) {
        obj = handles[i].obj;
        handles[i].obj = NULL;
        if (i < handle_free_hint)
            handle_free_hint = i;
    }
    pthread_mutex_unlock(&handle_lock);
    if (!obj)
        return STATUS_INVALID_HANDLE;
    object_unref(obj);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtClose
 */
NTSTATUS WINAPI NtClose(HANDLE handle)
{
    TRACE("%p\n", handle);
    if (handle == NtCurrentProcess() || handle == NtCurrentThread())
        return STATUS_SUCCESS;
    return handle_close(handle);
}

/***********************************************************************
 *           NtDuplicateObject
 */
NTSTATUS WINAPI NtDuplicateObject(HANDLE src_process, HANDLE src, HANDLE dst_process, HANDLE *dst,
                                  ACCESS_MASK access, ULONG attributes, ULONG options)
{
    struct object *obj;
    ACCESS_MASK src_access;
    NTSTATUS status;

    TRACE("%p %p %p %p %#x %#x %#x\n", src_process, src, dst_process, dst, access, attributes, options);
    if (options & ~(DUPLICATE_CLOSE_SOURCE | DUPLICATE_SAME_ACCESS | 4 /* SAME_ATTRIBUTES */))
        return STATUS_INVALID_PARAMETER;
    if (src_process != NtCurrentProcess() || (dst && dst_process != NtCurrentProcess())) {
        FIXME("duplicating between processes is not implemented yet\n");
        return STATUS_NOT_IMPLEMENTED;
    }
    if ((status = handle_get(src, 0, &obj, &src_access)))
        return status;
    if (options & DUPLICATE_SAME_ACCESS)
        access = src_access;
    if (dst)
        status = handle_alloc(obj, access, attributes, dst);
    else
        object_unref(obj);
    if (status)
        object_unref(obj);
    if (options & DUPLICATE_CLOSE_SOURCE)
        handle_close(src);
    return status;
}
