/* ntcalls.h: internals shared by the files of ntcalls/ (objects, handles, paths, memory). */
#ifndef VINHO_NTCALLS_H
#define VINHO_NTCALLS_H

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>
#include "vinho/gate.h"
#include "vinho/winstructs.h"

/* Kernel objects: reference-counted, referred to by handles. */
enum object_type { OBJ_FILE = 1, OBJ_EVENT, OBJ_SEMAPHORE, OBJ_MUTEX, OBJ_THREAD, OBJ_TIMER,
                   OBJ_SECTION, OBJ_PROCESS, OBJ_IOCP };

struct object;
struct thread;
/* What waits need of a waitable object (see sync.c, "The wait hook"). Both are called with the
 * wait lock held (sync_lock_acquire); NULL signaled: always signalled (files: no pending I/O). */
struct object_ops {
    const char *name;
    void (*destroy)(struct object *obj);
    bool (*signaled)(struct object *obj, struct thread *waiter);
    /* A wait was satisfied by obj: consume it (auto-reset, count, ownership); returns
     * STATUS_ABANDONED for an abandoned mutex, else STATUS_SUCCESS. NULL: nothing to consume. */
    NTSTATUS (*satisfied)(struct object *obj, struct thread *waiter);
    /* Optional: the object's last handle was closed (it may live on in references). */
    void (*last_handle_closed)(struct object *obj);
};
struct object {
    int refs;                       /* atomic */
    enum object_type type;
    const struct object_ops *ops;
    struct named_entry *name;       /* in the namespace, or NULL (object.c) */
    int handles;                    /* handles open to it (atomic) */
};

void object_init(struct object *obj, enum object_type type, const struct object_ops *ops);
struct object *object_ref(struct object *obj);
void object_unref(struct object *obj);

/* Handles: the process's handle table. Values are multiples of 4, as on Windows. */
NTSTATUS handle_alloc(struct object *obj, ACCESS_MASK access, ULONG attributes, HANDLE *out);
/* Takes a reference: the caller must object_unref() what it got. */
NTSTATUS handle_get(HANDLE handle, enum object_type type, struct object **out, ACCESS_MASK *access);
NTSTATUS handle_close(HANDLE handle);
/* Child processes (process.c, loader/child.c): a handle at a given value; the inheritable ones. */
NTSTATUS handle_alloc_at(struct object *obj, ACCESS_MASK access, ULONG attributes, HANDLE value);
void handle_list_inheritable(enum object_type type, HANDLE *values, struct object **objs,
                             ACCESS_MASK *access, ULONG *attributes, size_t *count);

/* The process-local object namespace (object.c): names under \BaseNamedObjects (Global\),
 * \Sessions\1\BaseNamedObjects (plain and Local\ names), for objects of any type. There is no
 * server yet, so names are shared by the threads of one process only.
 * object_create_named: attr without a name: STATUS_SUCCESS, nothing done. Otherwise, if the name
 * is free, obj takes it (STATUS_SUCCESS); if an object of the same type has it, *existing gets a
 * reference to that one and the result is STATUS_OBJECT_NAME_EXISTS with OBJ_OPENIF, else
 * STATUS_OBJECT_NAME_COLLISION; another type: STATUS_OBJECT_TYPE_MISMATCH.
 * object_open_named: a reference to the object of that name and type (type 0: any), or
 * STATUS_OBJECT_NAME_NOT_FOUND / STATUS_OBJECT_TYPE_MISMATCH / a bad-name status.
 * The caller's OBJECT_ATTRIBUTES are read here: call with no lock held. */
NTSTATUS object_create_named(struct object *obj, const OBJECT_ATTRIBUTES *attr, struct object **existing);
NTSTATUS object_open_named(const OBJECT_ATTRIBUTES *attr, enum object_type type, struct object **out);
static inline bool object_attr_has_name(const OBJECT_ATTRIBUTES *attr)
{
    return attr && attr->ObjectName && attr->ObjectName->Length;
}
/* Creates the handle of a new object, or of the existing one of its name: the common tail of
 * every NtCreateXxx of a nameable type. Takes over the caller's reference to obj. */
NTSTATUS object_create_handle(struct object *obj, const OBJECT_ATTRIBUTES *attr, ACCESS_MASK access,
                              HANDLE *handle);

