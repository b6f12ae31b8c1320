/* spawn.c: starting child processes. A Windows program runs in a new vinho ("vinho
 * --startup-fd=3 PROGRAM") that finds its command line, environment, folder and inherited handles
 * in a start-up block; a Linux program (ELF, #!) is executed directly with its command line split
 * into argv. See docs/processes.md. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "ntcalls/process.h"
#include "vinho/child.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(process);

extern char **environ;

#define CREATE_SUSPENDED 0x00000004
#define CREATE_NEW_PROCESS_GROUP 0x00000200
/* Flags with nothing to do on Linux: debug flags aside, every one is about windows, consoles,
 * priorities or jobs, which a Linux child does not have. */
#define DEBUG_PROCESS 0x00000001
#define DEBUG_ONLY_THIS_PROCESS 0x00000002

enum image_kind { IMAGE_WINDOWS, IMAGE_LINUX };

/* Everything a start needs, prepared before posix_spawn. */
struct spawn {
    char *path;                     /* Unix path of the program */
    char *cwd;                      /* Unix folder, NULL: ours */
    enum image_kind kind;
    int std_fds[3];                 /* -1: /dev/null */
    size_t count;                   /* inherited handles, in four arrays of count */
    HANDLE *values;
    struct object **objs;
    ACCESS_MASK *access;
    ULONG *attributes;
    int block_fd;
    int resume[2];                  /* CREATE_SUSPENDED: the pipe the child waits on */
    char **argv, **envp;
};

/* What the file is: a Windows program (MZ) or something Linux runs itself. */
static NTSTATUS image_kind(const char *path, enum image_kind *kind)
{
    unsigned char head[4] = { 0 };
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n;

    if (fd < 0)
        return errno == ENOENT ? STATUS_OBJECT_NAME_NOT_FOUND
             : errno == ENOTDIR ? STATUS_OBJECT_PATH_NOT_FOUND : errno_to_status(errno);
    n = fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ? -1 : read(fd, head, sizeof(head));
    close(fd);
    if (n < 0)
        return STATUS_ACCESS_DENIED;    /* a folder: ERROR_ACCESS_DENIED, as Windows */
    if (n >= 2 && head[0] == 'M' && head[1] == 'Z') {
        *kind = IMAGE_WINDOWS;
        return STATUS_SUCCESS;
    }
    if ((n >= 4 && !memcmp(head, "\177ELF", 4)) || (n >= 2 && head[0] == '#' && head[1] == '!')) {
        *kind = IMAGE_LINUX;
        return access(path, X_OK) ? STATUS_ACCESS_DENIED : STATUS_SUCCESS;
    }
    return STATUS_INVALID_IMAGE_NOT_MZ;     /* ERROR_BAD_EXE_FORMAT */
}

static NTSTATUS unix_path_of(const struct vn_ustr *dos_or_nt, bool is_nt, char **out)
{
    size_t len = dos_or_nt->Length / sizeof(WCHAR);
    WCHAR *buf = malloc((len + 5) * sizeof(WCHAR));
    UNICODE_STRING nt;
    NTSTATUS status;
    size_t off = 0;

    if (!buf)
        return STATUS_NO_MEMORY;
    if (!is_nt) {
        static const WCHAR prefix[] = { '\\', '?', '?', '\\' };
        memcpy(buf, prefix, sizeof(prefix));
        off = 4;
    }
    memcpy(buf + off, dos_or_nt->Buffer, len * sizeof(WCHAR));
    len += off;
    while (!is_nt && len > 7 && buf[len - 1] == '\\')  /* "C:\dir\" -> "C:\dir"; "C:\" stays */
        len--;
    nt.Buffer = buf;
    nt.Length = nt.MaximumLength = len * sizeof(WCHAR);
    status = nt_to_unix_path(&nt, out);
    free(buf);
    return status;
}

