/* object.c: reference-counted kernel objects, the process's handle table and the process-local
 * namespace of named objects. */
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

static pthread_rwlock_t handle_lock = PTHREAD_RWLOCK_INITIALIZER;   /* read: handle_get and queries */
static struct handle_entry *handles;
static size_t handle_count, handle_free_hint;
#define MAX_HANDLES (1u << 24)

/* A name in the namespace. It does not hold a reference: the object's last unref removes it. */
struct named_entry {
    struct named_entry *next;
    struct object *obj;
    bool case_insensitive;
    size_t len;                     /* in WCHARs */
    WCHAR name[];                   /* canonical: see canonical_name() */
};

#define NAME_BUCKETS 256
static pthread_mutex_t name_lock = PTHREAD_MUTEX_INITIALIZER;
static struct named_entry *name_table[NAME_BUCKETS];

static void name_remove(struct object *obj);

void object_init(struct object *obj, enum object_type type, const struct object_ops *ops)
{
    obj->refs = 1;
    obj->type = type;
    obj->ops = ops;
    obj->name = NULL;
    obj->handles = 0;
}

struct object *object_ref(struct object *obj)
{
    __atomic_add_fetch(&obj->refs, 1, __ATOMIC_RELAXED);
    return obj;
}

void object_unref(struct object *obj)
{
    if (__atomic_sub_fetch(&obj->refs, 1, __ATOMIC_ACQ_REL) == 0) {
        if (__atomic_load_n(&obj->name, __ATOMIC_ACQUIRE))
            name_remove(obj);
        obj->ops->destroy(obj);
    }
}

/* A reference to an object found in the namespace, unless its last reference is already gone
 * (it is being destroyed and its name is about to go). */
