/* dir.c: folder listings (NtQueryDirectoryFile) with Windows wildcard matching. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(file);

#define DOS_STAR '<'
#define DOS_QM   '>'
#define DOS_DOT  '"'

extern const uint8_t nls_upper_index[2048];
extern const uint16_t nls_upper_blocks[][32];

static WCHAR upcase(WCHAR ch)
{
    return (WCHAR)(ch + nls_upper_blocks[nls_upper_index[ch >> 5]][ch & 31]);
}

/* Position of the last '.' in name[from, len), or len when there is none. */
static size_t last_dot(const WCHAR *name, size_t from, size_t len)
{
    for (size_t i = len; i > from; i--)
        if (name[i - 1] == '.')
            return i - 1;
    return len;
}

/* FsRtlIsNameInExpression's rules, as Microsoft documents them: '*' any run, '?' one character,
 * DOS_STAR a run up to the name's final '.', DOS_QM one character or nothing at a '.' or the
 * end, DOS_DOT a '.' or nothing at the end; other characters match ignoring case. */
bool wildcard_match(const WCHAR *expr, size_t elen, const WCHAR *name, size_t nlen)
{
    size_t e = 0, n = 0;
    while (e < elen) {
        WCHAR c = expr[e];
        if (c == '*' || c == DOS_STAR) {
            size_t limit = c == '*' ? nlen : last_dot(name, n, nlen);
            if (++e == elen && c == '*')
                return true;
            for (size_t k = n; k <= limit; k++)
                if (wildcard_match(expr + e, elen - e, name + k, nlen - k))
                    return true;
            return false;
        }
        if (c == DOS_QM) {
            e++;
            if (n < nlen && name[n] != '.')
                n++;
            continue;
        }
        if (c == DOS_DOT) {
            e++;
            if (n < nlen && name[n] == '.')
                n++;
            else if (n != nlen)
                return false;
            continue;
        }
        if (n == nlen || (c != '?' && upcase(c) != upcase(name[n])))
            return false;
        e++;
        n++;
    }
    return n == nlen;
}

struct dir_entry {
    char *name;         /* Unix name */
    WCHAR *wname;
    size_t wlen;
};

struct dir_listing {
    struct dir_entry *entries;
    size_t count, pos;
    WCHAR *mask;        /* NULL: everything */
    size_t mask_len;
    bool returned_any;
};

void dir_listing_free(struct dir_listing *l)
{
    for (size_t i = 0; i < l->count; i++) {
        free(l->entries[i].name);
        free(l->entries[i].wname);
    }
    free(l->entries);
    free(l->mask);
    free(l);
}

static int compare_entries(const void *a, const void *b)
{
    const struct dir_entry *x = a, *y = b;
    for (size_t i = 0; i < x->wlen && i < y->wlen; i++) {
        WCHAR cx = upcase(x->wname[i]), cy = upcase(y->wname[i]);
        if (cx != cy)
            return cx < cy ? -1 : 1;
    }
    return x->wlen < y->wlen ? -1 : x->wlen > y->wlen;
}

static bool add_entry(struct dir_listing *l, size_t *cap, const char *name)
{
    if (l->count == *cap) {
        size_t n = *cap ? *cap * 2 : 32;
        struct dir_entry *grown = realloc(l->entries, n * sizeof(*grown));
        if (!grown)
            return false;
        l->entries = grown;
        *cap = n;
    }
    struct dir_entry *e = &l->entries[l->count];
    if (!(e->name = strdup(name)))
        return false;
    if (!(e->wname = utf8_to_utf16(name, strlen(name), &e->wlen))) {
        free(e->name);
        return false;
    }
    l->count++;
    return true;
}

bool file_is_drive_root(const char *unix_path)
{
    for (WCHAR letter = 'A'; letter <= 'Z'; letter++) {
        const char *root = drive_root(letter);
        if (root && !strcmp(*root ? root : "/", unix_path))
            return true;
    }
    return false;
}

