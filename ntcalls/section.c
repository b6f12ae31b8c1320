/* section.c: sections (file mappings): pagefile-backed over memfd, file-backed over the file's
 * descriptor, mapped with mmap at Windows' 64 KiB granularity and recorded as MEM_MAPPED views. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(virtual);

#define STATUS_SECTION_TOO_BIG          ((NTSTATUS)0xC0000040)
#define STATUS_INVALID_VIEW_SIZE        ((NTSTATUS)0xC000001F)
#define STATUS_SECTION_PROTECTION       ((NTSTATUS)0xC000004E)
#define STATUS_MAPPED_FILE_SIZE_ZERO    ((NTSTATUS)0xC000011E)
#define STATUS_MAPPED_ALIGNMENT         ((NTSTATUS)0xC0000220)
#define STATUS_INVALID_FILE_FOR_SECTION ((NTSTATUS)0xC0000020)
#define GRANULARITY 0x10000UL
#define PAGE_MASK_ 0xfffUL

struct section {
    struct object obj;
    int fd;
    ULONGLONG size;
    ULONG protect;          /* the section's page protection */
    bool file_backed;
};

static void section_destroy(struct object *obj)
{
    struct section *s = (struct section *)obj;
    if (s->fd >= 0)
        close(s->fd);
    free(s);
}

static const struct object_ops section_ops = { "section", section_destroy };

/* Whether a protection writes to the section (copy-on-write does not). */
static bool prot_writes(ULONG protect)
{
    return protect == PAGE_READWRITE || protect == PAGE_EXECUTE_READWRITE;
}

static bool prot_valid(ULONG protect)
{
    switch (protect) {
    case PAGE_READONLY: case PAGE_READWRITE: case PAGE_WRITECOPY:
    case PAGE_EXECUTE_READ: case PAGE_EXECUTE_READWRITE: case PAGE_EXECUTE_WRITECOPY:
        return true;
    }
    return false;
}

/* The backing of a file-backed section: the file's descriptor, grown to size when the section is
 * larger and writable, as Windows grows the file. */