/* Splits a command line as the Microsoft C runtime does: the program name ends at the first
 * blank outside quotes (no escapes); in the arguments, 2n backslashes and a quote give n
 * backslashes and toggle quoting, 2n+1 give n and a literal quote, "" inside quotes is a quote. */
static char **split_command_line(const char *cmd, const char *argv0)
{
    size_t cap = 8, argc = 1, len = strlen(cmd);
    char **argv = calloc(cap, sizeof(*argv));
    char *buf = malloc(len + 1);
    const char *p = cmd;
    bool quoted = false;

    if (!argv || !buf) {
        free(argv);
        free(buf);
        return NULL;
    }
    argv[0] = strdup(argv0);
    for (; *p && (quoted || (*p != ' ' && *p != '\t')); p++)     /* skip the program name */
        if (*p == '"')
            quoted = !quoted;
    for (;;) {
        char *o = buf;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        quoted = false;
        while (*p && (quoted || (*p != ' ' && *p != '\t'))) {
            size_t slashes = 0;
            while (p[slashes] == '\\')
                slashes++;
            if (p[slashes] == '"') {
                memset(o, '\\', slashes / 2);
                o += slashes / 2;
                p += slashes;
                if (slashes % 2) {
                    *o++ = '"';
                } else if (quoted && p[1] == '"') {
                    *o++ = '"';
                    p++;
                } else {
                    quoted = !quoted;
                }
                p++;
            } else if (slashes) {
                memset(o, '\\', slashes);
                o += slashes;
                p += slashes;
            } else {
                *o++ = *p++;
            }
        }
        if (argc + 2 > cap) {
            char **grown = realloc(argv, (cap *= 2) * sizeof(*argv));
            if (!grown)
                break;
            argv = grown;
        }
        argv[argc++] = strndup(buf, o - buf);
    }
    argv[argc] = NULL;
    free(buf);
    return argv;
}

/* A Windows environment block as a Linux environment ("=C:=C:\x" entries left out). */
static char **environment_from_block(const WCHAR *block, size_t size)
{
    size_t n = 0, count = 0, wchars = size / sizeof(WCHAR);
    char **envp;

    for (size_t i = 0; i < wchars && block[i]; i++, count++)
        while (i < wchars && block[i])
            i++;
    if (!(envp = calloc(count + 1, sizeof(*envp))))
        return NULL;
    for (size_t i = 0; i < wchars && block[i]; i++) {
        size_t start = i, len;
        while (i < wchars && block[i])
            i++;
        if (block[start] != '=')
            envp[n++] = utf16_to_utf8(block + start, i - start, &len);
    }
    return envp;
}

static void free_strings(char **v)
{
    if (v)
        for (char **p = v; *p; p++)
            free(*p);
    free(v);
}

/* The start-up block of a vinho child, in a memfd the parent keeps to read the exit code. */
static NTSTATUS write_block(struct spawn *sp, const struct vn_create_process *params)
{
    size_t handles = sp->count * sizeof(struct vn_startup_handle);
    size_t cmd = params->command_line.Length, cwd = params->current_dir.Length;
    size_t env = params->environment_size & ~(size_t)1;
    size_t size = sizeof(struct vn_startup) + handles + cmd + cwd + env;
    struct vn_startup *b = calloc(1, size);
    char *p;

    if (!b)
        return STATUS_NO_MEMORY;
    b->magic = VN_STARTUP_MAGIC;
    b->size = size;
    b->creation_flags = params->creation_flags;
    if (sp->resume[0] >= 0)
        b->resume_fd = VN_STARTUP_FD + 1 + sp->count;   /* placed after the handles */
    for (int i = 0; i < 3; i++)
        b->std[i] = (ULONG_PTR)params->std[i];
    b->handle_count = sp->count;
    for (size_t i = 0; i < sp->count; i++) {
        b->handles[i].value = (ULONG_PTR)sp->values[i];
        b->handles[i].fd = VN_STARTUP_FD + 1 + i;
        b->handles[i].access = sp->access[i];
        b->handles[i].attributes = sp->attributes[i];
    }
    p = (char *)b->handles + handles;
    b->cmdline_off = p - (char *)b;
    b->cmdline_len = cmd / sizeof(WCHAR);
    memcpy(p, params->command_line.Buffer, cmd);
    p += cmd;
    b->cwd_off = p - (char *)b;
    b->cwd_len = cwd / sizeof(WCHAR);
    memcpy(p, params->current_dir.Buffer, cwd);
    p += cwd;
    b->env_off = p - (char *)b;
    b->env_len = env / sizeof(WCHAR);
    memcpy(p, params->environment, env);
    sp->block_fd = memfd_create("vinho-startup", MFD_CLOEXEC);
    NTSTATUS status = STATUS_SUCCESS;
    if (sp->block_fd < 0 || pwrite(sp->block_fd, b, size, 0) != (ssize_t)size)
        status = errno_to_status(errno);
    free(b);
    return status;
}

