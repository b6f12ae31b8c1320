/* file.c: NT file calls over POSIX file descriptors (regular files, folders, pipes, terminals). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
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
#ifndef STATUS_MORE_PROCESSING_REQUIRED
#define STATUS_MORE_PROCESSING_REQUIRED ((NTSTATUS)0xC0000016)
#endif
#define FILE_WRITE_TO_END_OF_FILE      0xffffffff
#define FILE_USE_FILE_POINTER_POSITION 0xfffffffe

/* ---------------------------------------------------------------------------------------------
 * Sharing: every file opened by name is listed with its data access and share mode, so that a
 * conflicting open in this process fails with STATUS_SHARING_VIOLATION, as on Windows. (Across
 * processes this needs the server.) Opens for attributes only take no part, as on Windows.
 */
#define SHARE_READ_ACCESS   (FILE_READ_DATA | FILE_EXECUTE)
#define SHARE_WRITE_ACCESS  (FILE_WRITE_DATA | FILE_APPEND_DATA)
#define SHARE_DELETE_ACCESS DELETE

static pthread_mutex_t open_files_lock = PTHREAD_MUTEX_INITIALIZER;
static struct file *open_files;

/* The data access of an access mask, with the generic rights expanded. */
static ULONG data_access(ACCESS_MASK access)
{
    ULONG a = access & (SHARE_READ_ACCESS | SHARE_WRITE_ACCESS | SHARE_DELETE_ACCESS);
    if (access & (GENERIC_READ | GENERIC_ALL | MAXIMUM_ALLOWED))
        a |= FILE_READ_DATA;
    if (access & (GENERIC_WRITE | GENERIC_ALL | MAXIMUM_ALLOWED))
        a |= FILE_WRITE_DATA | FILE_APPEND_DATA;
    if (access & (GENERIC_EXECUTE | GENERIC_ALL))
        a |= FILE_EXECUTE;
    if (access & (GENERIC_ALL | MAXIMUM_ALLOWED))
        a |= DELETE;
    return a;
}

static bool sharing_conflict(ULONG access, ULONG sharing, const struct file *other)
{
    if (!access || !other->share_access)
        return false;
    return ((access & SHARE_READ_ACCESS) && !(other->sharing & FILE_SHARE_READ)) ||
           ((access & SHARE_WRITE_ACCESS) && !(other->sharing & FILE_SHARE_WRITE)) ||
           ((access & SHARE_DELETE_ACCESS) && !(other->sharing & FILE_SHARE_DELETE)) ||
           ((other->share_access & SHARE_READ_ACCESS) && !(sharing & FILE_SHARE_READ)) ||
           ((other->share_access & SHARE_WRITE_ACCESS) && !(sharing & FILE_SHARE_WRITE)) ||
           ((other->share_access & SHARE_DELETE_ACCESS) && !(sharing & FILE_SHARE_DELETE));
}

static NTSTATUS check_sharing_locked(dev_t dev, ino_t ino, ULONG access, ULONG sharing)
{
    for (struct file *f = open_files; f; f = f->next_open) {
        if (f->dev != dev || f->ino != ino)
            continue;
        if (f->delete_pending)
            return STATUS_DELETE_PENDING;
        if (sharing_conflict(access, sharing, f))
            return STATUS_SHARING_VIOLATION;
    }
    return STATUS_SUCCESS;
}

NTSTATUS file_check_sharing(dev_t dev, ino_t ino, ACCESS_MASK access, ULONG sharing)
{
    pthread_mutex_lock(&open_files_lock);
    NTSTATUS status = check_sharing_locked(dev, ino, data_access(access), sharing);
    pthread_mutex_unlock(&open_files_lock);
    return status;
}

/* Checks the new open against the others and lists it; one step under the lock, so that two
 * threads opening at once cannot both pass. */
static NTSTATUS track_open(struct file *file, const struct stat *st, ACCESS_MASK access, ULONG sharing)
{
    NTSTATUS status;
    file->dev = st->st_dev;
    file->ino = st->st_ino;
    file->share_access = data_access(access);
    file->sharing = sharing;
    pthread_mutex_lock(&open_files_lock);
    status = check_sharing_locked(file->dev, file->ino, file->share_access, sharing);
    if (!status) {
        file->next_open = open_files;
        open_files = file;
        file->shared_tracked = true;
    }
    pthread_mutex_unlock(&open_files_lock);
    return status;
}

/* Keeps the mode of every open of dev:ino as vinho changed it (SetFileAttributes), for the opens
 * without descriptor (set_disposition's read-only check). */