static NTSTATUS file_backing(HANDLE handle, ULONG protect, ULONGLONG *size, int *fd)
{
    struct file *file;
    ACCESS_MASK access;
    struct stat st;
    NTSTATUS status;

    if ((status = get_file(handle, &file, &access)))
        return status;
    if (file->is_dir || fstat(file->fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        status = STATUS_INVALID_FILE_FOR_SECTION;
    } else if (prot_writes(protect) &&
               !(access & (GENERIC_WRITE | GENERIC_ALL | FILE_WRITE_DATA | MAXIMUM_ALLOWED))) {
        status = STATUS_ACCESS_DENIED;
    } else if (!(access & (GENERIC_READ | GENERIC_ALL | FILE_READ_DATA | FILE_EXECUTE |
                           GENERIC_EXECUTE | MAXIMUM_ALLOWED))) {
        status = STATUS_ACCESS_DENIED;
    } else if (!*size && !st.st_size) {
        status = STATUS_MAPPED_FILE_SIZE_ZERO;
    } else if (*size > (ULONGLONG)st.st_size && !prot_writes(protect)) {
        status = STATUS_SECTION_TOO_BIG;
    } else if (*size > (ULONGLONG)st.st_size && ftruncate(file->fd, *size) < 0) {
        status = errno == EFBIG ? STATUS_DISK_FULL : errno_to_status(errno);
    } else if ((*fd = fcntl(file->fd, F_DUPFD_CLOEXEC, 0)) < 0) {
        status = errno_to_status(errno);
    } else if (!*size) {
        *size = st.st_size;
    }
    object_unref(&file->obj);
    return status;
}

/***********************************************************************
 *           NtCreateSection
 */
NTSTATUS WINAPI NtCreateSection(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                                LARGE_INTEGER *size, ULONG protect, ULONG sec_flags, HANDLE file)
{
    ULONGLONG len = size ? (ULONGLONG)size->QuadPart : 0;
    struct section *s;
    int fd = -1;
    NTSTATUS status;

    TRACE("access %#x size %#llx protect %#x flags %#x file %p\n", access, (unsigned long long)len, protect, sec_flags, file);
    if (!handle)
        return STATUS_ACCESS_VIOLATION;
    *handle = NULL;
    if (attr && attr->ObjectName && attr->ObjectName->Length) {
        FIXME("named sections %s need the object namespace, which is not there yet\n",
              debugstr_wn(attr->ObjectName->Buffer, attr->ObjectName->Length / 2));
        return STATUS_NOT_IMPLEMENTED;
    }
    if (sec_flags & SEC_IMAGE) {
        FIXME("image sections are not implemented\n");
        return STATUS_NOT_IMPLEMENTED;
    }
    if (!prot_valid(protect))
        return STATUS_INVALID_PAGE_PROTECTION;
    if (size && size->QuadPart < 0)
        return STATUS_INVALID_PARAMETER;
    if (sec_flags & SEC_RESERVE)
        FIXME_ONCE("SEC_RESERVE sections are committed at once\n");
    if (file) {
        status = file_backing(file, protect, &len, &fd);
    } else if (!len) {
        status = STATUS_INVALID_PARAMETER_4;
    } else if ((fd = memfd_create("vinho-section", MFD_CLOEXEC)) < 0) {
        status = errno_to_status(errno);
    } else {
        status = ftruncate(fd, len) < 0 ? STATUS_SECTION_TOO_BIG : STATUS_SUCCESS;
    }
    if (status) {
        if (fd >= 0)
            close(fd);
        return status;
    }
    if (!(s = calloc(1, sizeof(*s)))) {
        close(fd);
        return STATUS_NO_MEMORY;
    }
    object_init(&s->obj, OBJ_SECTION, &section_ops);
    s->fd = fd;
    s->size = len;
    s->protect = protect;
    s->file_backed = file != NULL;
    if ((status = handle_alloc(&s->obj, access, attr ? attr->Attributes : 0, handle)))
        object_unref(&s->obj);
    return status;
}

/***********************************************************************
 *           NtOpenSection
 */
NTSTATUS WINAPI NtOpenSection(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr)
{
    if (!handle || !attr || !attr->ObjectName)
        return STATUS_INVALID_PARAMETER;
    FIXME("named sections %s need the object namespace, which is not there yet\n",
          debugstr_wn(attr->ObjectName->Buffer, attr->ObjectName->Length / 2));
    return STATUS_NOT_IMPLEMENTED;
}

/* Whether a view's protection is allowed by the section's. */
static bool view_allowed(ULONG section, ULONG view)
{
    bool exec_ok = section == PAGE_EXECUTE_READ || section == PAGE_EXECUTE_READWRITE ||
                   section == PAGE_EXECUTE_WRITECOPY;
    bool write_ok = prot_writes(section);
    bool cow_ok = write_ok || section == PAGE_WRITECOPY || section == PAGE_EXECUTE_WRITECOPY;
    switch (view) {
    case PAGE_NOACCESS: case PAGE_READONLY: return true;
    case PAGE_READWRITE: return write_ok;
    case PAGE_WRITECOPY: return cow_ok;
    case PAGE_EXECUTE: case PAGE_EXECUTE_READ: return exec_ok;
    case PAGE_EXECUTE_READWRITE: return exec_ok && write_ok;
    case PAGE_EXECUTE_WRITECOPY: return exec_ok && cow_ok;
    }
    return false;
}

/* Maps len bytes of fd at a 64 KiB-aligned address (the given one, or one the kernel picks). */
static NTSTATUS map_view(void **addr, size_t len, int fd, off_t offset, int prot, int flags)
{
    char *p;
    if (*addr) {
        p = mmap(*addr, len, prot, flags | MAP_FIXED_NOREPLACE, fd, offset);
        if (p == MAP_FAILED)
            return errno == EEXIST ? STATUS_CONFLICTING_ADDRESSES : errno_to_status(errno);
        if (p != *addr) {
            munmap(p, len);
            return STATUS_CONFLICTING_ADDRESSES;
        }
        return STATUS_SUCCESS;
    }
    char *area = mmap(NULL, len + GRANULARITY, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (area == MAP_FAILED)
        return STATUS_NO_MEMORY;
    char *aligned = (char *)(((ULONG_PTR)area + GRANULARITY - 1) & ~(GRANULARITY - 1));
    p = mmap(aligned, len, prot, flags | MAP_FIXED, fd, offset);
    if (p == MAP_FAILED) {
        munmap(area, len + GRANULARITY);
        return errno_to_status(errno);
    }
    if (aligned > area)
        munmap(area, aligned - area);
    size_t tail = (area + len + GRANULARITY) - (aligned + ((len + PAGE_MASK_) & ~PAGE_MASK_));
    if (tail)
        munmap(aligned + ((len + PAGE_MASK_) & ~PAGE_MASK_), tail);
    *addr = aligned;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtMapViewOfSection
 */
NTSTATUS WINAPI NtMapViewOfSection(HANDLE handle, HANDLE process, PVOID *addr, ULONG_PTR zero_bits,
                                   SIZE_T commit_size, LARGE_INTEGER *offset, SIZE_T *view_size,
                                   ULONG inherit, ULONG alloc_type, ULONG protect)
{
    struct section *s;
    ULONGLONG off = offset ? (ULONGLONG)offset->QuadPart : 0, len;
    void *base;
    NTSTATUS status;

    if (!addr || !view_size)
        return STATUS_ACCESS_VIOLATION;
    TRACE("%p at %p offset %#llx size %#zx protect %#x\n", handle, *addr, (unsigned long long)off, (size_t)*view_size, protect);
    if (process != NtCurrentProcess()) {
        FIXME("mapping into another process is not implemented\n");
        return STATUS_NOT_IMPLEMENTED;
    }
    if ((status = handle_get(handle, OBJ_SECTION, (struct object **)&s, NULL)))
        return status;
    base = *addr;
    len = *view_size;
    if ((off & (GRANULARITY - 1)) || ((ULONG_PTR)base & (GRANULARITY - 1)))
        status = STATUS_MAPPED_ALIGNMENT;
    else if (off >= s->size || (len && (len > s->size - off)))
        status = STATUS_INVALID_VIEW_SIZE;
    else if (!view_allowed(s->protect, protect))
        status = STATUS_SECTION_PROTECTION;
    if (status)
        goto out;
    if (!len)
        len = s->size - off;
    int prot = virtual_win_to_unix_prot(protect);
    int flags = (protect == PAGE_WRITECOPY || protect == PAGE_EXECUTE_WRITECOPY) ? MAP_PRIVATE : MAP_SHARED;
    if ((status = map_view(&base, len, s->fd, off, prot, flags)))
        goto out;
    if (!virtual_register_view(base, len, protect)) {
        munmap(base, len);
        status = STATUS_NO_MEMORY;
        goto out;
    }
    *addr = base;
    *view_size = (len + PAGE_MASK_) & ~PAGE_MASK_;
out:
    object_unref(&s->obj);
    return status;
}

/***********************************************************************
 *           NtUnmapViewOfSection
 */
NTSTATUS WINAPI NtUnmapViewOfSection(HANDLE process, PVOID addr)
{
    void *base;
    size_t size;
    TRACE("%p\n", addr);
    if (process != NtCurrentProcess()) {
        FIXME("unmapping in another process is not implemented\n");
        return STATUS_NOT_IMPLEMENTED;
    }
    if (!virtual_unregister_view(addr, &base, &size))
        return STATUS_NOT_MAPPED_VIEW;
    munmap(base, size);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtFlushVirtualMemory
 */
NTSTATUS WINAPI NtFlushVirtualMemory(HANDLE process, PVOID *addr, SIZE_T *size, IO_STATUS_BLOCK *io)
{
    void *base;
    size_t view_size;
    if (!addr || !size)
        return STATUS_ACCESS_VIOLATION;
    if (process != NtCurrentProcess())
        return STATUS_NOT_IMPLEMENTED;
    char *start = (char *)((ULONG_PTR)*addr & ~PAGE_MASK_);
    if (!virtual_find_view(*addr, &base, &view_size))
        return STATUS_NOT_MAPPED_VIEW;
    size_t len = *size ? ((char *)*addr + *size - start + PAGE_MASK_) & ~PAGE_MASK_
                       : (size_t)((char *)base + view_size - start);
    if ((char *)start + len > (char *)base + view_size)
        len = (char *)base + view_size - start;
    if (msync(start, len, MS_SYNC) < 0)
        return errno_to_status(errno);
    *addr = start;
    *size = len;
    if (io) {
        io->Status = STATUS_SUCCESS;
        io->Information = 0;
    }
    return STATUS_SUCCESS;
}
