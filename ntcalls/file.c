/* file.c: NT file calls over POSIX file descriptors (regular files, folders, pipes, terminals). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(file);

#ifndef STATUS_PIPE_CLOSING
#define STATUS_PIPE_CLOSING ((NTSTATUS)0xC00000B1)
#endif
#define FILE_WRITE_TO_END_OF_FILE      0xffffffff
#define FILE_USE_FILE_POINTER_POSITION 0xfffffffe

static void file_destroy(struct object *obj)
{
    struct file *file = (struct file *)obj;
    if (file->delete_on_close && file->unix_name) {
        if ((file->is_dir ? rmdir(file->unix_name) : unlink(file->unix_name)) < 0)
            WARN("deleting %s on close: %s\n", file->unix_name, strerror(errno));
    }
    if (file->fd >= 0)
        close(file->fd);
    free(file->unix_name);
    free(file);
}

static const struct object_ops file_ops = { "file", file_destroy };

static struct file *file_alloc(int fd, ULONG options)
{
    struct file *file = calloc(1, sizeof(*file));
    if (!file)
        return NULL;
    object_init(&file->obj, OBJ_FILE, &file_ops);
    file->fd = fd;
    file->options = options;
    return file;
}

struct file *file_object_from_fd(int fd)
{
    return file_alloc(fd, FILE_SYNCHRONOUS_IO_NONALERT);
}

NTSTATUS file_from_fd(int fd, ACCESS_MASK access, HANDLE *out)
{
    struct file *file = file_alloc(fd, FILE_SYNCHRONOUS_IO_NONALERT);
    NTSTATUS status;
    if (!file)
        return STATUS_NO_MEMORY;
    if ((status = handle_alloc(&file->obj, access, 0, out)))
        object_unref(&file->obj);
    return status;
}

/* Std handles: only the descriptors that are open get a handle (else NULL, as on Windows
 * for a process started without them). */
