/* fileinfo.c: NtQuery/SetInformationFile, volume information and attribute queries. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(file);

LONGLONG timespec_to_filetime(const struct timespec *ts)
{
    return (ts->tv_sec + 11644473600LL) * 10000000LL + ts->tv_nsec / 100;
}

/* Hidden, system and archive have no POSIX place: they are kept in this extended attribute as
 * text ("0x22"), the name and form Samba and Wine use, so the three agree on a file. */
#define DOSATTRIB_XATTR "user.DOSATTRIB"

/* The attribute bits stored for name (relative to the open folder dirfd unless absolute), or -1
 * when none are (or the file system keeps no extended attributes). */
long file_stored_attributes(int dirfd, const char *name)
{
    char buf[32], full[PATH_MAX];
    ssize_t n;

    if (name[0] != '/' && dirfd != AT_FDCWD) {
        if (snprintf(full, sizeof(full), "/proc/self/fd/%d/%s", dirfd, name) >= (int)sizeof(full))
            return -1;
        name = full;
    }
    n = getxattr(name, DOSATTRIB_XATTR, buf, sizeof(buf) - 1);
    if (n < 3 || buf[0] != '0' || (buf[1] != 'x' && buf[1] != 'X'))
        return -1;
    buf[n] = 0;
    return strtoul(buf + 2, NULL, 16) & FILE_KEPT_ATTRIBUTES;
}

static void forget_stored_attributes(const struct stat *st);

/* Writes the stored bits: the default (archive for a file, nothing for a folder) is no attribute. */
static int write_stored(const char *path, ULONG bits, bool is_default)
{
    char text[16];
    if (is_default)
        return removexattr(path, DOSATTRIB_XATTR) < 0 && errno != ENODATA ? -1 : 0;
    snprintf(text, sizeof(text), "0x%x", (unsigned)bits);
    return setxattr(path, DOSATTRIB_XATTR, text, strlen(text), 0);
}

/* The mark of a regular file with stored attributes: the sticky bit, which means nothing for a
 * file on Linux. Reading an extended attribute is a system call, and nearly every file has none:
 * only a file with the mark (and every folder) is asked, so that GetFileAttributesEx and listings
 * cost one stat, as on Linux. Attributes stored by another program without the mark (Wine,
 * Samba) are therefore not seen (docs/files.md). */
#define STORED_MARK S_ISVTX

static bool may_have_stored(const struct stat *st)
{
    return S_ISDIR(st->st_mode) || (S_ISREG(st->st_mode) && (st->st_mode & STORED_MARK));
}

/* The stored attribute bits of path, whose stat is st; -1 when none (no syscall without the mark). */
long file_stored_attributes_st(const char *path, const struct stat *st)
{
    return may_have_stored(st) ? file_stored_attributes(AT_FDCWD, path) : -1;
}

/* Stores the hidden, system and archive bits of attr for path, and sets or clears the mark of a
 * regular file to match (st->st_mode follows). */
NTSTATUS file_store_attributes(const char *path, struct stat *st, ULONG attr)
{
    ULONG bits = attr & FILE_KEPT_ATTRIBUTES;
    bool is_default = bits == (S_ISREG(st->st_mode) ? FILE_ATTRIBUTE_ARCHIVE : 0u);
    mode_t mode = st->st_mode & 07777;
    int r;

    if (!S_ISREG(st->st_mode) && !S_ISDIR(st->st_mode))
        return STATUS_SUCCESS;
    if (S_ISREG(st->st_mode))
        mode = is_default ? mode & ~STORED_MARK : mode | STORED_MARK;
    forget_stored_attributes(st);
    r = write_stored(path, bits, is_default);
    /* A user.* attribute needs write permission, which the owner of a read-only file lacks:
     * lend it for the change, as Windows lets the owner set the attributes of such a file. */
    if (r < 0 && errno == EACCES && st->st_uid == geteuid() &&
        !chmod(path, (st->st_mode & 07777) | S_IWUSR)) {
        r = write_stored(path, bits, is_default);
        int saved = errno;
        if (chmod(path, mode) == 0)
            st->st_mode = (st->st_mode & ~07777) | mode;
        errno = saved;
    }
    if (r < 0 && (errno == ENOTSUP || errno == EPERM)) {
        if (bits & (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM))
            FIXME_ONCE("this file system keeps no extended attributes: hidden and system are not kept\n");
        return STATUS_SUCCESS;  /* as documented in docs/files.md: programs set them routinely */
    }
    if (r < 0)
        return errno_to_status(errno);
    if (mode != (st->st_mode & 07777)) {
        if (chmod(path, mode) < 0)
            return errno_to_status(errno);  /* not the owner: the attributes would not be seen */
        st->st_mode = (st->st_mode & ~07777) | mode;
    }
    return STATUS_SUCCESS;
}

/* Stored attributes by inode and change time, so that listing a folder again (or a listing after
 * GetFileAttributesEx) reads no extended attribute again. Setting one changes the ctime, so an
 * entry with the same ctime is still right, except for a change by another process within the
 * same clock tick as our read (the folder cache has the same window); our own changes drop the
 * entry (file_store_attributes). */