/* The child's descriptors: 0-2 its std handles, then (vinho) the block and the inherited
 * handles, in that order; everything else closed. Sources are first moved above every target
 * so that no dup2 overwrites a source still needed. */
static int file_actions(struct spawn *sp, posix_spawn_file_actions_t *fa, int *srcs)
{
    int n = 0, high = 3 + 2 + (int)sp->count, null_fd = -1;

    for (int i = 0; i < 3; i++) {
        if (sp->std_fds[i] < 0 && null_fd < 0)
            null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
        srcs[n++] = sp->std_fds[i] >= 0 ? sp->std_fds[i] : null_fd;
    }
    if (sp->kind == IMAGE_WINDOWS) {
        srcs[n++] = sp->block_fd;
        for (size_t i = 0; i < sp->count; i++)
            srcs[n++] = ((struct file *)sp->objs[i])->fd;
        if (sp->resume[0] >= 0)
            srcs[n++] = sp->resume[0];
    }
    for (int i = 0; i < n; i++)
        if (srcs[i] >= high)
            high = srcs[i] + 1;
    posix_spawn_file_actions_init(fa);
    for (int i = 0; i < n; i++)
        if (srcs[i] >= 0)
            posix_spawn_file_actions_adddup2(fa, srcs[i], high + i);
    for (int i = 0; i < n; i++)
        if (srcs[i] >= 0)
            posix_spawn_file_actions_adddup2(fa, high + i, i);
    posix_spawn_file_actions_addclosefrom_np(fa, n);
    if (sp->cwd)
        posix_spawn_file_actions_addchdir_np(fa, sp->cwd);
    return null_fd;
}

static NTSTATUS launch(struct spawn *sp, const struct vn_create_process *params, pid_t *pid)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    sigset_t none, defaults;
    char self[PATH_MAX];
    const char *exe = sp->path;
    int null_fd, err, *srcs;

    if (sp->kind == IMAGE_WINDOWS) {
        ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
        if (n < 0)
            return errno_to_status(errno);
        self[n] = 0;
        exe = self;
    }
    if (!(srcs = malloc((3 + 2 + sp->count) * sizeof(*srcs))))
        return STATUS_NO_MEMORY;
    null_fd = file_actions(sp, &fa, srcs);
    posix_spawnattr_init(&attr);
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);      /* we ignore it; a Linux child must not inherit that */
    sigaddset(&defaults, SIGINT);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    if (params->creation_flags & CREATE_NEW_PROCESS_GROUP) {
        flags |= POSIX_SPAWN_SETPGROUP;
        posix_spawnattr_setpgroup(&attr, 0);
    }
    posix_spawnattr_setflags(&attr, flags);
    err = posix_spawn(pid, exe, &fa, &attr, sp->argv, sp->envp ? sp->envp : environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    free(srcs);
    if (null_fd >= 0)
        close(null_fd);
    if (err) {
        WARN("starting %s: %s\n", sp->path, strerror(err));
        return err == ENOENT ? STATUS_OBJECT_NAME_NOT_FOUND
             : err == ENOEXEC ? STATUS_INVALID_IMAGE_NOT_MZ : errno_to_status(err);
    }
    return STATUS_SUCCESS;
}