/* Threads (thread.c). */
struct apc {
    struct apc *next;
    void (WINAPI *func)(ULONG_PTR, ULONG_PTR, ULONG_PTR);
    ULONG_PTR args[3];
};
struct thread {
    struct object obj;
    ULONG tid;                      /* the Windows thread id (the main thread's: its Linux tid) */
    pid_t unix_tid;                 /* the Linux thread, once it runs */
    struct vn_teb *teb;
    pthread_t pthread;
    bool is_main, started, exited;  /* exited: signalled (sync_lock) */
    bool teb_gone;                  /* ended: its TEB is no more (thread_lock) */
    bool terminate_pending;         /* TerminateThread/process exit asked while in vinho's code */
    NTSTATUS exit_code;             /* STILL_ACTIVE (0x103) while it runs */
    int suspend_count;              /* futex word; atomic */
    struct apc *apcs, **apcs_tail;  /* user APCs queued (sync_lock) */
    void *start, *param;
    void *stack;                    /* the Windows stack: reserved base and size */
    size_t stack_size;
    LONG priority;
    ULONG_PTR affinity;
    WCHAR *description;             /* SetThreadDescription (thread_lock) */
    uint64_t exit_frame[8];         /* where the pthread resumes when the thread ends */
    sigset_t start_mask;            /* the creator's signal mask, the new thread's once it runs */
    /* Suspension of a running thread (context.c): where it stopped, for Get/SetThreadContext. */
    int suspend_seq;                /* bumped by each suspension (atomic) */
    int suspend_gen;                /* futex: bumped by each suspension from 0 and each end of
                                       one; a stopped thread sleeps on it (not on the count,
                                       which can go 1, 0, 1 between its look and its sleep) */
    int suspend_state;              /* futex: the suspension whose context is published */
    int suspend_kind;               /* SUSPEND_* of context.c: where it stopped */
    void *suspend_uc;               /* stopped in PE code: its signal context */
    const void *suspend_frame;      /* stopped in vinho's code: its gate frame */
    struct thread *next, *prev;     /* all threads (thread_lock) */
};
/* The calling thread's object (the main thread's is made on first use); no reference taken. */
struct thread *thread_current(void);
ULONG thread_current_id(void);
/* A reference to the thread of handle (NtCurrentThread() included). */
NTSTATUS thread_get(HANDLE handle, struct thread **out);
/* sync_lock held: an APC is waiting for the thread. */
bool thread_apc_pending(struct thread *t);
/* Runs the calling thread's queued APCs; no lock held. Returns how many ran. */
int thread_run_apcs(void);
/* The thread must end now (TerminateThread, process exit) and is in vinho's code: ends it. */
void thread_exit_if_terminating(void);
/* Set by the loader: the pieces of thread start and exit that are the loader's. */
struct thread_hooks {
    void (*init_tls)(struct vn_teb *teb);       /* static TLS blocks of every module */
    void (*free_tls)(struct vn_teb *teb);
    void (*attach)(void);                       /* TLS callbacks, DllMain(DLL_THREAD_ATTACH) */
    void *user_thread_start;                    /* ntdll's RtlUserThreadStart(start, param) */
    void (*signal_init)(void *altstack, size_t size);   /* per-thread signal set-up */
    unsigned (*gate_depth)(void);               /* nesting of gate calls on this thread */
    void (*gate_reset)(void);                   /* no gate call open: the Linux thread is reused */
    /* The gate frame (loader/loader.h) of the gate call the thread is in at pc, when pc is
     * vinho's code (NULL pc: wherever it is); NULL in PE code. */
    const void *(*gate_frame)(const void *pc);
    void (*suspend_at_gate_return)(void);       /* the next gate return stops (context.c) */
    LONG *multithreaded;                        /* ntdll's __vinho_multithreaded */
    SIZE_T stack_reserve, stack_commit;         /* the program's defaults */
};
void thread_set_hooks(const struct thread_hooks *hooks);
const struct thread_hooks *thread_get_hooks(void);
/* Suspension and contexts (context.c): the SIG_SUSPEND handler's work (uc NULL: the thread
 * suspends itself), a new suspension is asked (before the signal), the stop at a gate return. */
