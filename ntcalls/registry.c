/* registry.c: the registry, a tree of keys and values kept in this process (docs/registry.md). */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/regdefs.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(reg);

/* A value kind outside enum object_type, so that this file needs no shared edit; see the FIXME in
 * docs/registry.md (the server will own keys). */
#define OBJ_KEY ((enum object_type)0x4b6579)

#define MAX_KEY_NAME 255            /* characters of one path component */
#define MAX_VALUE_NAME 16383

struct reg_value {
    WCHAR *name;
    size_t name_len;                /* characters */
    ULONG type;
    void *data;
    ULONG size;
};

struct reg_key {
    WCHAR *name;
    size_t name_len;
    struct reg_key *parent;         /* NULL for \Registry and for deleted keys */
    struct reg_key **subkeys;       /* sorted by folded name, as Windows enumerates them */
    size_t nsubkeys, subkeys_cap;
    struct reg_value *values;       /* in creation order */
    size_t nvalues, values_cap;
    WCHAR *class_name;
    size_t class_len;
    LONGLONG last_write;
    bool is_volatile, deleted;
    int refs;                       /* handles, plus one while the key is in the tree */
};

struct key_object {
    struct object obj;
    struct reg_key *key;
};

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t reg_once = PTHREAD_ONCE_INIT;
static struct reg_key *reg_root;    /* \Registry */

/* Simple case folding for names: ASCII, Latin-1, Greek and Cyrillic (docs/registry.md). */
static WCHAR fold(WCHAR c)
{
    if (c >= 'a' && c <= 'z') return c - 0x20;
    if (c < 0x80) return c;
    if (c >= 0xe0 && c <= 0xfe && c != 0xf7) return c - 0x20;
    if (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) return c - 0x20;
    if (c >= 0x430 && c <= 0x44f) return c - 0x20;
    if (c >= 0x450 && c <= 0x45f) return c - 0x50;
    return c;
}

static int name_cmp(const WCHAR *a, size_t alen, const WCHAR *b, size_t blen)
{
    for (size_t i = 0; i < alen && i < blen; i++) {
        WCHAR x = fold(a[i]), y = fold(b[i]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return alen < blen ? -1 : alen > blen;
}

static LONGLONG now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return timespec_to_filetime(&ts);
}

static WCHAR *wdup(const WCHAR *s, size_t len)
{
    WCHAR *d = malloc((len + 1) * sizeof(WCHAR));
    if (d) {
        memcpy(d, s, len * sizeof(WCHAR));
        d[len] = 0;
    }
    return d;
}

/* Index of the subkey named name, or where it would go (*found false). */
static size_t find_subkey(const struct reg_key *key, const WCHAR *name, size_t len, bool *found)
{
    size_t lo = 0, hi = key->nsubkeys;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = name_cmp(key->subkeys[mid]->name, key->subkeys[mid]->name_len, name, len);
        if (!c) {
            *found = true;
            return mid;
        }
        if (c < 0) lo = mid + 1; else hi = mid;
    }
    *found = false;
    return lo;
}

static struct reg_key *add_subkey(struct reg_key *parent, const WCHAR *name, size_t len, size_t at,
                                  bool is_volatile)
{
    struct reg_key *key = calloc(1, sizeof(*key));
    if (!key || !(key->name = wdup(name, len))) {
        free(key);
        return NULL;
    }
    if (parent->nsubkeys == parent->subkeys_cap) {
        size_t cap = parent->subkeys_cap ? parent->subkeys_cap * 2 : 4;
        struct reg_key **grown = realloc(parent->subkeys, cap * sizeof(*grown));
        if (!grown) {
            free(key->name);
            free(key);
            return NULL;
        }
        parent->subkeys = grown;
        parent->subkeys_cap = cap;
    }
    memmove(parent->subkeys + at + 1, parent->subkeys + at,
            (parent->nsubkeys - at) * sizeof(*parent->subkeys));
    parent->subkeys[at] = key;
    parent->nsubkeys++;
    key->name_len = len;
    key->parent = parent;
    key->is_volatile = is_volatile;
    key->refs = 1;
    key->last_write = parent->last_write = now();
    return key;
}

