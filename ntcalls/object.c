/* object.c: reference-counted kernel objects and the process's handle table. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
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

/* A handle at a given value (a handle inherited from a vinho parent keeps its value). Takes over
 * the caller's reference on success. */
NTSTATUS handle_alloc_at(struct object *obj, ACCESS_MASK access, ULONG attributes, HANDLE value)
{
    size_t i = handle_to_index(value);
    NTSTATUS status = STATUS_SUCCESS;
    if (i >= MAX_HANDLES)
        return STATUS_INVALID_HANDLE;
    pthread_mutex_lock(&handle_lock);
    if (i >= handle_count) {
        size_t n = handle_count ? handle_count : 64;
        while (n <= i)
            n *= 2;
        struct handle_entry *grown = realloc(handles, n * sizeof(*grown));
        if (!grown) {
            status = STATUS_INSUFFICIENT_RESOURCES;
            goto out;
        }
        for (size_t j = handle_count; j < n; j++)
            grown[j].obj = NULL;
        handles = grown;
        handle_count = n;
    }
    if (handles[i].obj) {
        status = STATUS_OBJECT_NAME_COLLISION;
        goto out;
    }
    handles[i].obj = obj;
    handles[i].access = access;
    handles[i].attributes = attributes;
out:
    pthread_mutex_unlock(&handle_lock);
    return status;
}

/* The handles marked inheritable (OBJ_INHERIT) whose object has the given type, with a reference
 * each; *count in: room in the arrays, out: how many there are (may exceed the room). */
void handle_list_inheritable(enum object_type type, HANDLE *values, struct object **objs,
                             ACCESS_MASK *access, ULONG *attributes, size_t *count)
{
    size_t room = *count, n = 0;
    pthread_mutex_lock(&handle_lock);
    for (size_t i = 0; i < handle_count; i++) {
        if (!handles[i].obj || !(handles[i].attributes & OBJ_INHERIT) || handles[i].obj->type != type)
            continue;
        if (n < room) {
            values[n] = (HANDLE)(ULONG_PTR)((i + 1) * 4);
            objs[n] = object_ref(handles[i].obj);
            access[n] = handles[i].access;
            attributes[n] = handles[i].attributes;
        }
        n++;
    }
    pthread_mutex_unlock(&handle_lock);
    *count = n;
}

/* OBJECT_HANDLE_FLAG_INFORMATION (class 4): the two flags SetHandleInformation changes. */
#define ObjectHandleFlagInformation 4
struct handle_flags { BOOLEAN inherit, protect_from_close; };

/***********************************************************************
 *           NtQueryObject
 */
NTSTATUS WINAPI NtQueryObject(HANDLE handle, OBJECT_INFORMATION_CLASS info_class, PVOID info,
                              ULONG length, ULONG *result_length)
{
    struct handle_flags flags = { 0 };
    size_t i = handle_to_index(handle);
    NTSTATUS status = STATUS_INVALID_HANDLE;

    TRACE("%p class %u\n", handle, info_class);
    if (info_class != ObjectHandleFlagInformation) {
        FIXME("object information class %u is not implemented\n", info_class);
        return STATUS_NOT_IMPLEMENTED;
    }
    if (length < sizeof(flags))
        return STATUS_INFO_LENGTH_MISMATCH;
    pthread_mutex_lock(&handle_lock);
    if (i < handle_count && handles[i].obj) {
        flags.inherit = !!(handles[i].attributes & OBJ_INHERIT);
        flags.protect_from_close = !!(handles[i].attributes & 1 /* OBJ_PROTECT_CLOSE */);
        status = STATUS_SUCCESS;
    }
    pthread_mutex_unlock(&handle_lock);
    if (status)
        return status;
    memcpy(info, &flags, sizeof(flags));    /* caller memory: with no lock held */
    if (result_length)
        *result_length = sizeof(flags);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtSetInformationObject
 */
NTSTATUS WINAPI NtSetInformationObject(HANDLE handle, OBJECT_INFORMATION_CLASS info_class,
                                       PVOID info, ULONG length)
{
    struct handle_flags flags;
    size_t i = handle_to_index(handle);
    NTSTATUS status = STATUS_INVALID_HANDLE;

    TRACE("%p class %u\n", handle, info_class);
    if (info_class != ObjectHandleFlagInformation) {
        FIXME("object information class %u is not implemented\n", info_class);
        return STATUS_NOT_IMPLEMENTED;
    }
    if (length < sizeof(flags))
        return STATUS_INFO_LENGTH_MISMATCH;
    memcpy(&flags, info, sizeof(flags));
    pthread_mutex_lock(&handle_lock);
    if (i < handle_count && handles[i].obj) {
        handles[i].attributes &= ~(OBJ_INHERIT | 1);
        handles[i].attributes |= (flags.inherit ? OBJ_INHERIT : 0) | (flags.protect_from_close ? 1 : 0);
        status = STATUS_SUCCESS;
    }
    pthread_mutex_unlock(&handle_lock);
    return status;
}