static bool object_ref_live(struct object *obj)
{
    int refs = __atomic_load_n(&obj->refs, __ATOMIC_RELAXED);
    while (refs > 0)
        if (__atomic_compare_exchange_n(&obj->refs, &refs, refs + 1, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED))
            return true;
    return false;
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
    pthread_rwlock_wrlock(&handle_lock);
    for (i = handle_free_hint; i < handle_count; i++)
        if (!handles[i].obj)
            break;
    if (i == handle_count) {
        size_t n = handle_count ? handle_count * 2 : 64;
        struct handle_entry *grown = n <= MAX_HANDLES ? realloc(handles, n * sizeof(*grown)) : NULL;
        if (!grown) {
            pthread_rwlock_unlock(&handle_lock);
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
    __atomic_add_fetch(&obj->handles, 1, __ATOMIC_RELAXED);
    handle_free_hint = i + 1;
    pthread_rwlock_unlock(&handle_lock);
    *out = (HANDLE)(ULONG_PTR)((i + 1) * 4);
    TRACE("%p -> %s object %p\n", *out, obj->ops->name, obj);
    return STATUS_SUCCESS;
}

NTSTATUS handle_get(HANDLE handle, enum object_type type, struct object **out, ACCESS_MASK *access)
{
    size_t i = handle_to_index(handle);
    NTSTATUS status = STATUS_INVALID_HANDLE;
    if (handle == NtCurrentThread()) {
        if (type && type != OBJ_THREAD)
            return STATUS_OBJECT_TYPE_MISMATCH;
        *out = object_ref(&thread_current()->obj);
        if (access)
            *access = 0x1fffff;     /* THREAD_ALL_ACCESS */
        return STATUS_SUCCESS;
    }
    pthread_rwlock_rdlock(&handle_lock);
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
    pthread_rwlock_unlock(&handle_lock);
    return status;
}

NTSTATUS handle_close(HANDLE handle)
{
    size_t i = handle_to_index(handle);
    struct object *obj = NULL;
    pthread_rwlock_wrlock(&handle_lock);
    if (i < handle_count && handles[i].obj) {
        obj = handles[i].obj;
        handles[i].obj = NULL;
        if (i < handle_free_hint)
            handle_free_hint = i;
    }
    pthread_rwlock_unlock(&handle_lock);
    if (!obj)
        return STATUS_INVALID_HANDLE;
    if (!__atomic_sub_fetch(&obj->handles, 1, __ATOMIC_ACQ_REL) && obj->ops->last_handle_closed)
        obj->ops->last_handle_closed(obj);
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

/* ---- the namespace ---- */

static const WCHAR global_dir[] = u"\\BaseNamedObjects\\";
static const WCHAR session_dir[] = u"\\Sessions\\1\\BaseNamedObjects\\";

static bool has_prefix(const WCHAR *s, size_t len, const WCHAR *prefix, bool nocase)
{
    size_t n = 0;
    for (; prefix[n]; n++) {
        WCHAR a = n < len ? s[n] : 0, b = prefix[n];
        if (nocase && a < 128 && b < 128) {
            a = a >= 'A' && a <= 'Z' ? a + 32 : a;
            b = b >= 'A' && b <= 'Z' ? b + 32 : b;
        }
        if (a != b)
            return false;
    }
    return true;
}

static size_t wlen(const WCHAR *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

/* The canonical name of an object: the directory (global or session) and the name under it, in
 * a malloc'ed buffer. "Global\x" in the session folder means the global folder; "Local\x" is the
 * session folder (which is where a plain name goes, as Win32 callers name objects). The prefixes
 * themselves are matched without regard to case, as Windows does for directory names. */
static NTSTATUS canonical_name(const UNICODE_STRING *us, WCHAR **out, size_t *out_len)
{
    size_t len = us->Length / sizeof(WCHAR), dir_len;
    const WCHAR *s = us->Buffer, *dir;

    if (us->Length & 1)
        return STATUS_OBJECT_NAME_INVALID;
    if (!len || s[0] != '\\')
        return STATUS_OBJECT_PATH_SYNTAX_BAD;
    if (has_prefix(s, len, session_dir, true)) {
        dir = session_dir;
        s += wlen(session_dir);
    } else if (has_prefix(s, len, global_dir, true)) {
        dir = global_dir;
        s += wlen(global_dir);
    } else {
        FIXME("only names under \\BaseNamedObjects exist yet: %s\n", debugstr_wn(us->Buffer, len));
        return STATUS_OBJECT_PATH_NOT_FOUND;
    }
    len = us->Buffer + len - s;
    if (has_prefix(s, len, u"Global\\", true)) {
        dir = global_dir;
        s += 7, len -= 7;
    } else if (has_prefix(s, len, u"Local\\", true)) {
        dir = session_dir;
        s += 6, len -= 6;
    }
    if (!len)
        return STATUS_OBJECT_NAME_INVALID;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\\')
            return STATUS_OBJECT_PATH_NOT_FOUND;    /* no subfolders */
    dir_len = wlen(dir);
    if (!(*out = malloc((dir_len + len) * sizeof(WCHAR))))
        return STATUS_NO_MEMORY;
    memcpy(*out, dir, dir_len * sizeof(WCHAR));
    memcpy(*out + dir_len, s, len * sizeof(WCHAR));
    *out_len = dir_len + len;
    return STATUS_SUCCESS;
}

static inline WCHAR fold(WCHAR c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Case-blind, so that names differing in case meet in one bucket. */
static unsigned name_hash(const WCHAR *s, size_t len)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ fold(s[i])) * 16777619u;
    return h % NAME_BUCKETS;
}

/* Only ASCII letters are folded for OBJ_CASE_INSENSITIVE: Win32's callers do not ask for it. */
static bool name_equal(const struct named_entry *e, const WCHAR *s, size_t len, bool nocase)
{
    if (e->len != len)
        return false;
    if (!nocase && !e->case_insensitive)
        return !memcmp(e->name, s, len * sizeof(WCHAR));
    for (size_t i = 0; i < len; i++)
        if (fold(e->name[i]) != fold(s[i]))
            return false;
    return true;
}

/* name_lock held. Entries of objects being destroyed are skipped. */
static struct named_entry *name_find(const WCHAR *s, size_t len, bool nocase)
{
    for (struct named_entry *e = name_table[name_hash(s, len)]; e; e = e->next)
        if (name_equal(e, s, len, nocase) && __atomic_load_n(&e->obj->refs, __ATOMIC_RELAXED) > 0)
            return e;
    return NULL;
}

static void name_remove(struct object *obj)
{
    struct named_entry *e, **p;
    pthread_mutex_lock(&name_lock);
    if ((e = obj->name)) {
        for (p = &name_table[name_hash(e->name, e->len)]; *p; p = &(*p)->next)
            if (*p == e) {
                *p = e->next;
                break;
            }
        obj->name = NULL;
    }
    pthread_mutex_unlock(&name_lock);
    free(e);
}

/* The caller's UNICODE_STRING, copied: the namespace's lock is never held while reading it. */
static NTSTATUS read_name(const OBJECT_ATTRIBUTES *attr, WCHAR **name, size_t *len, bool *nocase)
{
    UNICODE_STRING us = *attr->ObjectName;
    NTSTATUS status;
    if (attr->RootDirectory) {
        FIXME("names relative to a directory handle are not implemented yet\n");
        return STATUS_NOT_IMPLEMENTED;
    }
    if (!us.Buffer)
        return STATUS_OBJECT_NAME_INVALID;
    if ((status = canonical_name(&us, name, len)))
        return status;
    *nocase = (attr->Attributes & OBJ_CASE_INSENSITIVE) != 0;
    return STATUS_SUCCESS;
}

NTSTATUS object_create_named(struct object *obj, const OBJECT_ATTRIBUTES *attr, struct object **existing)
{
    struct named_entry *e, *found;
    WCHAR *name;
    size_t len;
    bool nocase;
    NTSTATUS status;

    *existing = NULL;
    if (!object_attr_has_name(attr))
        return STATUS_SUCCESS;
    if ((status = read_name(attr, &name, &len, &nocase)))
        return status;
    if (!(e = malloc(sizeof(*e) + len * sizeof(WCHAR)))) {
        free(name);
        return STATUS_NO_MEMORY;
    }
    e->obj = obj;
    e->len = len;
    e->case_insensitive = nocase;
    memcpy(e->name, name, len * sizeof(WCHAR));
    free(name);
    pthread_mutex_lock(&name_lock);
    if ((found = name_find(e->name, len, nocase)) && object_ref_live(found->obj)) {
        *existing = found->obj;     /* released below, with no lock held, unless it is used */
        if (found->obj->type != obj->type)
            status = STATUS_OBJECT_TYPE_MISMATCH;
        else
            status = (attr->Attributes & OBJ_OPENIF) ? STATUS_OBJECT_NAME_EXISTS
                                                     : STATUS_OBJECT_NAME_COLLISION;
    } else {
        unsigned h = name_hash(e->name, len);
        e->next = name_table[h];
        name_table[h] = e;
        __atomic_store_n(&obj->name, e, __ATOMIC_RELEASE);
        e = NULL;
    }
    pthread_mutex_unlock(&name_lock);
    free(e);
    if (status == STATUS_OBJECT_NAME_COLLISION || status == STATUS_OBJECT_TYPE_MISMATCH) {
        object_unref(*existing);
        *existing = NULL;
    }
    return status;
}

NTSTATUS object_open_named(const OBJECT_ATTRIBUTES *attr, enum object_type type, struct object **out)
{
    struct named_entry *e;
    WCHAR *name;
    size_t len;
    bool nocase;
    NTSTATUS status;

    if (!attr || !attr->ObjectName)
        return STATUS_OBJECT_PATH_SYNTAX_BAD;
    if (!attr->ObjectName->Length)
        return STATUS_OBJECT_NAME_INVALID;
    if ((status = read_name(attr, &name, &len, &nocase)))
        return status;
    status = STATUS_OBJECT_NAME_NOT_FOUND;
    pthread_mutex_lock(&name_lock);
    if ((e = name_find(name, len, nocase)) && object_ref_live(e->obj)) {
        *out = e->obj;
        status = STATUS_SUCCESS;
    }
    pthread_mutex_unlock(&name_lock);
    free(name);
    if (!status && type && (*out)->type != type) {
        object_unref(*out);
        status = STATUS_OBJECT_TYPE_MISMATCH;
    }
    return status;
}

NTSTATUS object_create_handle(struct object *obj, const OBJECT_ATTRIBUTES *attr, ACCESS_MASK access,
                              HANDLE *handle)
{
    struct object *existing;
    NTSTATUS status = object_create_named(obj, attr, &existing);
    ULONG attributes = attr ? attr->Attributes : 0;
    NTSTATUS hstatus;

    if (existing) {     /* STATUS_OBJECT_NAME_EXISTS: the new object is not needed */
        object_unref(obj);
        obj = existing;
    } else if (status) {
        object_unref(obj);
        return status;
    }
    if ((hstatus = handle_alloc(obj, access, attributes, handle))) {
        object_unref(obj);
        return hstatus;
    }
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
    pthread_rwlock_wrlock(&handle_lock);
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
    __atomic_add_fetch(&obj->handles, 1, __ATOMIC_RELAXED);
out:
    pthread_rwlock_unlock(&handle_lock);
    return status;
}

/* The handles marked inheritable (OBJ_INHERIT) whose object has the given type, with a reference
 * each; *count in: room in the arrays, out: how many there are (may exceed the room). */
void handle_list_inheritable(enum object_type type, HANDLE *values, struct object **objs,
                             ACCESS_MASK *access, ULONG *attributes, size_t *count)
{
    size_t room = *count, n = 0;
    pthread_rwlock_rdlock(&handle_lock);
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
    pthread_rwlock_unlock(&handle_lock);
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
    pthread_rwlock_rdlock(&handle_lock);
    if (i < handle_count && handles[i].obj) {
        flags.inherit = !!(handles[i].attributes & OBJ_INHERIT);
        flags.protect_from_close = !!(handles[i].attributes & 1 /* OBJ_PROTECT_CLOSE */);
        status = STATUS_SUCCESS;
    }
    pthread_rwlock_unlock(&handle_lock);
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
    pthread_rwlock_wrlock(&handle_lock);
    if (i < handle_count && handles[i].obj) {
        handles[i].attributes &= ~(OBJ_INHERIT | 1);
        handles[i].attributes |= (flags.inherit ? OBJ_INHERIT : 0) | (flags.protect_from_close ? 1 : 0);
        status = STATUS_SUCCESS;
    }
    pthread_rwlock_unlock(&handle_lock);
    return status;
}