void context_suspend_signal(struct thread *t, void *uc);
void context_suspend_requested(struct thread *t);
void context_resumed(struct thread *t);     /* the count fell to 0, or termination was asked */
void context_gate_suspend_point(const void *frame);
/* Signals of our own, per thread: the end of a thread (TerminateThread, process exit) and
 * SuspendThread of another thread. glibc keeps the first real-time signals for itself. */
#define SIG_TERMINATE (SIGRTMIN + 2)
#define SIG_SUSPEND (SIGRTMIN + 3)
/* Called on a thread running PE code before a second such thread can exist: ntdll's critical
 * sections stop using plain stores (dlls/ntdll/critsec.c). */
void thread_mark_multithreaded(void);
/* Walks every live thread's TEB with the thread list locked (TLS set-up of late-loaded DLLs). */
/* NtTerminateProcess(0, code): ends every other thread. */
NTSTATUS thread_terminate_others(NTSTATUS code);
void thread_for_each_teb(void (*fn)(struct vn_teb *teb, void *ctx), void *ctx);

/* Waits (sync.c). The wait hook: any object type can be waited on. Its object_ops say whether it
 * is signalled and what a satisfied wait consumes, both called under sync_lock; whoever changes
 * what signaled() would answer must do it under sync_lock and call sync_wake_waiters(). */
void sync_lock_acquire(void);
void sync_lock_release(void);
void sync_wake_waiters(void);       /* sync_lock held: satisfies the waits that now can be */
void sync_poke(struct thread *t);   /* sync_lock held: t's waits (NULL: all) look again */
/* A thread ends: its mutexes are abandoned (sync_lock held). */
void sync_thread_exited(struct thread *t);
/* Waits on objs (count may be 0) as NtWaitForMultipleObjects does; no lock held. */
NTSTATUS sync_wait(struct object **objs, ULONG count, bool all, bool alertable,
                   const LARGE_INTEGER *timeout);
/* NtDelayExecution(TRUE, timeout): ends early, with STATUS_USER_APC, once queued APCs ran. */
NTSTATUS sync_delay_alertable(const LARGE_INTEGER *timeout);

/* Files (file.c). */
struct file {
    struct object obj;
    int fd;
    ULONG options;                  /* NtCreateFile options (FILE_SYNCHRONOUS_IO_*, ...) */
    bool is_dir, delete_on_close, append;
    bool delete_pending;            /* set by FileDispositionInformation: new opens fail */
    bool fd_deferred;               /* fd not opened yet: attribute or delete access only */
    mode_t mode;                    /* st_mode when opened (kept up to date by SetFileAttributes) */
    char *unix_name;                /* for delete-on-close and queries; may be NULL */
    ULONG console_mode;             /* when fd is a terminal */
    int tty;                        /* 0: not asked yet, 1: a terminal, 2: not one */
    bool pipe_sized;                /* a bulk write has had its pipe's buffer grown (file.c) */
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
    /* The completion port of its I/O (iocp.c; set once), its key, FILE_SKIP_* flags. */
    struct object *completion;
    ULONG_PTR completion_key;
    ULONG completion_flags;
};
void file_open_deferred(struct file *file);
/* The file object of handle, with its descriptor (opened now if it was deferred). */
static inline NTSTATUS get_file(HANDLE handle, struct file **file, ACCESS_MASK *access)
{
    NTSTATUS status = handle_get(handle, OBJ_FILE, (struct object **)file, access);
    if (!status && (*file)->fd_deferred)
        file_open_deferred(*file);
    return status;
}
/* The same without opening a deferred descriptor, for what works by name (disposition, rename). */
static inline NTSTATUS get_file_by_name(HANDLE handle, struct file **file, ACCESS_MASK *access)
{
    return handle_get(handle, OBJ_FILE, (struct object **)file, access);
}
NTSTATUS file_from_fd(int fd, ACCESS_MASK access, HANDLE *out);
/* A file object (one reference, no handle) over fd, which it then owns; NULL: out of memory. */
struct file *file_object_from_fd(int fd);
/* STATUS_SHARING_VIOLATION/STATUS_DELETE_PENDING when another open of dev:ino forbids access. */
NTSTATUS file_check_sharing(dev_t dev, ino_t ino, ACCESS_MASK access, ULONG sharing);
void file_mode_changed(dev_t dev, ino_t ino, mode_t mode);
bool file_is_drive_root(const char *unix_path);
/* For ENOENT on path: STATUS_OBJECT_NAME_NOT_FOUND, or ..._PATH_NOT_FOUND when its folder is missing. */
NTSTATUS file_missing_status(const char *path);
void dir_listing_free(struct dir_listing *listing);
void file_init_std_handles(HANDLE *in, HANDLE *out, HANDLE *err);