/* A snapshot of the folder's names, sorted as NTFS lists them (by upper-cased name), with "."
 * and ".." first except at a drive's root, as Windows lists them. */
static NTSTATUS read_listing(struct file *file, struct dir_listing **out)
{
    struct dir_listing *l = calloc(1, sizeof(*l));
    size_t cap = 0, dots = 0;
    struct dirent *e;
    int fd = dup(file->fd);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    NTSTATUS status = STATUS_SUCCESS;

    if (!d) {
        status = errno_to_status(errno);
        if (fd >= 0)
            close(fd);
        free(l);
        return status;
    }
    if (!l) {
        closedir(d);
        return STATUS_NO_MEMORY;
    }
    rewinddir(d);
    if (!file->unix_name || !file_is_drive_root(file->unix_name)) {
        if (!add_entry(l, &cap, ".") || !add_entry(l, &cap, ".."))
            status = STATUS_NO_MEMORY;
        dots = l->count;
    }
    while (!status && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && !add_entry(l, &cap, e->d_name))
            status = STATUS_NO_MEMORY;
    closedir(d);
    if (status) {
        dir_listing_free(l);
        return status;
    }
    qsort(l->entries + dots, l->count - dots, sizeof(*l->entries), compare_entries);
    *out = l;
    return STATUS_SUCCESS;
}

/* Information classes: the offset of FileName in each entry, for x64. */
static ULONG name_offset(FILE_INFORMATION_CLASS cls)
{
    switch ((int)cls) {
    case 1:  return 64;     /* FileDirectoryInformation */
    case 2:  return 68;     /* FileFullDirectoryInformation */
    case 3:  return 94;     /* FileBothDirectoryInformation */
    case 12: return 12;     /* FileNamesInformation */
    case 37: return 104;    /* FileIdBothDirectoryInformation */
    case 38: return 80;     /* FileIdFullDirectoryInformation */
    }
    return 0;
}

static void put32(uint8_t *p, ULONG v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, LONGLONG v) { memcpy(p, &v, 8); }

/* Fills one entry at p (zeroed by the caller); the name may be cut to fit (returns false). */
static void fill_entry(uint8_t *p, FILE_INFORMATION_CLASS cls, const struct file *dir,
                       const struct dir_entry *e, ULONG name_bytes)
{
    ULONG off = name_offset(cls);
    int dirfd = dir->fd, xfd = dirfd;
    const char *xname = e->name;
    char full[PATH_MAX];
    struct stat st;
    memcpy(p + off, e->wname, name_bytes);
    if (cls == 12) {
        put32(p + 8, name_bytes);
        return;
    }
    put32(p + 60, name_bytes);
    if (fstatat(dirfd, e->name, &st, 0) < 0 && fstatat(dirfd, e->name, &st, AT_SYMLINK_NOFOLLOW) < 0)
        return;
    FILE_NETWORK_OPEN_INFORMATION info;
    /* The stored attributes are read by the full path when the folder has one: cheaper for the
     * kernel than a /proc/self/fd path. */
    if (dir->unix_name && snprintf(full, sizeof(full), "%s/%s", dir->unix_name, e->name) < (int)sizeof(full)) {
        xname = full;
        xfd = AT_FDCWD;
    }
    file_stat_to_network(&st, xfd, xname, &info);
    put64(p + 8, info.CreationTime.QuadPart);
    put64(p + 16, info.LastAccessTime.QuadPart);
    put64(p + 24, info.LastWriteTime.QuadPart);
    put64(p + 32, info.ChangeTime.QuadPart);
    put64(p + 40, info.EndOfFile.QuadPart);
    put64(p + 48, info.AllocationSize.QuadPart);
    put32(p + 56, info.FileAttributes);
    /* ShortNameLength stays 0: vinho makes no 8.3 names (as NTFS with 8.3 names turned off). */
    if (cls == 37)
        put64(p + 96, st.st_ino);
    else if (cls == 38)
        put64(p + 72, st.st_ino);
}