#define ATTR_CACHE_SIZE 16384
static struct {
    dev_t dev;
    ino_t ino;
    struct timespec ctime;
    long stored;
} attr_cache[ATTR_CACHE_SIZE];
static pthread_mutex_t attr_cache_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t attr_slot(const struct stat *st)
{
    return (size_t)((st->st_ino * 0x9e3779b97f4a7c15ULL) ^ st->st_dev) % ATTR_CACHE_SIZE;
}

static long cached_stored_attributes(const struct stat *st, int dirfd, const char *name)
{
    size_t i = attr_slot(st);
    long stored;
    if (!may_have_stored(st))
        return -1;
    pthread_mutex_lock(&attr_cache_lock);
    bool hit = attr_cache[i].ino == st->st_ino && attr_cache[i].dev == st->st_dev &&
               attr_cache[i].ctime.tv_sec == st->st_ctim.tv_sec &&
               attr_cache[i].ctime.tv_nsec == st->st_ctim.tv_nsec;
    stored = attr_cache[i].stored;
    pthread_mutex_unlock(&attr_cache_lock);
    if (hit)
        return stored;
    stored = file_stored_attributes(dirfd, name);
    pthread_mutex_lock(&attr_cache_lock);
    attr_cache[i].dev = st->st_dev;
    attr_cache[i].ino = st->st_ino;
    attr_cache[i].ctime = st->st_ctim;
    attr_cache[i].stored = stored;
    pthread_mutex_unlock(&attr_cache_lock);
    return stored;
}

static void forget_stored_attributes(const struct stat *st)
{
    size_t i = attr_slot(st);
    pthread_mutex_lock(&attr_cache_lock);
    if (attr_cache[i].ino == st->st_ino && attr_cache[i].dev == st->st_dev)
        attr_cache[i].ino = 0;
    pthread_mutex_unlock(&attr_cache_lock);
}

/* Windows attributes of a file: read-only is a missing write bit, hidden a dot name or the
 * stored bit; system and archive are the stored bits (archive by default for a file). */
static ULONG stat_attributes(const struct stat *st, const char *name, int dirfd)
{
    ULONG attr = 0;
    long stored = -1;
    const char *base = name ? strrchr(name, '/') : NULL;
    base = base ? base + 1 : name;
    if (name && (S_ISREG(st->st_mode) || S_ISDIR(st->st_mode)))
        stored = cached_stored_attributes(st, dirfd, name);
    if (S_ISDIR(st->st_mode))
        attr |= FILE_ATTRIBUTE_DIRECTORY;
    else if (S_ISREG(st->st_mode) && stored < 0)
        attr |= FILE_ATTRIBUTE_ARCHIVE;
    if (stored > 0)
        attr |= stored;
    if (!(st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)))
        attr |= FILE_ATTRIBUTE_READONLY;
    if (base && base[0] == '.' && strcmp(base, ".") && strcmp(base, ".."))
        attr |= FILE_ATTRIBUTE_HIDDEN;
    return attr ? attr : FILE_ATTRIBUTE_NORMAL;
}

static void fill_basic_at(FILE_BASIC_INFORMATION *info, const struct stat *st, const char *name,
                          int dirfd)
{
    info->CreationTime.QuadPart = timespec_to_filetime(&st->st_mtim);
    info->LastAccessTime.QuadPart = timespec_to_filetime(&st->st_atim);
    info->LastWriteTime.QuadPart = timespec_to_filetime(&st->st_mtim);
    info->ChangeTime.QuadPart = timespec_to_filetime(&st->st_ctim);
    info->FileAttributes = stat_attributes(st, name, dirfd);
}

static void fill_basic(FILE_BASIC_INFORMATION *info, const struct stat *st, const char *name)
{
    fill_basic_at(info, st, name, AT_FDCWD);
}

void file_stat_to_network(const struct stat *st, int dirfd, const char *name,
                          FILE_NETWORK_OPEN_INFORMATION *info)
{
    FILE_BASIC_INFORMATION basic;
    fill_basic_at(&basic, st, name, dirfd);
    info->CreationTime = basic.CreationTime;
    info->LastAccessTime = basic.LastAccessTime;
    info->LastWriteTime = basic.LastWriteTime;
    info->ChangeTime = basic.ChangeTime;
    info->FileAttributes = basic.FileAttributes;
    info->EndOfFile.QuadPart = S_ISDIR(st->st_mode) ? 0 : st->st_size;
    info->AllocationSize.QuadPart = S_ISDIR(st->st_mode) ? 0 : (LONGLONG)st->st_blocks * 512;
}

static const ULONG info_sizes[] = {
    [FileBasicInformation] = sizeof(FILE_BASIC_INFORMATION),
    [FileStandardInformation] = sizeof(FILE_STANDARD_INFORMATION),
    [FileInternalInformation] = 8,
    [FileEaInformation] = 4,
    [FileAccessInformation] = 4,
    [FilePositionInformation] = sizeof(FILE_POSITION_INFORMATION),
    [FileModeInformation] = 4,
    [FileAlignmentInformation] = 4,
    [FileNetworkOpenInformation] = sizeof(FILE_NETWORK_OPEN_INFORMATION),
    [FileAttributeTagInformation] = 8,
    [FileNameInformation] = 4,
    [FileAllInformation] = 104,
};