static void free_inherited(struct spawn *sp)
{
    for (size_t i = 0; i < sp->count; i++)
        object_unref(sp->objs[i]);
    sp->count = 0;
    free(sp->values);
    free(sp->objs);
    free(sp->access);
    free(sp->attributes);
    sp->values = NULL;
    sp->objs = NULL;
    sp->access = NULL;
    sp->attributes = NULL;
}

/* Descriptors of the std handles and of the inheritable handles. */
static NTSTATUS collect_handles(struct spawn *sp, const struct vn_create_process *params)
{
    for (int i = 0; i < 3; i++) {
        struct file *file;
        sp->std_fds[i] = -1;
        if (params->std[i] && !get_file(params->std[i], &file, NULL)) {
            sp->std_fds[i] = file->fd;  /* stays open: the handle is held by the caller */
            object_unref(&file->obj);
        }
    }
    if (!params->inherit_handles || sp->kind != IMAGE_WINDOWS)
        return STATUS_SUCCESS;
    /* Every inheritable file handle goes; the arrays grow until the list fits (another thread
     * may add handles meanwhile). The child's descriptor limit is the only bound: past it
     * posix_spawn fails and so does CreateProcess, with the error. */
    for (size_t room = 64, needed;; room = needed + 16) {
        free_inherited(sp);
        sp->values = malloc(room * sizeof(*sp->values));
        sp->objs = malloc(room * sizeof(*sp->objs));
        sp->access = malloc(room * sizeof(*sp->access));
        sp->attributes = malloc(room * sizeof(*sp->attributes));
        if (!sp->values || !sp->objs || !sp->access || !sp->attributes)
            return STATUS_NO_MEMORY;
        sp->count = room;
        handle_list_inheritable(OBJ_FILE, sp->values, sp->objs, sp->access, sp->attributes, &sp->count);
        if ((needed = sp->count) <= room) {
            for (size_t i = 0; i < needed; i++)     /* the child needs a descriptor of each */
                if (((struct file *)sp->objs[i])->fd_deferred)
                    file_open_deferred((struct file *)sp->objs[i]);
            return STATUS_SUCCESS;
        }
        for (size_t i = 0; i < room; i++)
            object_unref(sp->objs[i]);
        sp->count = 0;
    }
}

static NTSTATUS prepare(struct spawn *sp, const struct vn_create_process *params)
{
    NTSTATUS status;
    size_t len;

    if ((status = unix_path_of(&params->image, true, &sp->path)) ||
        (status = image_kind(sp->path, &sp->kind)))
        return status;
    if (params->current_dir.Length && (status = unix_path_of(&params->current_dir, false, &sp->cwd)))
        return status == STATUS_OBJECT_NAME_NOT_FOUND ? STATUS_OBJECT_PATH_NOT_FOUND : status;
    if (sp->cwd && access(sp->cwd, X_OK))
        return STATUS_OBJECT_PATH_NOT_FOUND;    /* ERROR_DIRECTORY would be Windows' (267) */
    if ((status = collect_handles(sp, params)))
        return status;
    if (params->creation_flags & CREATE_SUSPENDED) {
        if (sp->kind != IMAGE_WINDOWS) {
            FIXME("CREATE_SUSPENDED for a Linux program is not implemented\n");
            return STATUS_NOT_SUPPORTED;    /* ERROR_NOT_SUPPORTED */
        }
        if (pipe2(sp->resume, O_CLOEXEC) < 0)
            return errno_to_status(errno);
    }
    if (sp->kind == IMAGE_WINDOWS) {
        if ((status = write_block(sp, params)))
            return status;
        char fdarg[32];
        snprintf(fdarg, sizeof(fdarg), "--startup-fd=%d", VN_STARTUP_FD);
        sp->argv = calloc(4, sizeof(char *));
        if (!sp->argv)
            return STATUS_NO_MEMORY;
        sp->argv[0] = strdup("vinho");
        sp->argv[1] = strdup(fdarg);
        sp->argv[2] = strdup(sp->path);
        sp->envp = NULL;    /* ours: vinho's own settings (VINHO_*) carry over */
        return STATUS_SUCCESS;
    }
    char *cmd = utf16_to_utf8(params->command_line.Buffer, params->command_line.Length / 2, &len);
    if (!cmd)
        return STATUS_NO_MEMORY;
    sp->argv = split_command_line(cmd, sp->path);
    free(cmd);
    sp->envp = params->environment ? environment_from_block(params->environment,
                                                            params->environment_size) : NULL;
    return sp->argv ? STATUS_SUCCESS : STATUS_NO_MEMORY;
}