void file_init_std_handles(HANDLE *in, HANDLE *out, HANDLE *err)
{
    HANDLE *slots[3] = { in, out, err };
    for (int fd = 0; fd < 3; fd++) {
        *slots[fd] = NULL;
        if (fcntl(fd, F_GETFD) < 0)
            continue;
        ACCESS_MASK access = fd ? GENERIC_WRITE | FILE_READ_ATTRIBUTES | SYNCHRONIZE
                                : GENERIC_READ | FILE_WRITE_ATTRIBUTES | SYNCHRONIZE;
        /* A terminal or a read-write descriptor is usable both ways. */
        if ((fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR)
            access |= GENERIC_READ | GENERIC_WRITE;
        file_from_fd(fd, access, slots[fd]);
    }
}

static bool wants_read(ACCESS_MASK access)
{
    return access & (GENERIC_READ | GENERIC_ALL | FILE_READ_DATA | FILE_EXECUTE | GENERIC_EXECUTE);
}

static bool wants_write(ACCESS_MASK access)
{
    return access & (GENERIC_WRITE | GENERIC_ALL | FILE_WRITE_DATA | FILE_APPEND_DATA);
}

/* ENOENT: the file is missing, or a folder on its way is. */
static NTSTATUS missing_status(const char *path)
{
    char *copy = strdup(path), *slash;
    struct stat st;
    NTSTATUS status = STATUS_OBJECT_NAME_NOT_FOUND;
    if (copy && (slash = strrchr(copy, '/')) && slash != copy) {
        *slash = 0;
        if (stat(copy, &st) < 0 || !S_ISDIR(st.st_mode))
            status = STATUS_OBJECT_PATH_NOT_FOUND;
    }
    free(copy);
    return status;
}

static NTSTATUS open_status(const char *path, int err)
{
    if (err == ENOENT)
        return missing_status(path);
    if (err == ENOTDIR)
        return STATUS_OBJECT_PATH_NOT_FOUND;
    return errno_to_status(err);
}

static int disposition_flags(ULONG disposition)
{
    switch (disposition) {
    case FILE_SUPERSEDE:    return O_CREAT | O_TRUNC;
    case FILE_OPEN:         return 0;
    case FILE_CREATE:       return O_CREAT | O_EXCL;
    case FILE_OPEN_IF:      return O_CREAT;
    case FILE_OVERWRITE:    return O_TRUNC;
    case FILE_OVERWRITE_IF: return O_CREAT | O_TRUNC;
    }
    return -1;
}

static ULONG_PTR create_info(ULONG disposition, bool existed)
{
    if (!existed)
        return FILE_CREATED;
    switch (disposition) {
    case FILE_SUPERSEDE: return FILE_SUPERSEDED;
    case FILE_OVERWRITE:
    case FILE_OVERWRITE_IF: return FILE_OVERWRITTEN;
    }
    return FILE_OPENED;
}

/* Opens (or creates) a folder; Windows opens folders for attribute and listing access. */
static NTSTATUS open_dir(const char *path, bool existed, ULONG disposition, int *fd)
{
    if (!existed) {
        if (disposition != FILE_CREATE && disposition != FILE_OPEN_IF)
            return missing_status(path);
        if (mkdir(path, 0777) < 0)
            return open_status(path, errno);
    } else if (disposition == FILE_CREATE) {
        return STATUS_OBJECT_NAME_COLLISION;
    } else if (disposition != FILE_OPEN && disposition != FILE_OPEN_IF) {
        return STATUS_INVALID_PARAMETER;
    }
    if ((*fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
        return open_status(path, errno);
    return STATUS_SUCCESS;
}

static NTSTATUS open_regular(const char *path, ACCESS_MASK access, ULONG disposition,
                             ULONG attributes, int *fd)
{
    int flags = disposition_flags(disposition) | O_CLOEXEC;
    bool rd = wants_read(access), wr = wants_write(access);
    mode_t mode = (attributes & FILE_ATTRIBUTE_READONLY) ? 0444 : 0666;

    if (wr && !(access & (FILE_WRITE_DATA | GENERIC_WRITE | GENERIC_ALL)))
        flags |= O_APPEND;
    flags |= rd && wr ? O_RDWR : wr ? O_WRONLY : O_RDONLY;
    if ((flags & O_TRUNC) && !wr)
        flags = (flags & ~O_ACCMODE) | O_RDWR;
    *fd = open(path, flags, mode);
    /* Attribute-only access to a file we may not read: Windows allows it. */
    if (*fd < 0 && errno == EACCES && !rd && !wr && !(flags & (O_CREAT | O_TRUNC)))
        *fd = open(path, O_PATH | O_CLOEXEC);
    if (*fd < 0)
        return errno == EEXIST ? STATUS_OBJECT_NAME_COLLISION : open_status(path, errno);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtCreateFile
 */
NTSTATUS WINAPI NtCreateFile(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                             IO_STATUS_BLOCK *io, LARGE_INTEGER *alloc_size, ULONG attributes,
                             ULONG sharing, ULONG disposition, ULONG options, PVOID ea_buffer,
                             ULONG ea_length)
{
    char *path = NULL;
    struct stat st;
    struct file *file;
    bool existed;
    int fd = -1;
    NTSTATUS status;

    if (!handle || !attr || !io || !attr->ObjectName)
        return STATUS_INVALID_PARAMETER;
    TRACE("%s access %#x attr %#x share %#x disp %u options %#x\n",
          debugstr_wn(attr->ObjectName->Buffer, attr->ObjectName->Length / 2), access,
          attributes, sharing, disposition, options);
    *handle = NULL;
    if (options & ~FILE_VALID_OPTION_FLAGS || disposition > FILE_OVERWRITE_IF ||
        (options & FILE_DIRECTORY_FILE && options & FILE_NON_DIRECTORY_FILE))
        return STATUS_INVALID_PARAMETER;
    if (attr->RootDirectory) {
        FIXME("paths relative to a folder handle are not implemented yet\n");
        return STATUS_NOT_IMPLEMENTED;
    }
    if ((status = nt_to_unix_path(attr->ObjectName, &path)))
        return status;
    existed = stat(path, &st) == 0;
    if (existed && S_ISDIR(st.st_mode)) {
        status = options & FILE_NON_DIRECTORY_FILE ? STATUS_FILE_IS_A_DIRECTORY
               : disposition == FILE_CREATE ? STATUS_OBJECT_NAME_COLLISION
               : open_dir(path, true, disposition, &fd);
    } else if (options & FILE_DIRECTORY_FILE) {
        status = !existed ? open_dir(path, false, disposition, &fd)
               : disposition == FILE_CREATE ? STATUS_OBJECT_NAME_COLLISION : STATUS_NOT_A_DIRECTORY;
    } else {
        status = open_regular(path, access, disposition, attributes, &fd);
    }
    if (status)
        goto out;
    if (!(file = file_alloc(fd, options))) {
        close(fd);
        status = STATUS_NO_MEMORY;
        goto out;
    }
    file->is_dir = (existed && S_ISDIR(st.st_mode)) || (options & FILE_DIRECTORY_FILE);
    file->delete_on_close = options & FILE_DELETE_ON_CLOSE;
    file->append = wants_write(access) && !(access & (FILE_WRITE_DATA | GENERIC_WRITE | GENERIC_ALL));
    file->unix_name = path;
    path = NULL;
    if ((status = handle_alloc(&file->obj, access, attr->Attributes, handle))) {
        object_unref(&file->obj);
        goto out;
    }
    io->Information = create_info(disposition, existed);
out:
    io->Status = status;
    free(path);
    return status;
}

/***********************************************************************
 *           NtOpenFile
 */
NTSTATUS WINAPI NtOpenFile(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                           IO_STATUS_BLOCK *io, ULONG sharing, ULONG options)
{
    return NtCreateFile(handle, access, attr, io, NULL, 0, sharing, FILE_OPEN, options, NULL, 0);
}

static bool use_offset(const LARGE_INTEGER *offset)
{
    return offset && !(offset->u.HighPart == -1 &&
                       (offset->u.LowPart == FILE_USE_FILE_POINTER_POSITION ||
                        offset->u.LowPart == FILE_WRITE_TO_END_OF_FILE));
}

/***********************************************************************
 *           NtReadFile
 */
NTSTATUS WINAPI NtReadFile(HANDLE handle, HANDLE event, PIO_APC_ROUTINE apc, PVOID apc_context,
                           IO_STATUS_BLOCK *io, PVOID buffer, ULONG length, LARGE_INTEGER *offset,
                           ULONG *key)
{
    struct file *file;
    ACCESS_MASK access;
    struct stat st;
    ssize_t n;
    NTSTATUS status;

    TRACE("%p %p %u %p\n", handle, buffer, length, offset);
    if (!io)
        return STATUS_ACCESS_VIOLATION;
    if ((status = get_file(handle, &file, &access)))
        return status;
    if (event || apc)
        FIXME_ONCE("asynchronous completion (event/APC) is not implemented; reading synchronously\n");
    if (!wants_read(access) && !(access & MAXIMUM_ALLOWED)) {
        status = STATUS_ACCESS_DENIED;
        goto out;
    }
    do {
        n = use_offset(offset) ? pread(file->fd, buffer, length, offset->QuadPart)
                               : read(file->fd, buffer, length);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        status = errno == EISDIR ? STATUS_INVALID_DEVICE_REQUEST
               : errno == EFAULT ? STATUS_ACCESS_VIOLATION : errno_to_status(errno);
        goto out;
    }
    io->Information = n;
    if (n == 0 && length && !fstat(file->fd, &st)) {
        /* End of a file is an error status; end of a pipe means its writer is gone. */
        if (S_ISREG(st.st_mode) || S_ISBLK(st.st_mode))
            status = STATUS_END_OF_FILE;
        else if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
            status = STATUS_PIPE_BROKEN;
    }
out:
    io->Status = status;
    if (status)
        io->Information = 0;
    object_unref(&file->obj);
    return status;
}

/***********************************************************************
 *           NtWriteFile
 */
NTSTATUS WINAPI NtWriteFile(HANDLE handle, HANDLE event, PIO_APC_ROUTINE apc, PVOID apc_context,
                            IO_STATUS_BLOCK *io, const void *buffer, ULONG length,
                            LARGE_INTEGER *offset, ULONG *key)
{
    struct file *file;
    ACCESS_MASK access;
    size_t done = 0;
    NTSTATUS status;

    TRACE("%p %p %u %p\n", handle, buffer, length, offset);
    if (!io)
        return STATUS_ACCESS_VIOLATION;
    if ((status = get_file(handle, &file, &access)))
        return status;
    if (event || apc)
        FIXME_ONCE("asynchronous completion (event/APC) is not implemented; writing synchronously\n");
    if (!wants_write(access) && !(access & MAXIMUM_ALLOWED)) {
        status = STATUS_ACCESS_DENIED;
        goto out;
    }
    bool at_end = offset && offset->u.HighPart == -1 && offset->u.LowPart == FILE_WRITE_TO_END_OF_FILE;
    if (at_end)
        lseek(file->fd, 0, SEEK_END);
    while (done < length) {
        ssize_t n = use_offset(offset) && !file->append
            ? pwrite(file->fd, (const char *)buffer + done, length - done, offset->QuadPart + done)
            : write(file->fd, (const char *)buffer + done, length - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            status = errno == EPIPE ? STATUS_PIPE_CLOSING
                   : errno == EFAULT ? STATUS_ACCESS_VIOLATION : errno_to_status(errno);
            break;
        }
        done += n;
    }
out:
    io->Status = status;
    io->Information = done;
    object_unref(&file->obj);
    return status;
}

/***********************************************************************
 *           NtFlushBuffersFile
 */
NTSTATUS WINAPI NtFlushBuffersFile(HANDLE handle, IO_STATUS_BLOCK *io)
{
    struct file *file;
    NTSTATUS status;
    if ((status = get_file(handle, &file, NULL)))
        return status;
    if (fsync(file->fd) < 0 && errno != EINVAL && errno != EROFS)
        status = errno_to_status(errno);
    if (io) {
        io->Status = status;
        io->Information = 0;
    }
    object_unref(&file->obj);
    return status;
}