static void free_key(struct reg_key *key)
{
    for (size_t i = 0; i < key->nvalues; i++) {
        free(key->values[i].name);
        free(key->values[i].data);
    }
    free(key->values);
    free(key->subkeys);
    free(key->class_name);
    free(key->name);
    free(key);
}

static void key_release(struct reg_key *key)
{
    if (--key->refs == 0)
        free_key(key);
}

static struct reg_value *find_value(struct reg_key *key, const WCHAR *name, size_t len)
{
    for (size_t i = 0; i < key->nvalues; i++)
        if (!name_cmp(key->values[i].name, key->values[i].name_len, name, len))
            return &key->values[i];
    return NULL;
}

static NTSTATUS set_value(struct reg_key *key, const WCHAR *name, size_t len, ULONG type,
                          const void *data, ULONG size)
{
    struct reg_value *v = find_value(key, name, len);
    void *copy = malloc(size ? size : 1);
    if (!copy)
        return STATUS_NO_MEMORY;
    memcpy(copy, data, size);
    if (!v) {
        if (key->nvalues == key->values_cap) {
            size_t cap = key->values_cap ? key->values_cap * 2 : 4;
            struct reg_value *grown = realloc(key->values, cap * sizeof(*grown));
            if (!grown) {
                free(copy);
                return STATUS_NO_MEMORY;
            }
            key->values = grown;
            key->values_cap = cap;
        }
        v = &key->values[key->nvalues];
        if (!(v->name = wdup(name, len))) {
            free(copy);
            return STATUS_NO_MEMORY;
        }
        v->name_len = len;
        key->nvalues++;
    } else {
        free(v->data);
    }
    v->type = type;
    v->data = copy;
    v->size = size;
    key->last_write = now();
    return STATUS_SUCCESS;
}

/* Walks path below start; components are separated by backslashes. create: make the last key
 * if missing (NtCreateKey makes one level); create_path: make the keys on the way too (only for
 * the default tree). Called with reg_lock held; *out is referenced for the caller. */
static NTSTATUS walk(struct reg_key *start, const WCHAR *path, size_t len, bool create,
                     bool create_path, bool is_volatile, struct reg_key **out, bool *created)
{
    struct reg_key *key = start;
    size_t i = 0;
    *created = false;
    if (start->deleted)
        return STATUS_KEY_DELETED;
    while (i < len) {
        size_t j = i, at;
        bool found, last;
        while (j < len && path[j] != '\\')
            j++;
        last = j + 1 >= len;
        if (j == i) {           /* a trailing backslash is accepted; "a\\\\b" is not */
            if (last)
                break;
            return STATUS_OBJECT_NAME_INVALID;
        }
        if (j - i > MAX_KEY_NAME)
            return STATUS_INVALID_PARAMETER;
        at = find_subkey(key, path + i, j - i, &found);
        if (found) {
            key = key->subkeys[at];
        } else if (!create || (!last && !create_path)) {
            return STATUS_OBJECT_NAME_NOT_FOUND;
        } else {
            if (key->is_volatile && !is_volatile)
                return STATUS_CHILD_MUST_BE_VOLATILE;
            if (!(key = add_subkey(key, path + i, j - i, at, is_volatile)))
                return STATUS_NO_MEMORY;
            *created = last;
        }
        i = j + 1;
    }
    key->refs++;
    *out = key;
    return STATUS_SUCCESS;
}

