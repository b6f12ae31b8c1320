/* pipe.c: anonymous pipes (CreatePipe) over Linux pipes, and peeking into them. Named pipes need
 * the server and fail loudly until it exists. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(file);

#define FSCTL_PIPE_PEEK 0x0011400c
#define FILE_PIPE_CONNECTED_STATE 3

static NTSTATUS pipe_end(int fd, ACCESS_MASK access, ULONG attributes, HANDLE *out)
{
    struct file *file = file_object_from_fd(fd);
    NTSTATUS status;
    if (!file) {
        close(fd);
        return STATUS_NO_MEMORY;
    }
    if ((status = handle_alloc(&file->obj, access, attributes, out)))
        object_unref(&file->obj);
    return status;
}

/***********************************************************************
 *           __vinho_create_pipe
 *
 * CreatePipe: a read end and a write end; attributes may hold OBJ_INHERIT. size is a hint,
 * given to the Linux pipe when it is larger than the default.
 */
NTSTATUS WINAPI __vinho_create_pipe(HANDLE *read_end, HANDLE *write_end, ULONG attributes, ULONG size)
{
    HANDLE r = NULL, w = NULL;
    int fds[2];
    NTSTATUS status;

    TRACE("attributes %#x size %u\n", attributes, size);
    if (!read_end || !write_end)
        return STATUS_ACCESS_VIOLATION;
    if (pipe2(fds, O_CLOEXEC) < 0)
        return errno_to_status(errno);
    if (size > 65536)
        fcntl(fds[1], F_SETPIPE_SZ, size);      /* best effort: a hint, as on Windows */
    if ((status = pipe_end(fds[0], GENERIC_READ | SYNCHRONIZE | FILE_WRITE_ATTRIBUTES, attributes & OBJ_INHERIT, &r))) {
        close(fds[1]);
        return status;
    }
    if ((status = pipe_end(fds[1], GENERIC_WRITE | SYNCHRONIZE | FILE_READ_ATTRIBUTES, attributes & OBJ_INHERIT, &w))) {
        handle_close(r);
        return status;
    }
    *read_end = r;
    *write_end = w;
    return STATUS_SUCCESS;
}

struct peek_header {    /* FILE_PIPE_PEEK_BUFFER without its data */
    ULONG NamedPipeState, ReadDataAvailable, NumberOfMessages, MessageLength;
};

/* Copies up to len bytes from the pipe without consuming them: tee() into a scratch pipe, then
 * read that. */
static ssize_t peek_bytes(int fd, char *buf, size_t len)
{
    int scratch[2];
    ssize_t n;
    if (pipe2(scratch, O_CLOEXEC) < 0)
        return -1;
    n = tee(fd, scratch[1], len, SPLICE_F_NONBLOCK);
    if (n > 0)
        n = read(scratch[0], buf, n);
    close(scratch[0]);
    close(scratch[1]);
    return n < 0 && errno == EAGAIN ? 0 : n;
}

/* PeekNamedPipe: how much can be read now, and a copy of its start. A pipe whose writers are all
 * gone and which holds nothing more is STATUS_PIPE_BROKEN, as Windows. */
static NTSTATUS pipe_peek(struct file *file, IO_STATUS_BLOCK *io, void *out, ULONG out_size)
{
    struct peek_header head = { FILE_PIPE_CONNECTED_STATE, 0, 0, 0 };
    ULONG want = out_size - sizeof(head);
    int avail = 0;
    char *data = NULL;
    ssize_t n = 0;

    if (out_size < sizeof(head))
        return STATUS_INFO_LENGTH_MISMATCH;
    if (ioctl(file->fd, FIONREAD, &avail) < 0)
        return errno == ENOTTY || errno == EINVAL ? STATUS_INVALID_PARAMETER : errno_to_status(errno);
    if (!avail) {
        struct pollfd p = { file->fd, POLLIN, 0 };
        if (poll(&p, 1, 0) == 1 && (p.revents & POLLHUP))
            return STATUS_PIPE_BROKEN;
    }
    if (want && avail) {
        if (!(data = malloc(want < (ULONG)avail ? want : (ULONG)avail)))
            return STATUS_NO_MEMORY;
        n = peek_bytes(file->fd, data, want < (ULONG)avail ? want : (ULONG)avail);
        if (n < 0) {
            free(data);
            return errno_to_status(errno);
        }
    }
    head.ReadDataAvailable = avail;
    memcpy(out, &head, sizeof(head));   /* caller memory: no lock held */
    if (n > 0)
        memcpy((char *)out + sizeof(head), data, n);
    free(data);
    io->Status = STATUS_SUCCESS;
    io->Information = sizeof(head) + n;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtFsControlFile
 */
NTSTATUS WINAPI NtFsControlFile(HANDLE handle, HANDLE event, PIO_APC_ROUTINE apc, PVOID apc_context,
                                IO_STATUS_BLOCK *io, ULONG code, PVOID in, ULONG in_size,
                                PVOID out, ULONG out_size)
{
    struct file *file;
    NTSTATUS status;

    TRACE("%p code %#x\n", handle, code);
    if (!io)
        return STATUS_ACCESS_VIOLATION;
    if (code != FSCTL_PIPE_PEEK)
        return file_fs_control_unsupported(handle, code, io);
    if ((status = get_file(handle, &file, NULL)))
        return status;
    status = pipe_peek(file, io, out, out_size);
    object_unref(&file->obj);
    return status;
}
