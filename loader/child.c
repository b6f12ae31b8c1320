/* child.c: the start of a vinho child: reads the start-up block its vinho parent wrote
 * (ntcalls/spawn.c), installs the inherited handles at their values and gives the process
 * parameters the parent's command line, environment and folder. See docs/processes.md. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "loader/loader.h"
#include "ntcalls/ntcalls.h"
#include "ntcalls/process.h"
#include "vinho/child.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(process);

static struct vn_startup *startup;
#define MAX_BLOCK (64u << 20)

/* A string of the block, bounds-checked: the block comes from another process. */
static const WCHAR *block_str(uint32_t off, uint32_t len)
{
    uint64_t end = (uint64_t)off + (uint64_t)len * sizeof(WCHAR);
    if (off < sizeof(*startup) || end > startup->size || (off & 1))
        return NULL;
    return (const WCHAR *)((char *)startup + off);
}

/* CREATE_SUSPENDED: nothing of the program runs (no DLL, no entry point) until the parent's
 * ResumeThread writes a byte. A parent that ends first cannot resume us any more: we end. */
static void wait_for_resume(int fd)
{
    char c;
    ssize_t n;
    TRACE("suspended until the parent resumes the main thread\n");
    while ((n = read(fd, &c, 1)) < 0 && errno == EINTR)
        ;
    close(fd);
    if (n != 1)
        _exit(1);
}

bool child_startup_load(int fd)
{
    struct vn_startup head;
    if (pread(fd, &head, sizeof(head), 0) != sizeof(head) || head.magic != VN_STARTUP_MAGIC ||
        head.size < sizeof(head) || head.size > MAX_BLOCK ||
        head.handle_count > (head.size - sizeof(head)) / sizeof(struct vn_startup_handle)) {
        fprintf(stderr, "vinho: descriptor %d holds no start-up block\n", fd);
        return false;
    }
    if (!(startup = malloc(head.size)) || pread(fd, startup, head.size, 0) != head.size) {
        fprintf(stderr, "vinho: cannot read the start-up block\n");
        return false;
    }
    fcntl(fd, F_SETFD, FD_CLOEXEC);     /* our own children get their own block */
    process_set_exit_report(fd);
    if (startup->resume_fd > VN_STARTUP_FD)
        wait_for_resume(startup->resume_fd);
    return true;
}

static void set_wstr(struct vn_ustr *u, const WCHAR *s, size_t len)
{
    WCHAR *copy = len <= 0x7ffe ? malloc((len + 1) * sizeof(WCHAR)) : NULL;
    if (!copy)
        return;
    memcpy(copy, s, len * sizeof(WCHAR));
    copy[len] = 0;
    u->Buffer = copy;
    u->Length = len * sizeof(WCHAR);
    u->MaximumLength = u->Length + sizeof(WCHAR);
}

/* The std handle of slot fd: the inherited handle of that value when there is one, else a new
 * handle over the descriptor the parent placed there; none when the parent gave none. */
static HANDLE std_handle(int fd, uint64_t value)
{
    HANDLE h = NULL;
    if (!value)
        return NULL;
    for (uint32_t i = 0; i < startup->handle_count; i++)
        if (startup->handles[i].value == value)
            return (HANDLE)(ULONG_PTR)value;
    ACCESS_MASK access = fd ? GENERIC_WRITE | FILE_READ_ATTRIBUTES | SYNCHRONIZE
                            : GENERIC_READ | FILE_WRITE_ATTRIBUTES | SYNCHRONIZE;
    if ((fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR)
        access |= GENERIC_READ | GENERIC_WRITE;
    file_from_fd(fd, access, &h);
    return h;
}

/* Installs the inherited handles at their values, then the std handles; false when this
 * process is not a vinho child (the caller makes std handles of descriptors 0-2). */
bool child_init_handles(HANDLE *in, HANDLE *out, HANDLE *err)
{
    if (!startup)
        return false;
    for (uint32_t i = 0; i < startup->handle_count; i++) {
        const struct vn_startup_handle *h = &startup->handles[i];
        struct file *file;
        fcntl(h->fd, F_SETFD, FD_CLOEXEC);
        if (!(file = file_object_from_fd(h->fd)))
            continue;
        if (handle_alloc_at(&file->obj, h->access, h->attributes, (HANDLE)(ULONG_PTR)h->value)) {
            WARN("inherited handle %#llx cannot keep its value\n", (unsigned long long)h->value);
            object_unref(&file->obj);
        }
    }
    *in = std_handle(0, startup->std[0]);
    *out = std_handle(1, startup->std[1]);
    *err = std_handle(2, startup->std[2]);
    return true;
}

/* The parent's command line, environment and folder, exactly as CreateProcess received them. */
void child_apply_params(struct vn_process_params *pp)
{
    const WCHAR *s;
    if (!startup)
        return;
    if ((s = block_str(startup->cmdline_off, startup->cmdline_len)))
        set_wstr(&pp->CommandLine, s, startup->cmdline_len);
    if (startup->cwd_len && (s = block_str(startup->cwd_off, startup->cwd_len))) {
        size_t len = startup->cwd_len;
        set_wstr(&pp->CurrentDirectory, s, len);
        if (s[len - 1] != '\\' && pp->CurrentDirectory.Buffer) {  /* the DOS path ends in '\' */
            WCHAR *w = realloc(pp->CurrentDirectory.Buffer, (len + 2) * sizeof(WCHAR));
            if (w) {
                w[len] = '\\';
                w[len + 1] = 0;
                pp->CurrentDirectory.Buffer = w;
                pp->CurrentDirectory.Length += sizeof(WCHAR);
                pp->CurrentDirectory.MaximumLength += sizeof(WCHAR);
            }
        }
    }
    if (startup->env_len >= 2 && (s = block_str(startup->env_off, startup->env_len)) &&
        !s[startup->env_len - 1] && !s[startup->env_len - 2]) {
        WCHAR *env = malloc(startup->env_len * sizeof(WCHAR));
        if (env) {
            memcpy(env, s, startup->env_len * sizeof(WCHAR));
            pp->Environment = env;
            pp->EnvironmentSize = startup->env_len * sizeof(WCHAR);
        }
    }
}

/* A start that failed before the program ran: the parent sees the NTSTATUS Windows gives. */
void child_start_failed(int exit_code)
{
    if (startup)
        process_exit(exit_code == 127 ? STATUS_DLL_NOT_FOUND : STATUS_INVALID_IMAGE_FORMAT);
}