static NTSTATUS query_file(struct file *file, ACCESS_MASK access, void *info, ULONG cls, ULONG *size);
static NTSTATUS query_file_len(struct file *file, ACCESS_MASK access, void *info, ULONG cls,
                               ULONG length, ULONG *size);

/* FileNameInformation: the path within its volume ("\\dir\\file"); FileAllInformation: the
 * basic, standard, internal, EA, access, position, mode, alignment and name parts in a row. */
static NTSTATUS query_name(struct file *file, const struct stat *st, ACCESS_MASK access, void *info,
                           ULONG cls, ULONG length, ULONG *size)
{
    uint8_t *p = info;
    ULONG base = cls == FileAllInformation ? 96 : 0, avail = length - base - 4, name_bytes;
    size_t wlen = 0;
    char *dos = file->unix_name ? unix_to_dos_path(file->unix_name) : NULL;
    WCHAR *w;
    NTSTATUS status = STATUS_SUCCESS;

    if (cls == FileAllInformation) {
        ULONG sub;
        query_file(file, access, p, FileBasicInformation, &sub);
        query_file(file, access, p + 40, FileStandardInformation, &sub);
        query_file(file, access, p + 64, FileInternalInformation, &sub);
        query_file(file, access, p + 72, FileEaInformation, &sub);
        query_file(file, access, p + 76, FileAccessInformation, &sub);
        query_file(file, access, p + 80, FilePositionInformation, &sub);
        query_file(file, access, p + 88, FileModeInformation, &sub);
        query_file(file, access, p + 92, FileAlignmentInformation, &sub);
    }
    if (!dos)
        return file->unix_name ? STATUS_NO_MEMORY : STATUS_INVALID_PARAMETER;
    w = utf8_to_utf16(dos + 2, strlen(dos + 2), &wlen);     /* without the drive letter */
    free(dos);
    if (!w)
        return STATUS_NO_MEMORY;
    name_bytes = wlen * sizeof(WCHAR);
    memcpy(p + base, &name_bytes, 4);
    if (name_bytes > avail) {
        status = STATUS_BUFFER_OVERFLOW;
        name_bytes = avail & ~1u;
    }
    memcpy(p + base + 4, w, name_bytes);
    free(w);
    *size = base + 4 + name_bytes;
    (void)st;
    return status;
}

static NTSTATUS query_file(struct file *file, ACCESS_MASK access, void *info, ULONG cls, ULONG *size)
{
    return query_file_len(file, access, info, cls, info_sizes[cls], size);
}

