/* ntcalls.h: internals shared by the files of ntcalls/ (objects, handles, paths, memory). */
#ifndef VINHO_NTCALLS_H
#define VINHO_NTCALLS_H

#include <stdbool.h>
#include <sys/types.h>
#include "vinho/gate.h"

/* Kernel objects: reference-counted, referred to by handles. */
enum object_type { OBJ_FILE = 1, OBJ_EVENT, OBJ_SEMAPHORE, OBJ_MUTEX, OBJ_SECTION };

struct object;
struct object_ops {
    const char *name;
    void (*destroy)(struct object *obj);
};
struct object {
    int refs;                       /* atomic */
    enum object_type type;
    const struct object_ops *ops;
};

void object_init(struct object *obj, enum object_type type, const struct object_ops *ops);
struct object *object_ref(struct object *obj);
void object_unref(struct object *obj);

/* Handles: the process's handle table. Values are multiples of 4, as on Windows. */
NTSTATUS handle_alloc(struct object *obj, ACCESS_MASK access, ULONG attributes, HANDLE *out);
/* Takes a reference: the caller must object_unref() what it got. */
NTSTATUS handle_get(HANDLE handle, enum object_type type, struct object **out, ACCESS_MASK *access);
NTSTATUS handle_close(HANDLE handle);

/* Files (file.c). */
struct file {
    struct object obj;
    int fd;
    ULONG options;                  /* NtCreateFile options (FILE_SYNCHRONOUS_IO_*, ...) */
    bool is_dir, delete_on_close, append;
    bool delete_pending;            /* set by FileDispositionInformation: new opens fail */
    char *unix_name;                /* for delete-on-close and queries; may be NULL */
    ULONG console_mode;             /* when fd is a terminal */
    int tty;                        /* 0: not asked yet, 1: a terminal, 2: not one */
    /* Sharing (file.c): the open's data access and share mode, for files opened by name. */
    dev_t dev;
    ino_t ino;
    ULONG share_access, sharing;
    bool shared_tracked;
    struct file *next_open;
    /* Byte-range locks this open holds (file.c). */
    struct file_lock { LONGLONG offset, length; bool exclusive; } *locks;
    size_t nlocks;
    /* Folder listing (dir.c). */
    struct dir_listing *listing;
};
static inline NTSTATUS get_file(HANDLE handle, struct file **file, ACCESS_MASK *access)
{
    return handle_get(handle, OBJ_FILE, (struct object **)file, access);
}
NTSTATUS file_from_fd(int fd, ACCESS_MASK access, HANDLE *out);
/* STATUS_SHARING_VIOLATION/STATUS_DELETE_PENDING when another open of dev:ino forbids access. */
NTSTATUS file_check_sharing(dev_t dev, ino_t ino, ACCESS_MASK access, ULONG sharing);
bool file_is_drive_root(const char *unix_path);
/* For ENOENT on path: STATUS_OBJECT_NAME_NOT_FOUND, or ..._PATH_NOT_FOUND when its folder is missing. */
NTSTATUS file_missing_status(const char *path);
void dir_listing_free(struct dir_listing *listing);
void file_init_std_handles(HANDLE *in, HANDLE *out, HANDLE *err);

/* Paths (path.c): NT path (\??\C:\x) -> Unix path; malloc'ed result. */
NTSTATUS nt_to_unix_path(const UNICODE_STRING *nt, char **unix_path);
NTSTATUS nt_relative_to_unix(const char *dir, const UNICODE_STRING *name, char **unix_path);
/* The Unix path of attr's name: an NT path, or relative to its RootDirectory folder handle. */
NTSTATUS object_attr_to_unix(const OBJECT_ATTRIBUTES *attr, char **unix_path);
/* The prefix ($VINHO_PREFIX, else ~/.vinho), created on first use. */
const char *vinho_prefix(void);
const char *vinho_user_name(void);
/* The Unix folder of a drive letter ("" for /), or NULL. */
const char *drive_root(WCHAR letter);
/* Windows path (X:\...) of an absolute Unix path; malloc'ed. */
char *unix_to_dos_path(const char *unix_path);
/* Tells the case-insensitive lookup cache that vinho created (added) or removed a name. */
void dircache_changed(const char *unix_path, bool added);
bool name_equal_nocase(const char *a, size_t alen, const char *b, size_t blen);
/* UTF-16 <-> UTF-8 helpers; results are malloc'ed; lone surrogates become U+FFFD. */
char *utf16_to_utf8(const WCHAR *str, size_t len, size_t *out_len);
WCHAR *utf8_to_utf16(const char *str, size_t len, size_t *out_len);

/* errno -> NTSTATUS (errno_map.c). */
#include "ntcalls/errno_map.h"

/* Virtual memory bookkeeping (memory.c): the loader registers image mappings. */
void virtual_register_image(void *base, size_t size);
void virtual_unregister_image(void *base);
/* Views of sections (section.c): recorded as MEM_MAPPED regions. */
bool virtual_register_view(void *base, size_t size, ULONG protect);
bool virtual_unregister_view(void *addr, void **base, size_t *size);
bool virtual_find_view(const void *addr, void **base, size_t *size);
void virtual_set_protection(void *addr, size_t size, ULONG protect);
ULONG virtual_unix_to_win_prot(int prot);
int virtual_win_to_unix_prot(ULONG protect);

/* Time (process.c): Windows FILETIME from a Unix timespec. */
#include <time.h>
LONGLONG timespec_to_filetime(const struct timespec *ts);
/* File information (fileinfo.c). */
#include <sys/stat.h>
void file_stat_to_network(const struct stat *st, const char *name, FILE_NETWORK_OPEN_INFORMATION *info);
/* Folder listings (dir.c): Windows wildcard matching (DOS_STAR <, DOS_QM >, DOS_DOT "), case-
 * insensitive, of a UTF-16 name against a UTF-16 expression. */
bool wildcard_match(const WCHAR *expr, size_t elen, const WCHAR *name, size_t nlen);

#endif