static NTSTATUS list_entries(struct file *file, struct dir_listing *l, uint8_t *buffer, ULONG length,
                             FILE_INFORMATION_CLASS cls, bool single, ULONG *used)
{
    ULONG off = name_offset(cls), pos = 0, prev = 0;
    bool any = false;
    NTSTATUS status = STATUS_SUCCESS;

    while (l->pos < l->count) {
        const struct dir_entry *e = &l->entries[l->pos];
        if (l->mask && !wildcard_match(l->mask, l->mask_len, e->wname, e->wlen)) {
            l->pos++;
            continue;
        }
        ULONG name_bytes = e->wlen * sizeof(WCHAR), size = off + name_bytes;
        if (pos + size > length) {
            if (any)
                break;
            /* Not even one entry fits: as much of it as fits, and say so. */
            name_bytes = length > off ? ((length - off) & ~1u) : 0;
            memset(buffer, 0, length);
            fill_entry(buffer, cls, file, e, name_bytes);
            *used = length;
            return STATUS_BUFFER_OVERFLOW;
        }
        memset(buffer + pos, 0, size);
        fill_entry(buffer + pos, cls, file, e, name_bytes);
        if (any)
            put32(buffer + prev, pos - prev);
        any = true;
        l->pos++;
        prev = pos;
        pos = (pos + size + 7) & ~7u;
        if (single)
            break;
    }
    *used = any ? prev + off + ((l->entries[l->pos - 1].wlen) * sizeof(WCHAR)) : 0;
    if (!any)
        status = l->returned_any ? STATUS_NO_MORE_FILES : STATUS_NO_SUCH_FILE;
    l->returned_any |= any;
    return status;
}

/***********************************************************************
 *           NtQueryDirectoryFile
 */
NTSTATUS WINAPI NtQueryDirectoryFile(HANDLE handle, HANDLE event, PIO_APC_ROUTINE apc, void *apc_context,
                                     IO_STATUS_BLOCK *io, void *buffer, ULONG length,
                                     FILE_INFORMATION_CLASS cls, BOOLEAN single, UNICODE_STRING *mask,
                                     BOOLEAN restart)
{
    struct file *file;
    ULONG used = 0;
    NTSTATUS status;

    TRACE("%p class %u %s%s\n", handle, cls, mask ? debugstr_wn(mask->Buffer, mask->Length / 2) : "*",
          restart ? " restart" : "");
    if (!io || !buffer)
        return STATUS_ACCESS_VIOLATION;
    if (!name_offset(cls)) {
        FIXME("information class %u is not implemented\n", cls);
        return STATUS_INVALID_INFO_CLASS;
    }
    if (length < name_offset(cls))
        return STATUS_INFO_LENGTH_MISMATCH;
    if ((status = get_file(handle, &file, NULL)))
        return status;
    if (!file->is_dir) {
        status = STATUS_INVALID_PARAMETER;
        goto out;
    }
    if (event)
        NtResetEvent(event, NULL);
    /* The listing and its mask are fixed by the first query (or a restart), as on Windows. */
    if (!file->listing || restart) {
        struct dir_listing *l = NULL;
        if ((status = read_listing(file, &l)))
            goto out;
        if (mask && mask->Length && !(mask->Length == 2 && mask->Buffer[0] == '*')) {
            l->mask_len = mask->Length / sizeof(WCHAR);
            if (!(l->mask = malloc(mask->Length))) {
                dir_listing_free(l);
                status = STATUS_NO_MEMORY;
                goto out;
            }
            memcpy(l->mask, mask->Buffer, mask->Length);
        }
        if (file->listing)
            dir_listing_free(file->listing);
        file->listing = l;
    }
    status = list_entries(file, file->listing, buffer, length, cls, single, &used);
out:
    object_unref(&file->obj);
    io->Status = status;
    io->Information = used;
    if (event && (!status || status == STATUS_BUFFER_OVERFLOW))
        NtSetEvent(event, NULL);
    return status;
}