/* The default tree: keys and values programs read to learn about the system. */
struct default_value {
    const char *path;       /* below \Registry */
    const char *name;       /* NULL: the key only */
    ULONG type;
    const char *str;        /* REG_SZ / REG_EXPAND_SZ */
    ULONG dword;            /* REG_DWORD */
};
#define NT_CV "Machine\\Software\\Microsoft\\Windows NT\\CurrentVersion"
#define WIN_CV "Machine\\Software\\Microsoft\\Windows\\CurrentVersion"
#define CCS "Machine\\System\\CurrentControlSet"
#define HKCU "User\\" VN_USER_SID_STRING
static const struct default_value default_values[] = {
    { NT_CV, "ProductName", REG_SZ, "Windows 10 Pro" },
    { NT_CV, "EditionID", REG_SZ, "Professional" },
    { NT_CV, "InstallationType", REG_SZ, "Client" },
    { NT_CV, "CurrentVersion", REG_SZ, "6.3" },
    { NT_CV, "CurrentMajorVersionNumber", REG_DWORD, NULL, 10 },
    { NT_CV, "CurrentMinorVersionNumber", REG_DWORD, NULL, 0 },
    { NT_CV, "CurrentBuild", REG_SZ, "19045" },
    { NT_CV, "CurrentBuildNumber", REG_SZ, "19045" },
    { NT_CV, "ReleaseId", REG_SZ, "2009" },
    { NT_CV, "DisplayVersion", REG_SZ, "22H2" },
    { NT_CV, "CurrentType", REG_SZ, "Multiprocessor Free" },
    { NT_CV, "SystemRoot", REG_SZ, "C:\\windows" },
    { NT_CV, "RegisteredOwner", REG_SZ, "vinho" },
    { WIN_CV, "ProgramFilesDir", REG_SZ, "C:\\Program Files" },
    { WIN_CV, "ProgramFilesDir (x86)", REG_SZ, "C:\\Program Files (x86)" },
    { WIN_CV, "CommonFilesDir", REG_SZ, "C:\\Program Files\\Common Files" },
    { WIN_CV, "ProgramFilesPath", REG_EXPAND_SZ, "%ProgramFiles%" },
    { "Machine\\Software\\Classes" },
    { "Machine\\Software\\Wow6432Node" },
    { CCS "\\Control\\Nls\\CodePage", "ACP", REG_SZ, "1252" },
    { CCS "\\Control\\Nls\\CodePage", "OEMCP", REG_SZ, "437" },
    { CCS "\\Control\\Nls\\CodePage", "MACCP", REG_SZ, "10000" },
    { CCS "\\Control\\Nls\\Language", "Default", REG_SZ, "0409" },
    { CCS "\\Control\\Session Manager\\Environment", "ComSpec", REG_EXPAND_SZ,
      "%SystemRoot%\\system32\\cmd.exe" },
    { CCS "\\Control\\Session Manager\\Environment", "OS", REG_SZ, "Windows_NT" },
    { CCS "\\Control\\Session Manager\\Environment", "PATHEXT", REG_SZ,
      ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC" },
    { CCS "\\Control\\Session Manager\\Environment", "PROCESSOR_ARCHITECTURE", REG_SZ, "AMD64" },
    { CCS "\\Control\\Session Manager\\Environment", "windir", REG_EXPAND_SZ, "%SystemRoot%" },
    { CCS "\\Control\\Session Manager\\Environment", "TEMP", REG_EXPAND_SZ, "%SystemRoot%\\TEMP" },
    { CCS "\\Control\\ComputerName\\ComputerName", "ComputerName", REG_SZ, "VINHO" },
    { CCS "\\Control\\TimeZoneInformation" },
    { "Machine\\System\\CurrentControlSet\\Hardware Profiles\\Current" },
    { "Machine\\Hardware\\Description\\System\\CentralProcessor\\0" },
    { "User\\.DEFAULT" },
    { HKCU "\\Environment" },
    { HKCU "\\Software\\Microsoft\\Windows\\CurrentVersion" },
    { HKCU "\\Control Panel\\International", "LocaleName", REG_SZ, "en-US" },
    { HKCU "\\Control Panel\\International", "sDecimal", REG_SZ, "." },
    { HKCU "\\Control Panel\\International", "sThousand", REG_SZ, "," },
    { HKCU "\\Volatile Environment" },
};

static WCHAR *ascii_to_w(const char *s, size_t *len)
{
    size_t n = strlen(s);
    WCHAR *w = malloc((n + 1) * sizeof(WCHAR));
    if (!w)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        w[i] = (unsigned char)s[i];
    *len = n;
    return w;
}

static void add_default(const struct default_value *d)
{
    struct reg_key *key;
    size_t len, nlen;
    bool created;
    WCHAR *path = ascii_to_w(d->path, &len), *name;
    if (!path || walk(reg_root, path, len, true, true, false, &key, &created)) {
        ERR("cannot create %s\n", d->path);
        free(path);
        return;
    }
    free(path);
    if (d->name && (name = ascii_to_w(d->name, &nlen))) {
        if (d->type == REG_DWORD) {
            set_value(key, name, nlen, REG_DWORD, &d->dword, sizeof(d->dword));
        } else {
            size_t vlen;
            WCHAR *str = ascii_to_w(d->str, &vlen);
            if (str)
                set_value(key, name, nlen, d->type, str, (vlen + 1) * sizeof(WCHAR));
            free(str);
        }
        free(name);
    }
    key_release(key);
}

static void reg_init(void)
{
    static const WCHAR registry[] = { 'R','E','G','I','S','T','R','Y' };
    reg_root = calloc(1, sizeof(*reg_root));
    if (!reg_root || !(reg_root->name = wdup(registry, 8)))
        abort();
    reg_root->name_len = 8;
    reg_root->refs = 1;
    for (size_t i = 0; i < sizeof(default_values) / sizeof(default_values[0]); i++)
        add_default(&default_values[i]);
}

/* Key handles. */
static void key_object_destroy(struct object *obj)
{
    struct key_object *ko = (struct key_object *)obj;
    pthread_mutex_lock(&reg_lock);
    key_release(ko->key);
    pthread_mutex_unlock(&reg_lock);
    free(ko);
}
static const struct object_ops key_ops = { "key", key_object_destroy };

/* Takes over the caller's reference to key. */
static NTSTATUS key_handle(struct reg_key *key, ACCESS_MASK access, ULONG attributes, HANDLE *out)
{
    struct key_object *ko = calloc(1, sizeof(*ko));
    NTSTATUS status;
    if (!ko) {
        pthread_mutex_lock(&reg_lock);
        key_release(key);
        pthread_mutex_unlock(&reg_lock);
        return STATUS_NO_MEMORY;
    }
    object_init(&ko->obj, OBJ_KEY, &key_ops);
    ko->key = key;
    if ((status = handle_alloc(&ko->obj, access, attributes, out)))
        object_unref(&ko->obj);
    return status;
}

/* The key behind a handle, referenced (release with key_put); STATUS_KEY_DELETED for a key that
 * has been deleted. */
static NTSTATUS key_get(HANDLE handle, struct key_object **out)
{
    NTSTATUS status = handle_get(handle, OBJ_KEY, (struct object **)out, NULL);
    if (status == STATUS_OBJECT_TYPE_MISMATCH)
        status = STATUS_INVALID_HANDLE;
    return status;
}

static void key_put(struct key_object *ko)
{
    object_unref(&ko->obj);
}

/* A copy of a caller's UNICODE_STRING, made before any lock is taken (the read may fault). */
static NTSTATUS copy_name(const UNICODE_STRING *us, WCHAR **out, size_t *len)
{
    size_t n = us ? us->Length / sizeof(WCHAR) : 0;
    *out = malloc((n + 1) * sizeof(WCHAR));
    if (!*out)
        return STATUS_NO_MEMORY;
    if (n)
        memcpy(*out, us->Buffer, n * sizeof(WCHAR));
    (*out)[n] = 0;
    *len = n;
    return STATUS_SUCCESS;
}

static const WCHAR registry_prefix[] = { '\\','R','E','G','I','S','T','R','Y' };

static NTSTATUS open_or_create(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                               bool create, ULONG options, const UNICODE_STRING *class_name,
                               ULONG *disposition)
{
    const ULONG valid = VN_REG_OPTION_VOLATILE | VN_REG_OPTION_CREATE_LINK
                      | VN_REG_OPTION_BACKUP_RESTORE | VN_REG_OPTION_OPEN_LINK;
    struct key_object *root_obj = NULL;
    struct reg_key *start, *key = NULL;
    WCHAR *path, *cls = NULL, *p;
    size_t len, clen = 0;
    HANDLE root, new_handle;
    ULONG attributes;
    bool created = false;
    NTSTATUS status;

    if (!handle || !attr)
        return STATUS_ACCESS_VIOLATION;
    if (options & ~valid)
        return STATUS_INVALID_PARAMETER;
    if (options & VN_REG_OPTION_CREATE_LINK) {
        FIXME("registry links are not implemented\n");
        return STATUS_NOT_IMPLEMENTED;
    }
    root = attr->RootDirectory;
    attributes = attr->Attributes;
    if ((status = copy_name(attr->ObjectName, &path, &len)))
        return status;
    if (create && class_name && (status = copy_name(class_name, &cls, &clen))) {
        free(path);
        return status;
    }
    TRACE("root %p %s create %d\n", root, debugstr_wn(path, len), create);
    pthread_once(&reg_once, reg_init);
    p = path;
    if (root) {
        if ((status = key_get(root, &root_obj)))
            goto done;
        start = root_obj->key;
        if (len && p[0] == '\\') {
            status = STATUS_OBJECT_PATH_SYNTAX_BAD;
            goto done;
        }
    } else {
        if (!len || p[0] != '\\') {
            status = STATUS_OBJECT_PATH_SYNTAX_BAD;
            goto done;
        }
        if (len < 9 || name_cmp(p, 9, registry_prefix, 9) || (len > 9 && p[9] != '\\')) {
            status = STATUS_OBJECT_NAME_NOT_FOUND;
            goto done;
        }
        start = reg_root;
        p += len > 9 ? 10 : 9;
        len -= len > 9 ? 10 : 9;
    }
    pthread_mutex_lock(&reg_lock);
    status = walk(start, p, len, create, false, options & VN_REG_OPTION_VOLATILE, &key, &created);
    if (!status && created && cls) {
        key->class_name = cls;
        key->class_len = clen;
        cls = NULL;
    }
    pthread_mutex_unlock(&reg_lock);
    if (!status && !(status = key_handle(key, access, attributes, &new_handle))) {
        *handle = new_handle;
        if (disposition)
            *disposition = created ? VN_REG_CREATED_NEW_KEY : VN_REG_OPENED_EXISTING_KEY;
    }
done:
    if (root_obj)
        key_put(root_obj);
    free(path);
    free(cls);
    return status;
}

/***********************************************************************
 *           NtCreateKey / NtOpenKeyEx / NtOpenKey
 */
NTSTATUS WINAPI NtCreateKey(HANDLE *key, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                            ULONG title_index, UNICODE_STRING *class_name, ULONG options,
                            ULONG *disposition)
{
    return open_or_create(key, access, attr, true, options, class_name, disposition);
}

NTSTATUS WINAPI NtOpenKeyEx(HANDLE *key, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr, ULONG options)
{
    return open_or_create(key, access, attr, false, options & ~VN_REG_OPTION_VOLATILE, NULL, NULL);
}

NTSTATUS WINAPI NtOpenKey(HANDLE *key, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr)
{
    return open_or_create(key, access, attr, false, 0, NULL, NULL);
}

/* A query's answer, built under the lock and copied out after it. */
struct answer {
    unsigned char *data;
    ULONG size;         /* bytes the full answer takes */
    ULONG fixed;        /* bytes of its fixed part: less than that is STATUS_BUFFER_TOO_SMALL */
};

static bool answer_alloc(struct answer *a, ULONG fixed, ULONG size)
{
    a->fixed = fixed;
    a->size = size;
    a->data = calloc(1, size);
    return a->data != NULL;
}

static NTSTATUS deliver(struct answer *a, void *info, ULONG length, ULONG *result_length)
{
    NTSTATUS status = STATUS_SUCCESS;
    if (result_length)
        *result_length = a->size;
    if (length < a->fixed)
        status = STATUS_BUFFER_TOO_SMALL;
    else {
        memcpy(info, a->data, length < a->size ? length : a->size);
        if (length < a->size)
            status = STATUS_BUFFER_OVERFLOW;
    }
    free(a->data);
    return status;
}

/* Length in characters of the full name \REGISTRY\...\key. */
static size_t full_name_len(const struct reg_key *key)
{
    size_t n = 0;
    for (; key; key = key->parent)
        n += key->name_len + 1;
    return n;
}

static void full_name(const struct reg_key *key, WCHAR *out, size_t n)
{
    for (; key; key = key->parent) {
        n -= key->name_len;
        memcpy(out + n, key->name, key->name_len * sizeof(WCHAR));
        out[--n] = '\\';
    }
}

static NTSTATUS key_answer(const struct reg_key *key, ULONG info_class, struct answer *a)
{
    ULONG name_bytes = key->name_len * sizeof(WCHAR), class_bytes = key->class_len * sizeof(WCHAR);
    switch (info_class) {
    case VN_KEY_BASIC_INFORMATION: {
        struct vn_key_basic_information *info;
        ULONG fixed = offsetof(struct vn_key_basic_information, Name);
        if (!answer_alloc(a, fixed, fixed + name_bytes))
            return STATUS_NO_MEMORY;
        info = (void *)a->data;
        info->LastWriteTime.QuadPart = key->last_write;
        info->NameLength = name_bytes;
        memcpy(a->data + fixed, key->name, name_bytes);
        return STATUS_SUCCESS;
    }
    case VN_KEY_NODE_INFORMATION: {
        struct vn_key_node_information *info;
        ULONG fixed = offsetof(struct vn_key_node_information, Name);
        if (!answer_alloc(a, fixed, fixed + name_bytes + class_bytes))
            return STATUS_NO_MEMORY;
        info = (void *)a->data;
        info->LastWriteTime.QuadPart = key->last_write;
        info->ClassOffset = class_bytes ? fixed + name_bytes : 0xffffffff;
        info->ClassLength = class_bytes;
        info->NameLength = name_bytes;
        memcpy(a->data + fixed, key->name, name_bytes);
        memcpy(a->data + fixed + name_bytes, key->class_name, class_bytes);
        return STATUS_SUCCESS;
    }
    case VN_KEY_FULL_INFORMATION: {
        struct vn_key_full_information *info;
        ULONG fixed = offsetof(struct vn_key_full_information, Class);
        if (!answer_alloc(a, fixed, fixed + class_bytes))
            return STATUS_NO_MEMORY;
        info = (void *)a->data;
        info->LastWriteTime.QuadPart = key->last_write;
        info->ClassOffset = class_bytes ? fixed : 0xffffffff;
        info->ClassLength = class_bytes;
        info->SubKeys = key->nsubkeys;
        info->Values = key->nvalues;
        for (size_t i = 0; i < key->nsubkeys; i++) {
            ULONG n = key->subkeys[i]->name_len * sizeof(WCHAR), c = key->subkeys[i]->class_len * sizeof(WCHAR);
            if (n > info->MaxNameLen) info->MaxNameLen = n;
            if (c > info->MaxClassLen) info->MaxClassLen = c;
        }
        for (size_t i = 0; i < key->nvalues; i++) {
            ULONG n = key->values[i].name_len * sizeof(WCHAR);
            if (n > info->MaxValueNameLen) info->MaxValueNameLen = n;
            if (key->values[i].size > info->MaxValueDataLen) info->MaxValueDataLen = key->values[i].size;
        }
        memcpy(a->data + fixed, key->class_name, class_bytes);
        return STATUS_SUCCESS;
    }
    case VN_KEY_NAME_INFORMATION: {
        size_t n = full_name_len(key);
        ULONG fixed = offsetof(struct vn_key_name_information, Name);
        if (!answer_alloc(a, fixed, fixed + n * sizeof(WCHAR)))
            return STATUS_NO_MEMORY;
        ((struct vn_key_name_information *)a->data)->NameLength = n * sizeof(WCHAR);
        full_name(key, (WCHAR *)(a->data + fixed), n);
        return STATUS_SUCCESS;
    }
    default:
        FIXME("key information class %u not implemented\n", info_class);
        return STATUS_NOT_IMPLEMENTED;
    }
}

static NTSTATUS value_answer(const struct reg_value *v, ULONG info_class, struct answer *a)
{
    ULONG name_bytes = v->name_len * sizeof(WCHAR);
    switch (info_class) {
    case VN_KEY_VALUE_BASIC_INFORMATION: {
        ULONG fixed = offsetof(struct vn_key_value_basic_information, Name);
        struct vn_key_value_basic_information *info;
        if (!answer_alloc(a, fixed, fixed + name_bytes))
            return STATUS_NO_MEMORY;
        info = (void *)a->data;
        info->Type = v->type;
        info->NameLength = name_bytes;
        memcpy(a->data + fixed, v->name, name_bytes);
        return STATUS_SUCCESS;
    }
    case VN_KEY_VALUE_FULL_INFORMATION: {
        ULONG fixed = offsetof(struct vn_key_value_full_information, Name);
        struct vn_key_value_full_information *info;
        if (!answer_alloc(a, fixed, fixed + name_bytes + v->size))
            return STATUS_NO_MEMORY;
        info = (void *)a->data;
        info->Type = v->type;
        info->DataOffset = fixed + name_bytes;
        info->DataLength = v->size;
        info->NameLength = name_bytes;
        memcpy(a->data + fixed, v->name, name_bytes);
        memcpy(a->data + fixed + name_bytes, v->data, v->size);
        return STATUS_SUCCESS;
    }
    case VN_KEY_VALUE_PARTIAL_INFORMATION: {
        ULONG fixed = offsetof(struct vn_key_value_partial_information, Data);
        struct vn_key_value_partial_information *info;
        if (!answer_alloc(a, fixed, fixed + v->size))
            return STATUS_NO_MEMORY;
        info = (void *)a->data;
        info->Type = v->type;
        info->DataLength = v->size;
        memcpy(a->data + fixed, v->data, v->size);
        return STATUS_SUCCESS;
    }
    default:
        FIXME("value information class %u not implemented\n", info_class);
        return STATUS_NOT_IMPLEMENTED;
    }
}

/* Runs query on the key behind handle with reg_lock held, then delivers the answer. */
static NTSTATUS query(HANDLE handle, void *info, ULONG length, ULONG *result_length,
                      NTSTATUS (*build)(struct reg_key *key, const void *arg, struct answer *a),
                      const void *arg)
{
    struct key_object *ko;
    struct answer a = { 0 };
    NTSTATUS status;
    if ((status = key_get(handle, &ko)))
        return status;
    pthread_mutex_lock(&reg_lock);
    status = ko->key->deleted ? STATUS_KEY_DELETED : build(ko->key, arg, &a);
    pthread_mutex_unlock(&reg_lock);
    key_put(ko);
    if (status)
        return status;
    return deliver(&a, info, length, result_length);
}

struct query_arg {
    ULONG info_class;
    ULONG index;
    const WCHAR *name;
    size_t name_len;
};

static NTSTATUS build_key(struct reg_key *key, const void *arg, struct answer *a)
{
    return key_answer(key, ((const struct query_arg *)arg)->info_class, a);
}

static NTSTATUS build_subkey(struct reg_key *key, const void *arg, struct answer *a)
{
    const struct query_arg *q = arg;
    if (q->index >= key->nsubkeys)
        return STATUS_NO_MORE_ENTRIES;
    return key_answer(key->subkeys[q->index], q->info_class, a);
}

static NTSTATUS build_value(struct reg_key *key, const void *arg, struct answer *a)
{
    const struct query_arg *q = arg;
    struct reg_value *v = find_value(key, q->name, q->name_len);
    return v ? value_answer(v, q->info_class, a) : STATUS_OBJECT_NAME_NOT_FOUND;
}

static NTSTATUS build_value_at(struct reg_key *key, const void *arg, struct answer *a)
{
    const struct query_arg *q = arg;
    if (q->index >= key->nvalues)
        return STATUS_NO_MORE_ENTRIES;
    return value_answer(&key->values[q->index], q->info_class, a);
}

/***********************************************************************
 *           NtQueryKey / NtEnumerateKey / NtQueryValueKey / NtEnumerateValueKey
 *
 * Less room than the fixed part: STATUS_BUFFER_TOO_SMALL; less than the whole answer:
 * STATUS_BUFFER_OVERFLOW with what fits. *result_length is the size of the whole answer.
 */
NTSTATUS WINAPI NtQueryKey(HANDLE key, ULONG info_class, PVOID info, ULONG length, ULONG *result_length)
{
    struct query_arg q = { info_class };
    return query(key, info, length, result_length, build_key, &q);
}

NTSTATUS WINAPI NtEnumerateKey(HANDLE key, ULONG index, ULONG info_class, PVOID info, ULONG length,
                               ULONG *result_length)
{
    struct query_arg q = { info_class, index };
    return query(key, info, length, result_length, build_subkey, &q);
}

NTSTATUS WINAPI NtQueryValueKey(HANDLE key, UNICODE_STRING *name, ULONG info_class, PVOID info,
                                ULONG length, ULONG *result_length)
{
    struct query_arg q = { info_class };
    WCHAR *copy;
    NTSTATUS status;
    if ((status = copy_name(name, &copy, &q.name_len)))
        return status;
    q.name = copy;
    status = query(key, info, length, result_length, build_value, &q);
    free(copy);
    return status;
}

NTSTATUS WINAPI NtEnumerateValueKey(HANDLE key, ULONG index, ULONG info_class, PVOID info,
                                    ULONG length, ULONG *result_length)
{
    struct query_arg q = { info_class, index };
    return query(key, info, length, result_length, build_value_at, &q);
}

/***********************************************************************
 *           NtSetValueKey
 */
NTSTATUS WINAPI NtSetValueKey(HANDLE key, UNICODE_STRING *name, ULONG title_index, ULONG type,
                              const void *data, ULONG size)
{
    struct key_object *ko;
    WCHAR *vname;
    size_t vlen;
    void *copy;
    NTSTATUS status;
    if ((status = copy_name(name, &vname, &vlen)))
        return status;
    if (vlen > MAX_VALUE_NAME || (size && !data)) {
        free(vname);
        return STATUS_INVALID_PARAMETER;
    }
    if (!(copy = malloc(size ? size : 1))) {
        free(vname);
        return STATUS_NO_MEMORY;
    }
    memcpy(copy, data, size);
    if (!(status = key_get(key, &ko))) {
        pthread_mutex_lock(&reg_lock);
        status = ko->key->deleted ? STATUS_KEY_DELETED : set_value(ko->key, vname, vlen, type, copy, size);
        pthread_mutex_unlock(&reg_lock);
        key_put(ko);
    }
    free(copy);
    free(vname);
    return status;
}

/***********************************************************************
 *           NtDeleteKey
 *
 * A key with subkeys cannot be deleted (STATUS_CANNOT_DELETE); handles to a deleted key stay
 * valid but every use gives STATUS_KEY_DELETED.
 */
NTSTATUS WINAPI NtDeleteKey(HANDLE handle)
{
    struct key_object *ko;
    struct reg_key *key, *parent;
    NTSTATUS status;
    if ((status = key_get(handle, &ko)))
        return status;
    pthread_mutex_lock(&reg_lock);
    key = ko->key;
    parent = key->parent;
    if (key->deleted)
        status = STATUS_KEY_DELETED;
    else if (!parent || parent == reg_root)
        status = STATUS_ACCESS_DENIED;      /* \Registry, \Registry\Machine, \Registry\User */
    else if (key->nsubkeys)
        status = STATUS_CANNOT_DELETE;
    else {
        bool found;
        size_t at = find_subkey(parent, key->name, key->name_len, &found);
        memmove(parent->subkeys + at, parent->subkeys + at + 1,
                (parent->nsubkeys - at - 1) * sizeof(*parent->subkeys));
        parent->nsubkeys--;
        parent->last_write = now();
        key->parent = NULL;
        key->deleted = true;
        key_release(key);
    }
    pthread_mutex_unlock(&reg_lock);
    key_put(ko);
    return status;
}

/***********************************************************************
 *           NtDeleteValueKey
 */
NTSTATUS WINAPI NtDeleteValueKey(HANDLE handle, UNICODE_STRING *name)
{
    struct key_object *ko;
    WCHAR *vname;
    size_t vlen;
    NTSTATUS status;
    if ((status = copy_name(name, &vname, &vlen)))
        return status;
    if (!(status = key_get(handle, &ko))) {
        struct reg_key *key = ko->key;
        struct reg_value *v;
        pthread_mutex_lock(&reg_lock);
        if (key->deleted)
            status = STATUS_KEY_DELETED;
        else if (!(v = find_value(key, vname, vlen)))
            status = STATUS_OBJECT_NAME_NOT_FOUND;
        else {
            size_t at = v - key->values;
            free(v->name);
            free(v->data);
            memmove(v, v + 1, (key->nvalues - at - 1) * sizeof(*v));
            key->nvalues--;
            key->last_write = now();
        }
        pthread_mutex_unlock(&reg_lock);
        key_put(ko);
    }
    free(vname);
    return status;
}

/***********************************************************************
 *           NtFlushKey
 *
 * The registry lives in this process (docs/registry.md): there is nothing to write.
 */
NTSTATUS WINAPI NtFlushKey(HANDLE handle)
{
    struct key_object *ko;
    NTSTATUS status = key_get(handle, &ko);
    if (!status)
        key_put(ko);
    return status;
}