/* Completion ports (iocp.c). FileCompletionInformation and FileIoCompletionNotificationInformation
 * of NtSetInformationFile; an I/O call that ended with status queues its packet (value: the
 * call's APC context) when the file has a port and the status says it completed. */
NTSTATUS iocp_set_file_completion(struct file *file, const void *info, ULONG length);
NTSTATUS iocp_set_file_notification(struct file *file, const void *info, ULONG length);
void iocp_file_io_done(struct file *file, void *apc_context, NTSTATUS status, ULONG_PTR information);

/* Paths (path.c): NT path (\??\C:\x) -> Unix path; malloc'ed result. */
NTSTATUS nt_to_unix_path(const UNICODE_STRING *nt, char **unix_path);
NTSTATUS nt_relative_to_unix(const char *dir, const UNICODE_STRING *name, char **unix_path);
/* The same conversions without the case-insensitive lookup, which path_resolve_case does later
 * (so that an open can try the name as given first); PATH_NO_CASE: a path that needs none. */
#define PATH_NO_CASE ((size_t)-1)
NTSTATUS nt_to_unix_path_as_given(const UNICODE_STRING *nt, char **unix_path, size_t *root_len);
NTSTATUS nt_relative_as_given(const char *dir, const UNICODE_STRING *name, char **unix_path,
                              size_t *root_len);
char *path_resolve_case(char *path, size_t root_len);
/* The Unix path of attr's name: an NT path, or relative to its RootDirectory folder handle. */
NTSTATUS object_attr_to_unix(const OBJECT_ATTRIBUTES *attr, char **unix_path);
struct stat;
/* What the conversion that just returned path learnt of it, to save a second stat of the same
 * name: 1 and *st when it found it as given (and it is no symbolic link), -1 when it is missing
 * (ENOENT), 0 when unknown. Once per conversion. */
int path_take_stat(const char *path, struct stat *st);
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
bool virtual_clear_guard(const void *addr);    /* memory.c, for loader/signal.c */
/* A page the loader makes on its first access (KUSER_SHARED_DATA): make(addr, false) makes it;
 * NtQueryVirtualMemory asks it first, since a query is an access. */
void virtual_register_lazy_page(void *page, bool (*make)(const void *addr, bool write));

/* Time (process.c): Windows FILETIME from a Unix timespec. */
#include <time.h>
LONGLONG timespec_to_filetime(const struct timespec *ts);
/* File information (fileinfo.c). */
#include <sys/stat.h>
void file_stat_to_network(const struct stat *st, int dirfd, const char *name,
                          FILE_NETWORK_OPEN_INFORMATION *info);
/* Hidden, system and archive, kept in an extended attribute: the stored bits of name (relative
 * to dirfd unless absolute; AT_FDCWD) or -1 when none are; storing them. */
#define FILE_KEPT_ATTRIBUTES (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM | FILE_ATTRIBUTE_ARCHIVE)
long file_stored_attributes(int dirfd, const char *name);
NTSTATUS file_store_attributes(const char *path, struct stat *st, ULONG attr);
long file_stored_attributes_st(const char *path, const struct stat *st);
/* Folder listings (dir.c): Windows wildcard matching (DOS_STAR <, DOS_QM >, DOS_DOT "), case-
 * insensitive, of a UTF-16 name against a UTF-16 expression. */
bool wildcard_match(const WCHAR *expr, size_t elen, const WCHAR *name, size_t nlen);

/* Pipes (pipe.c): FSCTL_PIPE_PEEK, for NtFsControlFile (file.c). */
NTSTATUS pipe_peek(HANDLE handle, IO_STATUS_BLOCK *io, void *out, ULONG out_size);
/* A vinho child reports its full exit code through its start-up block (loader/child.c). */
void process_set_exit_report(int fd);
/* The terminal as it was before SetConsoleMode changed it (console.c), at exit. */
void console_restore_terminal(void);

#endif