void file_mode_changed(dev_t dev, ino_t ino, mode_t mode)
{
    pthread_mutex_lock(&open_files_lock);
    for (struct file *f = open_files; f; f = f->next_open)
        if (f->dev == dev && f->ino == ino)
            f->mode = mode;
    pthread_mutex_unlock(&open_files_lock);
}

static void untrack_open(struct file *file)
{
    pthread_mutex_lock(&open_files_lock);
    for (struct file **p = &open_files; *p; p = &(*p)->next_open) {
        if (*p == file) {
            *p = file->next_open;
            break;
        }
    }
    pthread_mutex_unlock(&open_files_lock);
}

static void file_destroy(struct object *obj)
{
    struct file *file = (struct file *)obj;
    if (file->shared_tracked)
        untrack_open(file);
    /* Never a device (NUL is /dev/null): Windows deletes no device, and vinho may run as root. */
    if (file->delete_on_close && file->unix_name && !S_ISCHR(file->mode) && !S_ISBLK(file->mode)) {
        if ((file->is_dir ? rmdir(file->unix_name) : unlink(file->unix_name)) < 0)
            WARN("deleting %s on close: %s\n", file->unix_name, strerror(errno));
        else
            dircache_changed(file->unix_name, false);
    }
    if (file->listing)
        dir_listing_free(file->listing);
    free(file->locks);
    if (file->completion)
        object_unref(file->completion);
    if (file->fd >= 0)
        close(file->fd);
    free(file->unix_name);
    free(file);
}

static const struct object_ops file_ops = { "file", file_destroy };

/* The descriptor of a file opened for attributes or deletion only, which NtCreateFile left
 * unopened (no_data_access): opened now by its name, for attribute access only (O_PATH). On
 * failure the descriptor stays -1 and what the caller does with it fails (EBADF). */
void file_open_deferred(struct file *file)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&lock);
    if (file->fd < 0 && file->fd_deferred && file->unix_name) {
        int fd = open(file->unix_name, O_PATH | O_CLOEXEC);
        if (fd < 0)
            WARN("opening %s: %s\n", file->unix_name, strerror(errno));
        __atomic_store_n(&file->fd, fd, __ATOMIC_RELEASE);
        file->fd_deferred = false;
    }
    pthread_mutex_unlock(&lock);
}

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
NTSTATUS file_missing_status(const char *path)
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
        return file_missing_status(path);
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

/* The Unix path of attr's name with the names as given; *root_len as nt_to_unix_path_as_given. */
static NTSTATUS object_attr_as_given(const OBJECT_ATTRIBUTES *attr, char **unix_path, size_t *root_len)
{
    struct file *dir;
    NTSTATUS status;
    path_take_stat(NULL, NULL);     /* forget an earlier conversion's stat */
    if (!attr->RootDirectory)
        return nt_to_unix_path_as_given(attr->ObjectName, unix_path, root_len);
    if ((status = handle_get(attr->RootDirectory, OBJ_FILE, (struct object **)&dir, NULL)))
        return status;
    /* An empty name opens the root object itself, a file as well as a folder: that is how
     * ReOpenFile opens the same file again. */
    *root_len = PATH_NO_CASE;
    if (!dir->unix_name || (!dir->is_dir && attr->ObjectName && attr->ObjectName->Length))
        status = STATUS_INVALID_PARAMETER;
    else if (!attr->ObjectName)
        status = (*unix_path = strdup(dir->unix_name)) ? STATUS_SUCCESS : STATUS_NO_MEMORY;
    else
        status = nt_relative_as_given(dir->unix_name, attr->ObjectName, unix_path, root_len);
    object_unref(&dir->obj);
    return status;
}

NTSTATUS object_attr_to_unix(const OBJECT_ATTRIBUTES *attr, char **unix_path)
{
    size_t root_len;
    NTSTATUS status = object_attr_as_given(attr, unix_path, &root_len);
    if (!status)
        *unix_path = path_resolve_case(*unix_path, root_len);
    return status;
}