static void spawn_free(struct spawn *sp)
{
    free_inherited(sp);
    for (int i = 0; i < 2; i++)
        if (sp->resume[i] >= 0)
            close(sp->resume[i]);
    free(sp->path);
    free(sp->cwd);
    free_strings(sp->argv);
    free_strings(sp->envp);
}

/***********************************************************************
 *           __vinho_create_process
 *
 * CreateProcessW's work once kernelbase has found the program: starts it and returns a process
 * handle and a "thread" handle (the same object: the child's main thread ends with it).
 */
NTSTATUS WINAPI __vinho_create_process(const struct vn_create_process *params, HANDLE *process,
                                       HANDLE *thread, ULONG *pid_out)
{
    struct spawn sp = { .block_fd = -1, .resume = { -1, -1 } };
    struct process *proc = NULL;
    HANDLE ph = NULL, th = NULL;
    pid_t pid;
    NTSTATUS status;

    if (!params || !process)
        return STATUS_INVALID_PARAMETER;
    TRACE("%s cmd %s\n", debugstr_wn(params->image.Buffer, params->image.Length / 2),
          debugstr_wn(params->command_line.Buffer, params->command_line.Length / 2));
    if (params->creation_flags & (DEBUG_PROCESS | DEBUG_ONLY_THIS_PROCESS)) {
        /* Debugging needs debug events, WaitForDebugEvent and the rest: none exist. */
        FIXME("creation flags %#x (debugged children) are not implemented\n",
              params->creation_flags);
        return STATUS_NOT_SUPPORTED;    /* ERROR_NOT_SUPPORTED */
    }
    if ((status = prepare(&sp, params)) || (status = launch(&sp, params, &pid)))
        goto out;
    if (!(proc = process_alloc(pid, sp.block_fd))) {
        status = STATUS_NO_MEMORY;  /* XXX: the child runs on, unwaited */
        goto out;
    }
    sp.block_fd = -1;
    if (sp.resume[0] >= 0) {
        close(sp.resume[0]);    /* the child has its copy */
        sp.resume[0] = -1;
        proc->resume_fd = sp.resume[1];
        proc->suspend_count = 1;
        sp.resume[1] = -1;
    }
    if ((status = process_watch(proc)))
        goto out;
    if ((status = handle_alloc(object_ref(&proc->obj), 0x1fffff /* PROCESS_ALL_ACCESS */, 0, &ph))) {
        object_unref(&proc->obj);
        goto out;
    }
    if (thread && (status = handle_alloc(object_ref(&proc->obj), 0x1fffff, 0, &th))) {
        object_unref(&proc->obj);
        handle_close(ph);
        goto out;
    }
    TRACE("started %s as %d\n", sp.path, pid);
out:
    if (proc)
        object_unref(&proc->obj);
    if (sp.block_fd >= 0)
        close(sp.block_fd);
    spawn_free(&sp);
    if (status)
        return status;
    *process = ph;      /* caller memory last, with no lock held */
    if (thread)
        *thread = th;
    if (pid_out)
        *pid_out = pid;
    return STATUS_SUCCESS;
}
