/* ntcalls.h: internals shared by the files of ntcalls/ (objects, handles, paths, memory). */
#ifndef VINHO_NTCALLS_H
#define VINHO_NTCALLS_H

#include <stdbool.h>
#include "vinho/gate.h"

/* Kernel objects: reference-counted, referred to by handles. */
enum object_type { OBJ_FILE = 1, OBJ_EVENT, OBJ_SEMAPHORE, OBJ_MUTEX };

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
    char *unix_name;                /* for delete-on-close and queries; may be NULL */
    ULONG console_mode;             /* when fd is a terminal */
    int tty;                        /* 0: not asked yet, 1: a terminal, 2: not one */
};
static inline NTSTATUS get_file(HANDLE handle, struct file **file, ACCESS_MASK *access)
{
    return handle_get(handle, OBJ_FILE, (struct object **)file, access);
}
NTSTATUS file_from_fd(int fd, ACCESS_MASK access, HANDLE *out);
void file_init_std_handles(HANDLE *in, HANDLE *out, HANDLE *err);

/* Paths (path.c): NT path (\??\C:\x) -> Unix path; malloc'ed result. */
NTSTATUS nt_to_unix_path(const UNICODE_STRING *nt, char **unix_path);
const char *vinho_prefix(void);
/* UTF-16 <-> UTF-8 helpers; results are malloc'ed; lone surrogates become U+FFFD. */
char *utf16_to_utf8(const WCHAR *str, size_t len, size_t *out_len);
WCHAR *utf8_to_utf16(const char *str, size_t len, size_t *out_len);

/* errno -> NTSTATUS (errno_map.c). */
#include "ntcalls/errno_map.h"

/* Virtual memory bookkeeping (memory.c): the loader registers image mappings. */
void virtual_register_image(void *base, size_t size);
void virtual_unregister_image(void *base);
void virtual_set_protection(void *addr, size_t size, ULONG protect);
ULONG virtual_unix_to_win_prot(int prot);
int virtual_win_to_unix_prot(ULONG protect);
bool virtual_clear_guard(const void *addr);    /* memory.c, for loader/signal.c */

/* Time (process.c): Windows FILETIME from a Unix timespec. */
#include <time.h>
LONGLONG timespec_to_filetime(const struct timespec *ts);

#endif