/* Opens (or creates) a folder; Windows opens folders for attribute and listing access. */
static NTSTATUS open_dir(const char *path, bool existed, ULONG disposition, int *fd)
{
    if (!existed) {
        if (disposition != FILE_CREATE && disposition != FILE_OPEN_IF)
            return file_missing_status(path);
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

/* Opens a file; truncation (*truncate) is left to the caller, after the sharing check. */
static NTSTATUS open_regular(const char *path, ACCESS_MASK access, ULONG disposition,
                             ULONG attributes, int *fd, bool *truncate)
{
    int flags = disposition_flags(disposition) | O_CLOEXEC;
    bool rd = wants_read(access), wr = wants_write(access);
    mode_t mode = (attributes & FILE_ATTRIBUTE_READONLY) ? 0444 : 0666;

    if (wr && !(access & (FILE_WRITE_DATA | GENERIC_WRITE | GENERIC_ALL)))
        flags |= O_APPEND;
    flags |= rd && wr ? O_RDWR : wr ? O_WRONLY : O_RDONLY;
    *truncate = flags & O_TRUNC;
    flags &= ~O_TRUNC;
    if (*truncate && !wr)
        flags = (flags & ~O_ACCMODE) | O_RDWR;
    *fd = open(path, flags, mode);
    /* Attribute-only access to a file we may not read: Windows allows it. */
    if (*fd < 0 && errno == EACCES && !rd && !wr && !(flags & O_CREAT) && !*truncate)
        *fd = open(path, O_PATH | O_CLOEXEC);
    if (*fd < 0)
        return errno == EEXIST ? STATUS_OBJECT_NAME_COLLISION : open_status(path, errno);
    return STATUS_SUCCESS;
}

/* Opens what path names: a folder or a file, as the options and disposition allow. */
static NTSTATUS open_path(const char *path, bool existed, const struct stat *st, ACCESS_MASK access,
                          ULONG attributes, ULONG disposition, ULONG options, int *fd, bool *truncate)
{
    *truncate = false;
    if (existed && S_ISDIR(st->st_mode))
        return options & FILE_NON_DIRECTORY_FILE ? STATUS_FILE_IS_A_DIRECTORY
             : disposition == FILE_CREATE ? STATUS_OBJECT_NAME_COLLISION
             : open_dir(path, true, disposition, fd);
    if (options & FILE_DIRECTORY_FILE)
        return !existed ? open_dir(path, false, disposition, fd)
             : disposition == FILE_CREATE ? STATUS_OBJECT_NAME_COLLISION : STATUS_NOT_A_DIRECTORY;
    if (existed && (st->st_mode & S_IFMT) != S_IFREG && (st->st_mode & S_IFMT) != S_IFCHR &&
        disposition != FILE_OPEN && disposition != FILE_OPEN_IF)
        return STATUS_ACCESS_DENIED;
    return open_regular(path, access, disposition, attributes, fd, truncate);
}

/* The file object for a new open: listed for sharing, then truncated if asked. st: the file's
 * stat when the caller has one that describes fd (or the file, for an open without fd), else
 * NULL. */
static NTSTATUS finish_open(struct file **out, int fd, const struct stat *known, const char *path,
                            ACCESS_MASK access, ULONG sharing, ULONG options, bool truncate,
                            bool created)
{
    struct file *file;
    struct stat st;
    NTSTATUS status = STATUS_SUCCESS;

    if (!(file = file_alloc(fd, options))) {
        if (fd >= 0)
            close(fd);
        return STATUS_NO_MEMORY;
    }
    if (known)
        st = *known;
    else if (fstat(fd, &st) < 0)
        st.st_mode = 0;
    if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
        status = track_open(file, &st, access, sharing);
    if (!status && truncate && ftruncate(fd, 0) < 0)
        status = errno_to_status(errno);
    if (status) {
        if (created)
            unlink(path);
        object_unref(&file->obj);
        return status;
    }
    file->is_dir = S_ISDIR(st.st_mode);
    file->mode = st.st_mode;
    if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
        file->tty = 2;  /* no terminal: ReadFile need not ask (an ioctl per file) */
    if (created)
        dircache_changed(path, true);
    *out = file;
    return STATUS_SUCCESS;
}

static bool is_overwrite(ULONG disposition)
{
    return disposition == FILE_SUPERSEDE || disposition == FILE_OVERWRITE ||
           disposition == FILE_OVERWRITE_IF;
}

/* Whether the stored attributes have hidden or system and attributes lacks it: replacing the file
 * then fails with ERROR_ACCESS_DENIED (documented for CreateFileW's CREATE_ALWAYS). A dot name
 * alone does not count, so that programs can rewrite ".gitignore" and the like. */
static bool hides_more(long stored, ULONG attributes)
{
    return stored > 0 && (stored & (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM) & ~attributes);
}

/* A created or replaced file has the attributes asked for, and archive (as on NTFS). */
static void set_new_attributes(const char *path, int fd, ULONG attributes)
{
    struct stat st;
    if (!fstat(fd, &st) && !file_store_attributes(path, &st, attributes | FILE_ATTRIBUTE_ARCHIVE))
        file_mode_changed(st.st_dev, st.st_ino, st.st_mode);
}

/* Access that needs no descriptor: attributes, delete, synchronize, security. Such an open of a
 * file opens nothing until the handle is used for more (file_open_deferred); DeleteFile and
 * attribute changes by name never are. */
static bool no_data_access(ACCESS_MASK access)
{
    return !(access & (GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL | MAXIMUM_ALLOWED |
                       FILE_READ_DATA | FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_EXECUTE));
}

/* Whether the stat of an existing file refuses this open (the checks before anything changes). */
static NTSTATUS check_existing(const char *path, const struct stat *st, ACCESS_MASK access,
                               ULONG attributes, ULONG sharing, ULONG disposition, ULONG options,
                               long *stored)
{
    bool read_only = S_ISREG(st->st_mode) && !(st->st_mode & 0222);
    if (disposition == FILE_CREATE)
        return STATUS_OBJECT_NAME_COLLISION;
    if (read_only && (wants_write(access) || is_overwrite(disposition)))
        return STATUS_ACCESS_DENIED;    /* the read-only attribute binds even root, as on Windows */
    if (S_ISREG(st->st_mode) && is_overwrite(disposition) &&
        hides_more((*stored = file_stored_attributes_st(path, st)), attributes))
        return STATUS_ACCESS_DENIED;
    if (read_only && (options & FILE_DELETE_ON_CLOSE))
        return STATUS_CANNOT_DELETE;
    /* Checked before opening too, so that a refused open creates and truncates nothing. */
    if (S_ISREG(st->st_mode))
        return file_check_sharing(st->st_dev, st->st_ino, access, sharing);
    return STATUS_SUCCESS;
}

/* An existing file or folder opened for its data by its name as given, without the case lookup's
 * lstat: open, then fstat (what the sharing table needs). STATUS_MORE_PROCESSING_REQUIRED: not so
 * (missing under this case, or an error the full way reports), the caller takes the full way. */
static NTSTATUS open_as_given(const char *path, ACCESS_MASK access, ULONG sharing, ULONG options,
                              struct file **file)
{
    bool wr = wants_write(access);
    int flags = O_CLOEXEC | (wants_read(access) && wr ? O_RDWR : wr ? O_WRONLY : O_RDONLY);
    struct stat st;
    NTSTATUS status;
    int fd;

    if (wr && !(access & (FILE_WRITE_DATA | GENERIC_WRITE | GENERIC_ALL)))
        flags |= O_APPEND;
    if ((fd = open(path, flags)) < 0)
        return STATUS_MORE_PROCESSING_REQUIRED;
    if (fstat(fd, &st) < 0)
        status = errno_to_status(errno);
    else if (S_ISDIR(st.st_mode) && (options & FILE_NON_DIRECTORY_FILE))
        status = STATUS_FILE_IS_A_DIRECTORY;
    else
        status = check_existing(path, &st, access, 0, sharing, FILE_OPEN, options, &(long){ -1 });
    if (status) {
        close(fd);
        return status;
    }
    return finish_open(file, fd, &st, path, access, sharing, options, false, false);
}

/* The full way: the case lookup (with its lstat), the checks, then the open (or creation). */
static NTSTATUS open_looked_up(char **path, ACCESS_MASK access, ULONG attributes, ULONG sharing,
                               ULONG disposition, ULONG options, struct file **file, bool *existed)
{
    struct stat st;
    bool truncate;
    long stored = -1;     /* stored attributes of a file to replace */
    int fd = -1, known = path_take_stat(*path, &st);
    NTSTATUS status;

    *existed = known > 0 || (!known && stat(*path, &st) == 0);
    if (*existed && (status = check_existing(*path, &st, access, attributes, sharing, disposition,
                                             options, &stored)))
        return status;
    if (*existed && S_ISREG(st.st_mode) && no_data_access(access) && !(options & FILE_DIRECTORY_FILE) &&
        (disposition == FILE_OPEN || disposition == FILE_OPEN_IF)) {
        if ((status = finish_open(file, -1, &st, *path, access, sharing, options, false, false)))
            return status;
        (*file)->fd_deferred = true;
        return STATUS_SUCCESS;
    }
    if ((status = open_path(*path, *existed, &st, access, attributes, disposition, options, &fd, &truncate)))
        return status;
    if ((status = finish_open(file, fd, NULL, *path, access, sharing, options, truncate && *existed, !*existed)))
        return status;
    if ((!*existed && (attributes & (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM))) ||
        (*existed && truncate && (stored >= 0 || (attributes & (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM)))))
        set_new_attributes(*path, fd, attributes);
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
    struct file *file;
    bool existed = true;
    size_t root_len;
    NTSTATUS status = STATUS_MORE_PROCESSING_REQUIRED;

    if (!handle || !attr || !io || !attr->ObjectName)
        return STATUS_INVALID_PARAMETER;
    TRACE("%s access %#x attr %#x share %#x disp %u options %#x\n",
          debugstr_wn(attr->ObjectName->Buffer, attr->ObjectName->Length / 2), access,
          attributes, sharing, disposition, options);
    *handle = NULL;
    if (options & ~FILE_VALID_OPTION_FLAGS || disposition > FILE_OVERWRITE_IF ||
        (options & FILE_DIRECTORY_FILE && options & FILE_NON_DIRECTORY_FILE) ||
        sharing & ~(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE))
        return STATUS_INVALID_PARAMETER;
    if ((status = object_attr_as_given(attr, &path, &root_len)))
        return status;
    /* Opening an existing file is the common case: the name as given first, the lookup after. */
    status = STATUS_MORE_PROCESSING_REQUIRED;
    if (disposition == FILE_OPEN && !(options & FILE_DIRECTORY_FILE) && !no_data_access(access))
        status = open_as_given(path, access, sharing, options, &file);
    if (status == STATUS_MORE_PROCESSING_REQUIRED) {
        path = path_resolve_case(path, root_len);
        status = open_looked_up(&path, access, attributes, sharing, disposition, options, &file, &existed);
    }
    if (status)
        goto out;
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

/* The status of a failed unlink, as the open, disposition and close of DeleteFile answer it. */
static NTSTATUS unlink_status(const char *path, int err)
{
    if (err == EACCES || err == EPERM || err == EROFS)
        return STATUS_ACCESS_DENIED;    /* the folder forbids it: what the disposition reported */
    return open_status(path, err);
}

/***********************************************************************
 *           __vinho_delete_file
 *
 * DeleteFileW in one call: what NtOpenFile (DELETE, every share mode, FILE_NON_DIRECTORY_FILE),
 * FileDispositionInformation and NtClose do together, with the same answers: a folder gives
 * STATUS_FILE_IS_A_DIRECTORY, a read-only file STATUS_CANNOT_DELETE, an open without
 * FILE_SHARE_DELETE STATUS_SHARING_VIOLATION, a file already marked STATUS_DELETE_PENDING.
 * Since no handle is left between the steps, the name is removed at once: the lookup's lstat and
 * an unlink, where the three calls cost an open, stats and an access check. A name that is
 * neither a file nor a folder (a device, a pipe) gives STATUS_MORE_PROCESSING_REQUIRED: the
 * caller takes the three calls.
 */
NTSTATUS WINAPI __vinho_delete_file(OBJECT_ATTRIBUTES *attr)
{
    char *path = NULL;
    struct stat st;
    int known;
    NTSTATUS status;

    if (!attr || !attr->ObjectName)
        return STATUS_INVALID_PARAMETER;
    TRACE("%s\n", debugstr_wn(attr->ObjectName->Buffer, attr->ObjectName->Length / 2));
    if ((status = object_attr_to_unix(attr, &path)))
        return status;
    known = path_take_stat(path, &st);
    if (!known)
        known = stat(path, &st) == 0 ? 1 : errno == ENOENT ? -1 : 0;
    if (known < 0)
        status = file_missing_status(path);
    else if (!known)    /* stat failed otherwise: the open reports it as it does */
        status = STATUS_MORE_PROCESSING_REQUIRED;
    else if (S_ISDIR(st.st_mode))
        status = STATUS_FILE_IS_A_DIRECTORY;
    else if (!S_ISREG(st.st_mode))
        status = STATUS_MORE_PROCESSING_REQUIRED;
    else {
        /* Checked and removed under the lock, so that no open of it slips in between. */
        pthread_mutex_lock(&open_files_lock);
        status = check_sharing_locked(st.st_dev, st.st_ino, DELETE,
                                      FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE);
        if (!status && !(st.st_mode & 0222))
            status = STATUS_CANNOT_DELETE;  /* read-only: ERROR_ACCESS_DENIED */
        if (!status && unlink(path) < 0)
            status = unlink_status(path, errno);
        pthread_mutex_unlock(&open_files_lock);
        if (!status)
            dircache_changed(path, false);
    }
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

/* ---------------------------------------------------------------------------------------------
 * Byte-range locks: Linux open-file-description locks, which belong to one open as a Windows
 * lock belongs to one handle. Windows locks are mandatory; within this process reads and writes
 * through another handle are refused over a conflicting lock (Linux alone would only advise).
 */
static int locks_in_use;    /* atomic: any lock taken in this process */

static NTSTATUS check_locks(struct file *file, const LARGE_INTEGER *offset, ULONG length, bool write)
{
    struct flock fl = { 0 };
    if (!__atomic_load_n(&locks_in_use, __ATOMIC_RELAXED) || !length || file->is_dir)
        return STATUS_SUCCESS;
    fl.l_type = write ? F_WRLCK : F_RDLCK;
    fl.l_whence = use_offset(offset) ? SEEK_SET : SEEK_CUR;
    fl.l_start = use_offset(offset) ? offset->QuadPart : 0;
    fl.l_len = length;
    if (fcntl(file->fd, F_OFD_GETLK, &fl) < 0 || fl.l_type == F_UNLCK)
        return STATUS_SUCCESS;
    return STATUS_FILE_LOCK_CONFLICT;
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
    if (apc)
        FIXME_ONCE("APC completion is not implemented; reading synchronously\n");
    if (event)
        NtResetEvent(event, NULL);
    if (!wants_read(access) && !(access & MAXIMUM_ALLOWED)) {
        status = STATUS_ACCESS_DENIED;
        goto out;
    }
    if ((status = check_locks(file, offset, length, false)))
        goto out;
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
    iocp_file_io_done(file, apc_context, status, status ? 0 : n);
    object_unref(&file->obj);
    if (event && (!status || status == STATUS_END_OF_FILE))
        NtSetEvent(event, NULL);    /* completed at once: the event says so, as on Windows */
    return status;
}

/* A bulk writer into a pipe: the first write of BULK_WRITE bytes or more grows the Linux pipe
 * from 64 KiB to 1 MiB (pipe-max-size's default). Each time a full pipe blocks its writer, both
 * processes switch, and a switch of a vinho thread costs more than a native one (it has a GS
 * base: docs/threads.md, "Speed"); a bigger buffer switches several times less. Only pipes that
 * carry bulk data grow, because the kernel counts every pipe's buffer against the user's
 * pipe-user-pages-soft (64 MiB by default) for all of the user's programs. Windows sizes an
 * anonymous pipe's buffer as it likes too (CreatePipe's nSize "is only a suggestion"). */
#define BULK_WRITE (32 * 1024)
#define BULK_PIPE_SIZE (1024 * 1024)

static void grow_bulk_pipe(struct file *file, ULONG length)
{
    int size;
    if (length < BULK_WRITE || file->pipe_sized)
        return;
    file->pipe_sized = true;    /* asked once per open: a lost race only asks twice */
    size = fcntl(file->fd, F_GETPIPE_SZ);   /* not a pipe: EBADF */
    if (size > 0 && size < BULK_PIPE_SIZE && fcntl(file->fd, F_SETPIPE_SZ, BULK_PIPE_SIZE) < 0)
        TRACE("pipe of fd %d stays at %d bytes: %s\n", file->fd, size, strerror(errno));
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
    if (apc)
        FIXME_ONCE("APC completion is not implemented; writing synchronously\n");
    if (event)
        NtResetEvent(event, NULL);
    if (!wants_write(access) && !(access & MAXIMUM_ALLOWED)) {
        status = STATUS_ACCESS_DENIED;
        goto out;
    }
    if ((status = check_locks(file, offset, length, true)))
        goto out;
    grow_bulk_pipe(file, length);
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
    iocp_file_io_done(file, apc_context, status, done);
    object_unref(&file->obj);
    if (event && !status)
        NtSetEvent(event, NULL);
    return status;
}

/***********************************************************************
 *           NtFlushBuffersFile
 */
NTSTATUS WINAPI NtFlushBuffersFile(HANDLE handle, IO_STATUS_BLOCK *io)
{
    struct file *file;
    ACCESS_MASK access;
    NTSTATUS status;
    if ((status = get_file(handle, &file, &access)))
        return status;
    /* Windows requires write access to flush ("The handle must have the GENERIC_WRITE access right"). */
    if (!wants_write(access) && !(access & MAXIMUM_ALLOWED))
        status = STATUS_ACCESS_DENIED;
    else if (fsync(file->fd) < 0 && errno != EINVAL && errno != EROFS)
        status = errno_to_status(errno);
    if (io) {
        io->Status = status;
        io->Information = 0;
    }
    object_unref(&file->obj);
    return status;
}

/***********************************************************************
 *           NtCancelIoFile
 *
 * Every read and write completes before its call returns (see NtReadFile), so by the time a
 * thread asks, none of its requests is pending: there is nothing to cancel, which is success.
 */
NTSTATUS WINAPI NtCancelIoFile(HANDLE handle, IO_STATUS_BLOCK *io)
{
    struct file *file;
    NTSTATUS status;
    if ((status = get_file(handle, &file, NULL)))
        return status;
    object_unref(&file->obj);
    if (io) {
        io->Status = STATUS_SUCCESS;
        io->Information = 0;
    }
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtCancelIoFileEx
 *
 * As NtCancelIoFile, for any thread's requests: none is ever pending, so there is no request
 * to cancel (STATUS_NOT_FOUND, which CancelIoEx documents as ERROR_NOT_FOUND). A read that is
 * blocked in another thread (a pipe or terminal with no data yet) is not interrupted.
 */
NTSTATUS WINAPI NtCancelIoFileEx(HANDLE handle, IO_STATUS_BLOCK *request, IO_STATUS_BLOCK *io)
{
    struct file *file;
    NTSTATUS status;
    if ((status = get_file(handle, &file, NULL)))
        return status;
    if (file->tty == 1 || (!file->unix_name && !file->is_dir))
        FIXME_ONCE("a read blocked in another thread is not interrupted\n");
    object_unref(&file->obj);
    (void)request;
    (void)io;       /* Windows leaves it alone when nothing was found */
    return STATUS_NOT_FOUND;
}

/* The Linux range of a Windows lock; ranges past what off_t holds are clipped to its end. */
static bool lock_range(const LARGE_INTEGER *offset, const LARGE_INTEGER *length, struct flock *fl)
{
    ULONGLONG start = offset->QuadPart, len = length->QuadPart;
    if (start > INT64_MAX)
        return false;
    if (len > (ULONGLONG)INT64_MAX - start)
        len = INT64_MAX - start;
    fl->l_whence = SEEK_SET;
    fl->l_start = start;
    fl->l_len = len;
    return true;
}

static NTSTATUS add_lock(struct file *file, const LARGE_INTEGER *offset, const LARGE_INTEGER *length,
                         bool wait, bool exclusive)
{
    struct flock fl = { 0 };
    struct file_lock *grown;
    for (size_t i = 0; i < file->nlocks; i++) {
        const struct file_lock *l = &file->locks[i];
        bool overlap = offset->QuadPart < l->offset + l->length && l->offset < offset->QuadPart + length->QuadPart;
        if (overlap && (exclusive || l->exclusive))
            return STATUS_LOCK_NOT_GRANTED;     /* a handle cannot lock over its own exclusive lock */
    }
    if (!length->QuadPart) {
        FIXME_ONCE("zero-length locks are kept but do not conflict\n");
    } else {
        if (!lock_range(offset, length, &fl))
            return STATUS_INVALID_PARAMETER;
        fl.l_type = exclusive ? F_WRLCK : F_RDLCK;
        while (fcntl(file->fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, &fl) < 0) {
            if (errno == EINTR)
                continue;
            return errno == EAGAIN || errno == EACCES ? STATUS_LOCK_NOT_GRANTED
                 : errno == EBADF ? STATUS_INVALID_HANDLE : errno_to_status(errno);
        }
    }
    if (!(grown = realloc(file->locks, (file->nlocks + 1) * sizeof(*grown))))
        return STATUS_NO_MEMORY;
    file->locks = grown;
    file->locks[file->nlocks++] = (struct file_lock){ offset->QuadPart, length->QuadPart, exclusive };
    __atomic_store_n(&locks_in_use, 1, __ATOMIC_RELAXED);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtLockFile
 */
NTSTATUS WINAPI NtLockFile(HANDLE handle, HANDLE event, PIO_APC_ROUTINE apc, void *apc_context,
                           IO_STATUS_BLOCK *io, LARGE_INTEGER *offset, LARGE_INTEGER *length,
                           ULONG *key, BOOLEAN fail_immediately, BOOLEAN exclusive)
{
    LARGE_INTEGER off, len;
    struct file *file;
    NTSTATUS status;

    if (!offset || !length || !io)
        return STATUS_INVALID_PARAMETER;
    off = *offset;
    len = *length;
    TRACE("%p %#llx+%#llx %s%s\n", handle, (unsigned long long)off.QuadPart,
          (unsigned long long)len.QuadPart, exclusive ? "exclusive" : "shared", fail_immediately ? " now" : "");
    if ((status = get_file(handle, &file, NULL)))
        return status;
    if (apc)
        FIXME_ONCE("APC completion of locks is not implemented\n");
    status = file->is_dir ? STATUS_INVALID_PARAMETER : add_lock(file, &off, &len, !fail_immediately, exclusive);
    object_unref(&file->obj);
    io->Status = status;
    io->Information = 0;
    if (event && !status)
        NtSetEvent(event, NULL);
    return status;
}

/***********************************************************************
 *           NtUnlockFile
 */
NTSTATUS WINAPI NtUnlockFile(HANDLE handle, IO_STATUS_BLOCK *io, LARGE_INTEGER *offset,
                             LARGE_INTEGER *length, ULONG *key)
{
    LARGE_INTEGER off, len;
    struct flock fl = { 0 };
    struct file *file;
    NTSTATUS status = STATUS_RANGE_NOT_LOCKED;

    if (!offset || !length)
        return STATUS_INVALID_PARAMETER;
    off = *offset;
    len = *length;
    if ((status = get_file(handle, &file, NULL)))
        return status;
    status = STATUS_RANGE_NOT_LOCKED;
    /* Windows unlocks only a range locked exactly so. */
    for (size_t i = 0; i < file->nlocks; i++) {
        if (file->locks[i].offset != off.QuadPart || file->locks[i].length != len.QuadPart)
            continue;
        file->locks[i] = file->locks[--file->nlocks];
        status = STATUS_SUCCESS;
        if (len.QuadPart && lock_range(&off, &len, &fl)) {
            fl.l_type = F_UNLCK;
            if (fcntl(file->fd, F_OFD_SETLK, &fl) < 0)
                status = errno_to_status(errno);
            /* Locks of the same handle over the same bytes merged in Linux: take them again. */
            for (size_t j = 0; j < file->nlocks; j++) {
                const struct file_lock *l = &file->locks[j];
                LARGE_INTEGER lo = { .QuadPart = l->offset }, ll = { .QuadPart = l->length };
                if (l->length && lock_range(&lo, &ll, &fl)) {
                    fl.l_type = l->exclusive ? F_WRLCK : F_RDLCK;
                    fcntl(file->fd, F_OFD_SETLK, &fl);
                }
            }
        }
        break;
    }
    object_unref(&file->obj);
    if (io) {
        io->Status = status;
        io->Information = 0;
    }
    return status;
}

/* I/O controls: vinho implements none yet. The answer is Windows' for a request the device does
 * not know (ERROR_INVALID_FUNCTION), never a pretended success. */
static NTSTATUS unsupported_control(const char *what, HANDLE handle, ULONG code, IO_STATUS_BLOCK *io)
{
    struct file *file;
    NTSTATUS status = get_file(handle, &file, NULL);
    if (status)
        return status;
    object_unref(&file->obj);
    FIXME("%s %#x (device %#x, function %#x) is not implemented\n", what, code, code >> 16,
          (code >> 2) & 0xfff);
    if (io) {
        io->Status = STATUS_INVALID_DEVICE_REQUEST;
        io->Information = 0;
    }
    return STATUS_INVALID_DEVICE_REQUEST;
}

/***********************************************************************
 *           NtDeviceIoControlFile
 */
NTSTATUS WINAPI NtDeviceIoControlFile(HANDLE handle, HANDLE event, PIO_APC_ROUTINE apc,
                                      void *apc_context, IO_STATUS_BLOCK *io, ULONG code,
                                      void *in, ULONG in_size, void *out, ULONG out_size)
{
    return unsupported_control("device I/O control", handle, code, io);
}

/***********************************************************************
 *           NtFsControlFile
 */
NTSTATUS WINAPI NtFsControlFile(HANDLE handle, HANDLE event, PIO_APC_ROUTINE apc, void *apc_context,
                                IO_STATUS_BLOCK *io, ULONG code, void *in, ULONG in_size,
                                void *out, ULONG out_size)
{
    if (code == 0x0011400c /* FSCTL_PIPE_PEEK */)
        return pipe_peek(handle, io, out, out_size);   /* pipe.c */
    return unsupported_control("file system control", handle, code, io);
}
