/* fileinfo.c: NtQuery/SetInformationFile, volume information and attribute queries. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(file);

LONGLONG timespec_to_filetime(const struct timespec *ts)
{
    return (ts->tv_sec + 11644473600LL) * 10000000LL + ts->tv_nsec / 100;
}

/* What POSIX holds of Windows attributes: read-only is a missing write bit, hidden a dot name. */
static ULONG stat_attributes(const struct stat *st, const char *name)
{
    ULONG attr = 0;
    const char *base = name ? strrchr(name, '/') : NULL;
    base = base ? base + 1 : name;
    if (S_ISDIR(st->st_mode))
        attr |= FILE_ATTRIBUTE_DIRECTORY;
    else if (S_ISREG(st->st_mode))
        attr |= FILE_ATTRIBUTE_ARCHIVE;
    if (!(st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)))
        attr |= FILE_ATTRIBUTE_READONLY;
    if (base && base[0] == '.' && strcmp(base, ".") && strcmp(base, ".."))
        attr |= FILE_ATTRIBUTE_HIDDEN;
    return attr ? attr : FILE_ATTRIBUTE_NORMAL;
}

static void fill_basic(FILE_BASIC_INFORMATION *info, const struct stat *st, const char *name)
{
    info->CreationTime.QuadPart = timespec_to_filetime(&st->st_mtim);
    info->LastAccessTime.QuadPart = timespec_to_filetime(&st->st_atim);
    info->LastWriteTime.QuadPart = timespec_to_filetime(&st->st_mtim);
    info->ChangeTime.QuadPart = timespec_to_filetime(&st->st_ctim);
    info->FileAttributes = stat_attributes(st, name);
}

static void fill_network(FILE_NETWORK_OPEN_INFORMATION *info, const struct stat *st, const char *name)
{
    FILE_BASIC_INFORMATION basic;
    fill_basic(&basic, st, name);
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
};

static NTSTATUS query_file(struct file *file, ACCESS_MASK access, void *info, ULONG cls, ULONG *size)
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
        fill_network(info, &st, file->unix_name);
        break;
    case FileAttributeTagInformation:
        ((ULONG *)info)[0] = stat_attributes(&st, file->unix_name);
        ((ULONG *)info)[1] = 0;
        break;
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
    status = query_file(file, access, info, cls, &size);
    object_unref(&file->obj);
    io->Status = status;
    io->Information = status ? 0 : size;
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

/* Marks the file for deletion at its last close; what would make the deletion fail is checked
 * now, so that the caller hears of it (DeleteFile, RemoveDirectory). */
static NTSTATUS set_disposition(struct file *file, BOOLEAN delete)
{
    if (!file->unix_name)
        return STATUS_INVALID_PARAMETER;
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
    }
    file->delete_on_close = delete;
    return STATUS_SUCCESS;
}

/* FILE_RENAME_INFORMATION on x64: ReplaceIfExists at 0, RootDirectory at 8, FileNameLength at 16,
 * FileName (an NT path) at 20. */
static NTSTATUS set_rename(struct file *file, const void *info, ULONG length)
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
    if (root) {
        FIXME("renaming relative to a folder handle is not implemented yet\n");
        return STATUS_NOT_IMPLEMENTED;
    }
    nt.Buffer = (WCHAR *)(p + 20);
    nt.Length = nt.MaximumLength = name_len;
    if ((status = nt_to_unix_path(&nt, &target)))
        return status;
    if (!stat(target, &st)) {
        if (!p[0])
            status = STATUS_OBJECT_NAME_COLLISION;
        else if (S_ISDIR(st.st_mode))
            status = STATUS_ACCESS_DENIED;  /* Windows never replaces a folder */
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
        free(file->unix_name);
        file->unix_name = target;
    } else {
        free(target);
    }
    return status;
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
        return set_disposition(file, ((const FILE_DISPOSITION_INFORMATION *)info)->DoDeleteFile);
    case FileRenameInformation:
        return set_rename(file, info, length);
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
    NTSTATUS status;

    TRACE("%p %p %u class %u\n", handle, info, length, cls);
    if ((status = get_file(handle, &file, NULL)))
        return status;
    status = set_file(file, info, length, cls);
    object_unref(&file->obj);
    io->Status = status;
    io->Information = 0;
    return status;
}

/***********************************************************************
 *           NtQueryVolumeInformationFile
 */
NTSTATUS WINAPI NtQueryVolumeInformationFile(HANDLE handle, IO_STATUS_BLOCK *io, PVOID info,
                                             ULONG length, FS_INFORMATION_CLASS cls)
{
    struct file *file;
    struct stat st;
    NTSTATUS status;

    TRACE("%p class %u\n", handle, cls);
    if (cls != FileFsDeviceInformation) {
        FIXME("volume information class %u is not implemented\n", cls);
        return STATUS_INVALID_INFO_CLASS;
    }
    if (length < sizeof(FILE_FS_DEVICE_INFORMATION))
        return STATUS_INFO_LENGTH_MISMATCH;
    if ((status = get_file(handle, &file, NULL)))
        return status;
    if (fstat(file->fd, &st) < 0) {
        status = errno_to_status(errno);
    } else {
        FILE_FS_DEVICE_INFORMATION *dev = info;
        dev->Characteristics = 0;
        if (isatty(file->fd))
            dev->DeviceType = FILE_DEVICE_CONSOLE;
        else if (S_ISCHR(st.st_mode))
            dev->DeviceType = st.st_rdev == makedev(1, 3) ? FILE_DEVICE_NULL : FILE_DEVICE_UNKNOWN;
        else if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
            dev->DeviceType = FILE_DEVICE_NAMED_PIPE;
        else
            dev->DeviceType = FILE_DEVICE_DISK;
    }
    object_unref(&file->obj);
    io->Status = status;
    io->Information = status ? 0 : sizeof(FILE_FS_DEVICE_INFORMATION);
    return status;
}

static NTSTATUS stat_path(OBJECT_ATTRIBUTES *attr, struct stat *st, char **path)
{
    NTSTATUS status;
    if (!attr || !attr->ObjectName)
        return STATUS_INVALID_PARAMETER;
    if ((status = nt_to_unix_path(attr->ObjectName, path)))
        return status;
    if (stat(*path, st) < 0) {
        status = errno == ENOENT ? STATUS_OBJECT_NAME_NOT_FOUND
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
        fill_network(info, &st, path);
    free(path);
    return status;
}