static NTSTATUS query_file_len(struct file *file, ACCESS_MASK access, void *info, ULONG cls,
                               ULONG length, ULONG *size)
{
    struct stat st;
    if (fstat(file->fd, &st) < 0)
        return errno_to_status(errno);
    *size = info_sizes[cls];
    switch (cls) {
    case FileBasicInformation:
        fill_basic(info, &st, file->unix_name);
        break;
    case FileStandardInformation: {
        FILE_STANDARD_INFORMATION *std = info;
        std->AllocationSize.QuadPart = S_ISDIR(st.st_mode) ? 0 : (LONGLONG)st.st_blocks * 512;
        std->EndOfFile.QuadPart = S_ISDIR(st.st_mode) ? 0 : st.st_size;
        std->NumberOfLinks = st.st_nlink;
        std->DeletePending = file->delete_on_close;
        std->Directory = S_ISDIR(st.st_mode);
        break;
    }
    case FileInternalInformation:
        *(ULONGLONG *)info = st.st_ino;
        break;
    case FileEaInformation:
        *(ULONG *)info = 0;
        break;
    case FileAccessInformation:
        *(ULONG *)info = access;
        break;
    case FilePositionInformation: {
        off_t pos = lseek(file->fd, 0, SEEK_CUR);
        ((FILE_POSITION_INFORMATION *)info)->CurrentByteOffset.QuadPart = pos < 0 ? 0 : pos;
        break;
    }
    case FileModeInformation:
        *(ULONG *)info = file->options & (FILE_WRITE_THROUGH | FILE_SEQUENTIAL_ONLY |
            FILE_NO_INTERMEDIATE_BUFFERING | FILE_SYNCHRONOUS_IO_ALERT |
            FILE_SYNCHRONOUS_IO_NONALERT | FILE_DELETE_ON_CLOSE);
        break;
    case FileAlignmentInformation:
        *(ULONG *)info = 0;
        break;
    case FileNetworkOpenInformation:
        file_stat_to_network(&st, AT_FDCWD, file->unix_name, info);
        break;
    case FileAttributeTagInformation:
        ((ULONG *)info)[0] = stat_attributes(&st, file->unix_name, AT_FDCWD);
        ((ULONG *)info)[1] = 0;
        break;
    case FileNameInformation:
    case FileAllInformation:
        return query_name(file, &st, access, info, cls, length, size);
    }
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtQueryInformationFile
 */
NTSTATUS WINAPI NtQueryInformationFile(HANDLE handle, IO_STATUS_BLOCK *io, PVOID info,
                                       ULONG length, FILE_INFORMATION_CLASS cls)
{
    struct file *file;
    ACCESS_MASK access;
    ULONG size = 0;
    NTSTATUS status;

    TRACE("%p %p %u class %u\n", handle, info, length, cls);
    if (cls >= sizeof(info_sizes) / sizeof(info_sizes[0]) || !info_sizes[cls]) {
        FIXME("information class %u is not implemented\n", cls);
        return STATUS_INVALID_INFO_CLASS;
    }
    if (length < info_sizes[cls])
        return STATUS_INFO_LENGTH_MISMATCH;
    if ((status = get_file(handle, &file, &access)))
        return status;
    status = query_file_len(file, access, info, cls, length, &size);
    object_unref(&file->obj);
    io->Status = status;
    io->Information = status && status != STATUS_BUFFER_OVERFLOW ? 0 : size;
    return status;
}

/* Whether the folder holding path lets us remove entries from it. */
static bool parent_writable(const char *path)
{
    char *copy = strdup(path), *slash;
    bool ok = true;
    if (copy && (slash = strrchr(copy, '/'))) {
        *slash = 0;
        ok = !access(*copy ? copy : "/", W_OK);
    }
    free(copy);
    return ok;
}

/* Marks the file for deletion at its close (or clears the mark); what would make the deletion
 * fail is checked now, so that the caller hears of it (DeleteFile, RemoveDirectory). on_close:
 * only the delete-on-close state, as FILE_DELETE_ON_CLOSE sets it, without refusing new opens. */
static NTSTATUS set_disposition(struct file *file, bool delete, bool ignore_read_only, bool on_close)
{
    struct stat st;
    if (!file->unix_name)
        return STATUS_INVALID_PARAMETER;
    if (delete && (S_ISCHR(file->mode) || S_ISBLK(file->mode)))
        return STATUS_INVALID_PARAMETER;    /* a device (NUL, CON) is never removed (Wine agrees) */
    if (delete) {
        if (file->is_dir) {
            DIR *d = opendir(file->unix_name);
            struct dirent *e;
            bool empty = true;
            while (d && empty && (e = readdir(d)))
                empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
            if (d)
                closedir(d);
            if (!empty)
                return STATUS_DIRECTORY_NOT_EMPTY;
        }
        if (!parent_writable(file->unix_name))
            return STATUS_ACCESS_DENIED;
        /* A handle without descriptor knows its mode from the open (SetFileAttributes keeps it). */
        st.st_mode = file->mode;
        if (!file->is_dir && !ignore_read_only && (file->fd < 0 || !fstat(file->fd, &st)) &&
            S_ISREG(st.st_mode) && !(st.st_mode & 0222))
            return STATUS_CANNOT_DELETE;    /* a read-only file: ERROR_ACCESS_DENIED */
    }
    file->delete_on_close = delete;
    if (!on_close)
        file->delete_pending = delete;
    return STATUS_SUCCESS;
}

/* FILE_DISPOSITION_INFORMATION_EX's flags (ntddk.h). POSIX semantics (the name goes when this
 * handle closes, while other handles keep the data) is how vinho deletes anyway. */
#define FILE_DISPOSITION_DELETE                    0x01
#define FILE_DISPOSITION_POSIX_SEMANTICS           0x02
#define FILE_DISPOSITION_FORCE_IMAGE_SECTION_CHECK 0x04
#define FILE_DISPOSITION_ON_CLOSE                  0x08
#define FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE 0x10

static NTSTATUS set_disposition_ex(struct file *file, const void *info, ULONG length)
{
    ULONG flags;
    if (length < sizeof(flags))
        return STATUS_INFO_LENGTH_MISMATCH;
    memcpy(&flags, info, sizeof(flags));
    if (flags & ~0x1fu)
        return STATUS_INVALID_PARAMETER;
    return set_disposition(file, flags & FILE_DISPOSITION_DELETE,
                           flags & FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE,
                           flags & FILE_DISPOSITION_ON_CLOSE);
}

/* FILE_RENAME_INFORMATION on x64: ReplaceIfExists at 0, RootDirectory at 8, FileNameLength at 16,
 * FileName (an NT path) at 20. */
static NTSTATUS set_rename(struct file *file, const void *info, ULONG length, bool link)
{
    const uint8_t *p = info;
    ULONG name_len;
    HANDLE root;
    UNICODE_STRING nt;
    struct stat st;
    char *target;
    NTSTATUS status;

    if (length < 24)
        return STATUS_INFO_LENGTH_MISMATCH;
    memcpy(&root, p + 8, sizeof(root));
    memcpy(&name_len, p + 16, sizeof(name_len));
    if (name_len > length - 20 || name_len % 2 || name_len > 0xfffe || !file->unix_name)
        return STATUS_INVALID_PARAMETER;
    nt.Buffer = (WCHAR *)(p + 20);
    nt.Length = nt.MaximumLength = name_len;
    OBJECT_ATTRIBUTES attr = { sizeof(attr), root, &nt, 0, NULL, NULL };
    if (!root && name_len && nt.Buffer[0] != '\\') {
        /* A bare name renames within the file's own folder, as documented. */
        char *dir = strdup(file->unix_name), *slash = dir ? strrchr(dir, '/') : NULL;
        if (!slash) {
            free(dir);
            return STATUS_NO_MEMORY;
        }
        slash[slash == dir] = 0;
        status = nt_relative_to_unix(dir, &nt, &target);
        free(dir);
    } else {
        status = object_attr_to_unix(&attr, &target);
    }
    if (status)
        return status;
    if (!stat(target, &st)) {
        if (!p[0])
            status = STATUS_OBJECT_NAME_COLLISION;
        else if (S_ISDIR(st.st_mode))
            status = STATUS_ACCESS_DENIED;  /* Windows never replaces a folder */
        else
            status = file_check_sharing(st.st_dev, st.st_ino, DELETE, 0);   /* open without FILE_SHARE_DELETE */
    }
    if (link) {
        if (!status && file->is_dir)
            status = STATUS_FILE_IS_A_DIRECTORY;
        if (!status && p[0] && !lstat(target, &st) && unlink(target) < 0)
            status = errno_to_status(errno);
        if (!status && linkat(AT_FDCWD, file->unix_name, AT_FDCWD, target, 0) < 0)
            status = errno == EEXIST ? STATUS_OBJECT_NAME_COLLISION
                   : errno == ENOENT ? STATUS_OBJECT_PATH_NOT_FOUND
                   : errno == EXDEV ? STATUS_NOT_SAME_DEVICE : errno_to_status(errno);
        if (!status)
            dircache_changed(target, true);
        free(target);
        return status;
    }
    if (!status && renameat2(AT_FDCWD, file->unix_name, AT_FDCWD, target, p[0] ? 0 : RENAME_NOREPLACE) < 0) {
        if (errno == EINVAL && !p[0] && rename(file->unix_name, target) == 0)
            status = STATUS_SUCCESS;    /* a file system without RENAME_NOREPLACE; checked above */
        else
            status = errno == EEXIST ? STATUS_OBJECT_NAME_COLLISION
                   : errno == ENOENT ? STATUS_OBJECT_PATH_NOT_FOUND : errno_to_status(errno);
    }
    TRACE("%s -> %s: %#x\n", file->unix_name, target, status);
    if (!status) {
        dircache_changed(file->unix_name, false);
        dircache_changed(target, true);
        free(file->unix_name);
        file->unix_name = target;
    } else {
        free(target);
    }
    return status;
}

/* A FILETIME for utimensat: 0 keeps the time, -1 too (it stops updates on Windows, which Linux
 * cannot do). */
static struct timespec filetime_to_timespec(LONGLONG t)
{
    struct timespec ts = { 0, UTIME_OMIT };
    if (t > 0) {
        LONGLONG rel = t - 116444736000000000LL;
        ts.tv_sec = rel / 10000000;
        ts.tv_nsec = (rel % 10000000) * 100;
        if (ts.tv_nsec < 0) {
            ts.tv_sec--;
            ts.tv_nsec += 1000000000;
        }
    }
    return ts;
}

/* Times and attributes. Read-only is the write bits; hidden, system and archive are kept in
 * user.DOSATTRIB (file_store_attributes); the rest have no place and are not pretended. */
static NTSTATUS set_basic(struct file *file, const FILE_BASIC_INFORMATION *info)
{
    struct timespec ts[2] = { filetime_to_timespec(info->LastAccessTime.QuadPart),
                              filetime_to_timespec(info->LastWriteTime.QuadPart) };
    ULONG attr = info->FileAttributes;
    struct stat st;

    if (info->CreationTime.QuadPart > 0)
        FIXME_ONCE("Linux keeps no settable creation time; it is left as it is\n");
    if (ts[0].tv_nsec != UTIME_OMIT || ts[1].tv_nsec != UTIME_OMIT) {
        int r = file->unix_name ? utimensat(AT_FDCWD, file->unix_name, ts, 0) : futimens(file->fd, ts);
        if (r < 0)
            return errno_to_status(errno);
    }
    if (!attr)
        return STATUS_SUCCESS;
    if (attr & ~0x7fffu)
        return STATUS_INVALID_PARAMETER;
    if ((file->unix_name ? stat(file->unix_name, &st) : fstat(file->fd, &st)) < 0)
        return errno_to_status(errno);
    if (file->unix_name) {
        NTSTATUS status = file_store_attributes(file->unix_name, &st, attr);
        if (status)
            return status;
    } else if (attr & (FILE_ATTRIBUTE_SYSTEM | FILE_ATTRIBUTE_HIDDEN)) {
        FIXME_ONCE("a file opened without a name cannot keep hidden or system\n");
    }
    mode_t mode = st.st_mode & 07777;
    if (attr & FILE_ATTRIBUTE_READONLY)
        mode &= ~(S_IWUSR | S_IWGRP | S_IWOTH);
    else if (!(mode & (S_IWUSR | S_IWGRP | S_IWOTH)))
        mode |= S_IWUSR | ((mode & S_IRGRP) ? S_IWGRP : 0);
    if (mode != (st.st_mode & 07777) &&
        (file->unix_name ? chmod(file->unix_name, mode) : fchmod(file->fd, mode)) < 0)
        return errno_to_status(errno);
    file_mode_changed(st.st_dev, st.st_ino, (st.st_mode & ~07777) | mode);
    return STATUS_SUCCESS;
}

static NTSTATUS set_file(struct file *file, const void *info, ULONG length, ULONG cls)
{
    switch (cls) {
    case FilePositionInformation: {
        if (length < sizeof(FILE_POSITION_INFORMATION))
            return STATUS_INFO_LENGTH_MISMATCH;
        LONGLONG pos = ((const FILE_POSITION_INFORMATION *)info)->CurrentByteOffset.QuadPart;
        if (pos < 0)
            return STATUS_INVALID_PARAMETER;
        if (lseek(file->fd, pos, SEEK_SET) < 0)
            return errno == ESPIPE ? STATUS_INVALID_PARAMETER : errno_to_status(errno);
        return STATUS_SUCCESS;
    }
    case FileEndOfFileInformation:
    case FileAllocationInformation: {
        if (length < sizeof(FILE_END_OF_FILE_INFORMATION))
            return STATUS_INFO_LENGTH_MISMATCH;
        LONGLONG size = ((const FILE_END_OF_FILE_INFORMATION *)info)->EndOfFile.QuadPart;
        struct stat st;
        if (size < 0)
            return STATUS_INVALID_PARAMETER;
        /* Allocation size may only shrink the file; it never grows the data. */
        if (cls == FileAllocationInformation && (fstat(file->fd, &st) < 0 || size >= st.st_size))
            return STATUS_SUCCESS;
        if (ftruncate(file->fd, size) < 0)
            return errno == EFBIG ? STATUS_DISK_FULL : errno_to_status(errno);
        return STATUS_SUCCESS;
    }
    case FileDispositionInformation:
        if (length < sizeof(FILE_DISPOSITION_INFORMATION))
            return STATUS_INFO_LENGTH_MISMATCH;
        return set_disposition(file, ((const FILE_DISPOSITION_INFORMATION *)info)->DoDeleteFile,
                               false, false);
    case FileDispositionInformationEx:
        return set_disposition_ex(file, info, length);
    case FileRenameInformation:
    case FileLinkInformation:
        return set_rename(file, info, length, cls == FileLinkInformation);
    case FileBasicInformation:
        if (length < sizeof(FILE_BASIC_INFORMATION))
            return STATUS_INFO_LENGTH_MISMATCH;
        return set_basic(file, info);
    case 30: /* FileCompletionInformation */
        return iocp_set_file_completion(file, info, length);
    case 41: /* FileIoCompletionNotificationInformation */
        return iocp_set_file_notification(file, info, length);
    }
    FIXME("information class %u is not implemented\n", cls);
    return STATUS_INVALID_INFO_CLASS;
}

/***********************************************************************
 *           NtSetInformationFile
 */
NTSTATUS WINAPI NtSetInformationFile(HANDLE handle, IO_STATUS_BLOCK *io, PVOID info,
                                     ULONG length, FILE_INFORMATION_CLASS cls)
{
    struct file *file;
    ACCESS_MASK access;
    NTSTATUS status;

    TRACE("%p %p %u class %u\n", handle, info, length, cls);
    /* Deletion, renames and times work by name: a handle opened for them alone needs no
     * descriptor (NtCreateFile's no_data_access). */
    if ((status = get_file_by_name(handle, &file, &access)))
        return status;
    if (file->fd_deferred && cls != FileDispositionInformation && cls != FileDispositionInformationEx &&
        cls != FileRenameInformation && cls != FileLinkInformation && cls != FileBasicInformation)
        file_open_deferred(file);
    /* Changing the size needs FILE_WRITE_DATA on Windows; Linux would say EINVAL on an O_RDONLY fd. */
    if ((cls == FileEndOfFileInformation || cls == FileAllocationInformation) &&
        !(access & (GENERIC_WRITE | GENERIC_ALL | FILE_WRITE_DATA | MAXIMUM_ALLOWED)))
        status = STATUS_ACCESS_DENIED;
    else
        status = set_file(file, info, length, cls);
    object_unref(&file->obj);
    io->Status = status;
    io->Information = 0;
    return status;
}

static void put32(uint8_t *p, ULONG v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, ULONGLONG v) { memcpy(p, &v, 8); }

static const ULONG fs_info_sizes[] = {
    [FileFsVolumeInformation] = 18, [FileFsSizeInformation] = 24,
    [FileFsDeviceInformation] = sizeof(FILE_FS_DEVICE_INFORMATION),
    [FileFsAttributeInformation] = 12, [FileFsFullSizeInformation] = 32,
};

static void device_info(struct file *file, const struct stat *st, FILE_FS_DEVICE_INFORMATION *dev)
{
    dev->Characteristics = 0;
    if (isatty(file->fd))
        dev->DeviceType = FILE_DEVICE_CONSOLE;
    else if (S_ISCHR(st->st_mode))
        dev->DeviceType = st->st_rdev == makedev(1, 3) ? FILE_DEVICE_NULL : FILE_DEVICE_UNKNOWN;
    else if (S_ISFIFO(st->st_mode) || S_ISSOCK(st->st_mode))
        dev->DeviceType = FILE_DEVICE_NAMED_PIPE;
    else
        dev->DeviceType = FILE_DEVICE_DISK;
}

/* Appends a UTF-16 name to a volume structure: length at len_off, text at text_off. */
static NTSTATUS put_name(uint8_t *p, ULONG length, ULONG len_off, ULONG text_off, const char *name,
                         ULONG *size)
{
    ULONG n = strlen(name) * 2, room = length - text_off;
    NTSTATUS status = STATUS_SUCCESS;
    put32(p + len_off, n);
    if (n > room) {
        n = room & ~1u;
        status = STATUS_BUFFER_OVERFLOW;
    }
    for (ULONG i = 0; i < n / 2; i++) {
        WCHAR c = name[i];
        memcpy(p + text_off + i * 2, &c, 2);
    }
    *size = text_off + n;
    return status;
}

/* What Windows asks of a volume, from statvfs. The file system calls itself NTFS (as programs
 * test for it), case-preserving and case-insensitive, with hard links and symbolic links. */
static NTSTATUS query_volume(struct file *file, uint8_t *p, ULONG length, ULONG cls, ULONG *size)
{
    struct statvfs vfs;
    struct stat st;
    if (fstat(file->fd, &st) < 0)
        return errno_to_status(errno);
    *size = fs_info_sizes[cls];
    if (cls == FileFsDeviceInformation) {
        device_info(file, &st, (FILE_FS_DEVICE_INFORMATION *)p);
        return STATUS_SUCCESS;
    }
    if (cls == FileFsVolumeInformation) {
        memset(p, 0, 18);
        put32(p + 8, (ULONG)(st.st_dev ^ (st.st_dev >> 32)));
        return put_name(p, length, 12, 18, "", size);
    }
    if (cls == FileFsAttributeInformation) {
        put32(p, 0x2 | 0x4 | 0x80 | 0x400000);  /* case preserved, Unicode, reparse points, hard links */
        put32(p + 4, 255);
        return put_name(p, length, 8, 12, "NTFS", size);
    }
    if (fstatvfs(file->fd, &vfs) < 0)
        return errno_to_status(errno);
    ULONG sector = 512, per_unit = vfs.f_frsize >= 512 ? vfs.f_frsize / 512 : 1;
    ULONGLONG scale = vfs.f_frsize / (sector * per_unit) ? vfs.f_frsize / (sector * per_unit) : 1;
    put64(p, (ULONGLONG)vfs.f_blocks * scale);
    put64(p + 8, (ULONGLONG)vfs.f_bavail * scale);
    if (cls == FileFsFullSizeInformation) {
        put64(p + 16, (ULONGLONG)vfs.f_bfree * scale);
        p += 8;
    }
    put32(p + 16, per_unit);
    put32(p + 20, sector);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtQueryVolumeInformationFile
 */
NTSTATUS WINAPI NtQueryVolumeInformationFile(HANDLE handle, IO_STATUS_BLOCK *io, PVOID info,
                                             ULONG length, FS_INFORMATION_CLASS cls)
{
    struct file *file;
    ULONG size = 0;
    NTSTATUS status;

    TRACE("%p class %u\n", handle, cls);
    if (cls >= sizeof(fs_info_sizes) / sizeof(fs_info_sizes[0]) || !fs_info_sizes[cls]) {
        FIXME("volume information class %u is not implemented\n", cls);
        return STATUS_INVALID_INFO_CLASS;
    }
    if (length < fs_info_sizes[cls])
        return STATUS_INFO_LENGTH_MISMATCH;
    if ((status = get_file(handle, &file, NULL)))
        return status;
    status = query_volume(file, info, length, cls, &size);
    object_unref(&file->obj);
    io->Status = status;
    io->Information = status && status != STATUS_BUFFER_OVERFLOW ? 0 : size;
    return status;
}

static NTSTATUS stat_path(OBJECT_ATTRIBUTES *attr, struct stat *st, char **path)
{
    NTSTATUS status;
    if (!attr || !attr->ObjectName)
        return STATUS_INVALID_PARAMETER;
    if ((status = object_attr_to_unix(attr, path)))
        return status;
    int known = path_take_stat(*path, st);
    if (known < 0)
        errno = ENOENT;
    if (known < 0 || (!known && stat(*path, st) < 0)) {
        status = errno == ENOENT ? file_missing_status(*path)
               : errno == ENOTDIR ? STATUS_OBJECT_PATH_NOT_FOUND : errno_to_status(errno);
        free(*path);
        *path = NULL;
    }
    return status;
}

/***********************************************************************
 *           NtQueryAttributesFile
 */
NTSTATUS WINAPI NtQueryAttributesFile(OBJECT_ATTRIBUTES *attr, FILE_BASIC_INFORMATION *info)
{
    struct stat st;
    char *path = NULL;
    NTSTATUS status = stat_path(attr, &st, &path);
    if (!status)
        fill_basic(info, &st, path);
    free(path);
    return status;
}

/***********************************************************************
 *           NtQueryFullAttributesFile
 */
NTSTATUS WINAPI NtQueryFullAttributesFile(OBJECT_ATTRIBUTES *attr, FILE_NETWORK_OPEN_INFORMATION *info)
{
    struct stat st;
    char *path = NULL;
    NTSTATUS status = stat_path(attr, &st, &path);
    if (!status)
        file_stat_to_network(&st, AT_FDCWD, path, info);
    free(path);
    return status;
}

/* The Unix path the descriptor names (symbolic links resolved), into real[PATH_MAX]; the name it
 * was opened by when the file is gone. */
static const char *final_path(const struct file *file, char *real)
{
    char link[32];
    ssize_t n;
    snprintf(link, sizeof(link), "/proc/self/fd/%d", file->fd);
    n = readlink(link, real, PATH_MAX - 1);
    if (n <= 0 || real[0] != '/' || (n > 10 && !memcmp(real + n - 10, " (deleted)", 10)))
        return file->unix_name;
    real[n] = 0;
    return real;
}

/***********************************************************************
 *           __vinho_file_dos_name
 *
 * The DOS path (C:\dir\file) of an open file, for GetFinalPathNameByHandle; count and *needed in
 * characters, with the NUL. The path is the file's final one, through any symbolic links (what
 * the descriptor names), unless the file was deleted meanwhile.
 */
NTSTATUS WINAPI __vinho_file_dos_name(HANDLE handle, WCHAR *buffer, ULONG count, ULONG *needed)
{
    char real[PATH_MAX];
    struct file *file;
    char *dos = NULL;
    WCHAR *w = NULL;
    size_t len = 0;
    NTSTATUS status;

    if (!needed)
        return STATUS_ACCESS_VIOLATION;
    if ((status = get_file(handle, &file, NULL)))
        return status;
    if (!file->unix_name)
        status = STATUS_INVALID_HANDLE;     /* a pipe or terminal has no path */
    else if (!(dos = unix_to_dos_path(final_path(file, real))) ||
             !(w = utf8_to_utf16(dos, strlen(dos), &len)))
        status = STATUS_NO_MEMORY;
    object_unref(&file->obj);
    free(dos);
    if (!status) {
        *needed = len + 1;
        if (len + 1 > count)
            status = STATUS_BUFFER_TOO_SMALL;
        else
            memcpy(buffer, w, (len + 1) * sizeof(WCHAR));
    }
    free(w);
    return status;
}

/***********************************************************************
 *           __vinho_create_symlink
 *
 * A symbolic link at the NT path link to target: an NT path when flags has 1, else a path
 * relative to the link's folder (backslashes become slashes).
 */
NTSTATUS WINAPI __vinho_create_symlink(UNICODE_STRING *link, const WCHAR *target, ULONG flags)
{
    char *unix_link = NULL, *unix_target = NULL;
    size_t tlen = 0;
    NTSTATUS status;

    if (!link || !target)
        return STATUS_INVALID_PARAMETER;
    while (target[tlen])
        tlen++;
    if ((status = nt_to_unix_path(link, &unix_link)))
        return status;
    if (flags & 1) {
        UNICODE_STRING nt = { tlen * 2, tlen * 2, (WCHAR *)target };
        status = nt_to_unix_path(&nt, &unix_target);
    } else if (!(unix_target = utf16_to_utf8(target, tlen, NULL))) {
        status = STATUS_NO_MEMORY;
    } else {
        for (char *c = unix_target; *c; c++)
            if (*c == '\\')
                *c = '/';
    }
    if (!status && symlink(unix_target, unix_link) < 0)
        status = errno == EEXIST ? STATUS_OBJECT_NAME_COLLISION
               : errno == ENOENT ? STATUS_OBJECT_PATH_NOT_FOUND : errno_to_status(errno);
    if (!status)
        dircache_changed(unix_link, true);
    TRACE("%s -> %s: %#x\n", unix_link, unix_target, status);
    free(unix_link);
    free(unix_target);
    return status;
}

/***********************************************************************
 *           __vinho_time_zone_bias
 *
 * The local time zone's bias (UTC - local, in minutes, as Windows counts it) at the UTC FILETIME
 * utc, from the Linux time zone (TZ, /etc/localtime); utc 0 means now.
 */
NTSTATUS WINAPI __vinho_time_zone_bias(LONGLONG utc, LONG *bias_minutes)
{
    time_t t = utc ? (time_t)(utc / 10000000 - 11644473600LL) : time(NULL);
    struct tm tm;
    if (!bias_minutes)
        return STATUS_ACCESS_VIOLATION;
    if (!localtime_r(&t, &tm))
        return STATUS_INVALID_PARAMETER;
    *bias_minutes = -(LONG)(tm.tm_gmtoff / 60);
    return STATUS_SUCCESS;
}
