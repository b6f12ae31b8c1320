/* dir.c: folder listings (NtQueryDirectoryFile) with Windows wildcard matching. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/vfs.h>
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

/* ---------------------------------------------------------------------------------------------
 * Snapshots of a folder's names, sorted, each entry with room for its size, times and
 * attributes. A snapshot is shared (reference counted) by the listings that use it and by the
 * listing cache below; its names never change, and an entry's information is written once, by
 * whichever listing stats it first (state: INFO_NONE -> INFO_BUSY -> INFO_READY).
 */

enum { INFO_NONE, INFO_BUSY, INFO_READY };

struct entry_info {
    LONGLONG times[4];              /* creation, last access, last write, change */
    LONGLONG end_of_file, allocation;
    ULONGLONG ino;
    ULONG attributes;
};

struct dir_entry {
    char *name;                     /* Unix name */
    WCHAR *wname;
    size_t wlen;
    unsigned char type;             /* readdir's d_type */
    _Atomic int state;
    struct entry_info info;         /* valid in state INFO_READY */
};

struct dir_snapshot {
    _Atomic long refs;
    _Atomic bool stale;             /* the folder changed since: its information is not used */
    bool cached;                    /* read under an inotify watch: information may be kept */
    size_t count;
    struct dir_entry *entries;
};

struct dir_listing {
    struct dir_snapshot *snap;
    size_t dots;                    /* 2: "." and ".." come first; 0 at a drive's root */
    size_t count, pos;              /* count: dots + the snapshot's entries */
    WCHAR *mask;                    /* NULL: everything */
    size_t mask_len;
    bool returned_any;
};

static WCHAR dot_w[] = { '.' }, dotdot_w[] = { '.', '.' };
static struct dir_entry dot_entries[2] = {
    { .name = ".", .wname = dot_w, .wlen = 1, .type = DT_DIR },
    { .name = "..", .wname = dotdot_w, .wlen = 2, .type = DT_DIR },
};

static void snapshot_unref(struct dir_snapshot *s)
{
    if (!s || atomic_fetch_sub(&s->refs, 1) != 1)
        return;
    for (size_t i = 0; i < s->count; i++) {
        free(s->entries[i].name);
        free(s->entries[i].wname);
    }
    free(s->entries);
    free(s);
}

void dir_listing_free(struct dir_listing *l)
{
    snapshot_unref(l->snap);
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

static bool add_entry(struct dir_snapshot *s, size_t *cap, const char *name, unsigned char type)
{
    if (s->count == *cap) {
        size_t n = *cap ? *cap * 2 : 32;
        struct dir_entry *grown = realloc(s->entries, n * sizeof(*grown));
        if (!grown)
            return false;
        s->entries = grown;
        *cap = n;
    }
    struct dir_entry *e = &s->entries[s->count];
    memset(e, 0, sizeof(*e));
    e->type = type;
    if (!(e->name = strdup(name)))
        return false;
    if (!(e->wname = utf8_to_utf16(name, strlen(name), &e->wlen))) {
        free(e->name);
        return false;
    }
    s->count++;
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

/* A snapshot of the folder's names ("." and ".." left out: the listing adds them), sorted as
 * NTFS lists them, by upper-cased name. */
static NTSTATUS read_snapshot(int dir_fd, struct dir_snapshot **out)
{
    struct dir_snapshot *s = calloc(1, sizeof(*s));
    size_t cap = 0;
    struct dirent *e;
    int fd = dup(dir_fd);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    NTSTATUS status = STATUS_SUCCESS;

    if (!d) {
        status = errno_to_status(errno);
        if (fd >= 0)
            close(fd);
        free(s);
        return status;
    }
    if (!s) {
        closedir(d);
        return STATUS_NO_MEMORY;
    }
    atomic_init(&s->refs, 1);
    rewinddir(d);
    while (!status && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && !add_entry(s, &cap, e->d_name, e->d_type))
            status = STATUS_NO_MEMORY;
    closedir(d);
    if (status) {
        snapshot_unref(s);
        return status;
    }
    qsort(s->entries, s->count, sizeof(*s->entries), compare_entries);
    *out = s;
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------------------------------
 * The listing cache: the last folders listed, by device and inode, each with an inotify watch
 * added before the folder was read. Any event of a watch (a name created, deleted or moved, a
 * file written, truncated or closed after writing, its mode, times or extended attributes
 * changed, the folder itself moved or deleted) drops that folder's snapshot; the queue's
 * overflow drops them all. The kernel queues an event within the call that made the change, so
 * draining the inotify descriptor (one non-blocking read; EAGAIN: nothing changed) before each
 * use of a snapshot sees every change this process or another made before. Only regular files'
 * information is kept: folders and links are stated again each time (a folder's times change
 * with its contents, which its parent's watch does not report; a link's target may be anywhere).
 * Blind spots (docs/files.md): writes through a hard link in another folder or through a shared
 * mapping, and network file systems.
 */

#define LIST_CACHE_SLOTS 16
#define LIST_CACHE_MAX_ENTRIES 200000   /* in all the cached snapshots together */
#define WATCH_MASK (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_ATTRIB | \
                    IN_CLOSE_WRITE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)

static struct list_slot {
    int wd;                         /* 0: unused */
    dev_t dev;
    ino_t ino;
    unsigned long gen;              /* events seen for this watch */
    unsigned long used;
    struct dir_snapshot *snap;      /* NULL: to be read again (the watch stays) */
} list_slots[LIST_CACHE_SLOTS];
static int notify_fd = -1;          /* -2: inotify is unavailable */
static unsigned long list_tick;
static size_t cached_entries;
static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;

static void slot_drop_snapshot(struct list_slot *slot)
{
    if (!slot->snap)
        return;
    atomic_store(&slot->snap->stale, true);
    cached_entries -= slot->snap->count;
    snapshot_unref(slot->snap);
    slot->snap = NULL;
}

static void slot_invalidate(int wd, bool gone)
{
    for (struct list_slot *slot = list_slots; slot < list_slots + LIST_CACHE_SLOTS; slot++) {
        if (!slot->wd || (wd >= 0 && slot->wd != wd))
            continue;
        slot->gen++;
        slot_drop_snapshot(slot);
        if (gone)
            slot->wd = 0;   /* IN_IGNORED: the kernel removed the watch itself */
    }
}

/* Applies every queued event. Called with list_lock held, so that no thread can use a snapshot
 * whose invalidation another thread has read but not yet applied. */
static void drain_events(void)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    ssize_t n;
    while ((n = read(notify_fd, buf, sizeof(buf))) > 0) {
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            if (ev->mask & IN_Q_OVERFLOW)
                slot_invalidate(-1, false);
            else
                slot_invalidate(ev->wd, ev->mask & IN_IGNORED);
            p += sizeof(*ev) + ev->len;
        }
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR) {
        WARN("reading inotify events: %s; listings are no longer cached\n", strerror(errno));
        slot_invalidate(-1, true);
        close(notify_fd);
        notify_fd = -2;
    }
}

/* The inotify descriptor, created on first use; false when inotify is unavailable (no kernel
 * support, a seccomp filter, or max_user_instances reached): listings are then not cached. */
static bool notify_ready(void)
{
    if (notify_fd == -1) {
        notify_fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
        if (notify_fd < 0) {
            WARN("inotify_init1: %s; listings are not cached\n", strerror(errno));
            notify_fd = -2;
        }
    }
    return notify_fd >= 0;
}

static void slot_free(struct list_slot *slot)
{
    slot_drop_snapshot(slot);
    if (slot->wd)
        inotify_rm_watch(notify_fd, slot->wd);
    slot->wd = 0;
}

/* Whether inotify reports every change on the file system of the folder open as fd: local disk
 * and memory file systems. Not network ones (changes made by other machines are not reported),
 * FUSE, procfs or sysfs (their contents change with no event). The devices found otherwise are
 * remembered, so that listing them again costs no statfs. Called with list_lock held. */
static bool watchable_fs(int fd, dev_t dev)
{
    static const unsigned long local[] = {
        0xef53,         /* ext2, ext3, ext4 */
        0x58465342,     /* xfs */
        0x9123683e,     /* btrfs */
        0x01021994,     /* tmpfs */
        0xf2f52010,     /* f2fs */
        0x2fc12fc1,     /* zfs */
        0xca451a4e,     /* bcachefs */
        0x794c7630,     /* overlayfs (changes made through it) */
    };
    static dev_t unwatchable[8];
    static unsigned next;
    struct statfs sfs;
    for (unsigned i = 0; i < next && i < 8; i++)
        if (unwatchable[i] == dev)
            return false;
    if (fstatfs(fd, &sfs) == 0)
        for (size_t i = 0; i < sizeof(local) / sizeof(local[0]); i++)
            if ((unsigned long)sfs.f_type == local[i])
                return true;
    unwatchable[next++ % 8] = dev;
    return false;
}

/* A watched slot for the folder open as fd: the one it has, else a new watch in the least
 * recently used slot; NULL when the folder's file system is not watchable or no watch can be
 * added (ENOSPC: max_user_watches). */
static struct list_slot *slot_get(int fd, dev_t dev, ino_t ino)
{
    struct list_slot *victim = list_slots;
    char path[64];
    for (struct list_slot *slot = list_slots; slot < list_slots + LIST_CACHE_SLOTS; slot++) {
        if (slot->wd && slot->dev == dev && slot->ino == ino)
            return slot;
        if (victim->wd && (!slot->wd || slot->used < victim->used))
            victim = slot;
    }
    if (!watchable_fs(fd, dev))
        return NULL;
    slot_free(victim);
    /* Through the descriptor, so that the watch is on the folder this handle has open even if
     * its path has been renamed or replaced since. */
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    int wd = inotify_add_watch(notify_fd, path, WATCH_MASK);
    if (wd < 0) {
        TRACE("inotify_add_watch: %s\n", strerror(errno));
        return NULL;
    }
    /* A watch the kernel already had for this inode (the slot was freed above) is fine too. */
    slot_invalidate(wd, false);
    for (struct list_slot *slot = list_slots; slot < list_slots + LIST_CACHE_SLOTS; slot++)
        if (slot->wd == wd)
            slot->wd = 0;
    victim->wd = wd;
    victim->dev = dev;
    victim->ino = ino;
    victim->gen = 0;
    return victim;
}

/* Keeps snapshot s for its slot unless an event came since gen was taken. list_lock held. */
static void slot_store(struct list_slot *slot, int wd, unsigned long gen, const struct file *file,
                       struct dir_snapshot *s)
{
    if (slot->wd != wd || slot->dev != file->dev || slot->ino != file->ino || slot->gen != gen ||
        slot->snap || s->count > LIST_CACHE_MAX_ENTRIES)
        return;
    while (cached_entries + s->count > LIST_CACHE_MAX_ENTRIES) {
        struct list_slot *victim = NULL;
        for (struct list_slot *o = list_slots; o < list_slots + LIST_CACHE_SLOTS; o++)
            if (o != slot && o->snap && (!victim || o->used < victim->used))
                victim = o;
        if (!victim)
            return;
        slot_drop_snapshot(victim);
    }
    s->cached = true;
    atomic_fetch_add(&s->refs, 1);
    slot->snap = s;
    cached_entries += s->count;
}

/* The snapshot of the open folder file: the cached one when nothing changed since it was read,
 * else a new one (kept for next time when the folder is watched). One reference for the caller. */
static NTSTATUS get_snapshot(struct file *file, struct dir_snapshot **out)
{
    struct stat st;
    struct list_slot *slot = NULL;
    unsigned long gen = 0;
    int wd = 0;
    NTSTATUS status;

    if (!file->ino && fstat(file->fd, &st) == 0) {
        file->dev = st.st_dev;
        file->ino = st.st_ino;
    }
    pthread_mutex_lock(&list_lock);
    if (file->ino && notify_ready()) {
        drain_events();
        if (notify_fd >= 0 && (slot = slot_get(file->fd, file->dev, file->ino))) {
            slot->used = ++list_tick;
            if (slot->snap) {
                *out = slot->snap;
                atomic_fetch_add(&slot->snap->refs, 1);
                pthread_mutex_unlock(&list_lock);
                return STATUS_SUCCESS;
            }
            wd = slot->wd;
            gen = slot->gen;
        }
    }
    pthread_mutex_unlock(&list_lock);
    if ((status = read_snapshot(file->fd, out)) || !slot)
        return status;
    pthread_mutex_lock(&list_lock);
    if (notify_fd >= 0) {
        drain_events();
        slot_store(slot, wd, gen, file, *out);
    }
    pthread_mutex_unlock(&list_lock);
    return STATUS_SUCCESS;
}

/* Whether the cached information of snapshot s may still be used: drains the events first. */
static void check_snapshot(struct dir_snapshot *s)
{
    if (!s->cached || atomic_load(&s->stale))
        return;
    pthread_mutex_lock(&list_lock);
    if (notify_fd >= 0)
        drain_events();
    else
        atomic_store(&s->stale, true);
    pthread_mutex_unlock(&list_lock);
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

/* The size, times, attributes and file id of entry e of folder dir: kept in the snapshot for a
 * regular file of a cached one, else stated now. False when the name is gone. */
static bool entry_info(const struct file *dir, struct dir_snapshot *s, struct dir_entry *e,
                       struct entry_info *info)
{
    bool keep = s && s->cached && e->type == DT_REG && !atomic_load(&s->stale);
    int dirfd = dir->fd, xfd = dirfd;
    const char *xname = e->name;
    char full[PATH_MAX];
    struct stat st;
    FILE_NETWORK_OPEN_INFORMATION net;

    if (keep && atomic_load_explicit(&e->state, memory_order_acquire) == INFO_READY) {
        *info = e->info;
        return true;
    }
    if (fstatat(dirfd, e->name, &st, 0) < 0 && fstatat(dirfd, e->name, &st, AT_SYMLINK_NOFOLLOW) < 0)
        return false;
    /* The stored attributes are read by the full path when the folder has one: cheaper for the
     * kernel than a /proc/self/fd path. */
    if (dir->unix_name && snprintf(full, sizeof(full), "%s/%s", dir->unix_name, e->name) < (int)sizeof(full)) {
        xname = full;
        xfd = AT_FDCWD;
    }
    file_stat_to_network(&st, xfd, xname, &net);
    info->times[0] = net.CreationTime.QuadPart;
    info->times[1] = net.LastAccessTime.QuadPart;
    info->times[2] = net.LastWriteTime.QuadPart;
    info->times[3] = net.ChangeTime.QuadPart;
    info->end_of_file = net.EndOfFile.QuadPart;
    info->allocation = net.AllocationSize.QuadPart;
    info->attributes = net.FileAttributes;
    info->ino = st.st_ino;
    /* Kept only when the name is still a regular file (not replaced by a folder or link). */
    int none = INFO_NONE;
    if (keep && S_ISREG(st.st_mode) &&
        atomic_compare_exchange_strong(&e->state, &none, INFO_BUSY)) {
        e->info = *info;
        atomic_store_explicit(&e->state, INFO_READY, memory_order_release);
    }
    return true;
}

/* Fills one entry at p (zeroed by the caller); the name may be cut to fit (name_bytes). */
static void fill_entry(uint8_t *p, FILE_INFORMATION_CLASS cls, const struct file *dir,
                       struct dir_snapshot *s, struct dir_entry *e, ULONG name_bytes)
{
    ULONG off = name_offset(cls);
    struct entry_info info;
    memcpy(p + off, e->wname, name_bytes);
    if (cls == 12) {
        put32(p + 8, name_bytes);
        return;
    }
    put32(p + 60, name_bytes);
    if (!entry_info(dir, s, e, &info))
        return;
    for (int i = 0; i < 4; i++)
        put64(p + 8 + 8 * i, info.times[i]);
    put64(p + 40, info.end_of_file);
    put64(p + 48, info.allocation);
    put32(p + 56, info.attributes);
    /* ShortNameLength stays 0: vinho makes no 8.3 names (as NTFS with 8.3 names turned off). */
    if (cls == 37)
        put64(p + 96, info.ino);
    else if (cls == 38)
        put64(p + 72, info.ino);
}

static struct dir_entry *listing_entry(struct dir_listing *l, size_t i)
{
    return i < l->dots ? &dot_entries[i] : &l->snap->entries[i - l->dots];
}

static NTSTATUS list_entries(struct file *file, struct dir_listing *l, uint8_t *buffer, ULONG length,
                             FILE_INFORMATION_CLASS cls, bool single, ULONG *used)
{
    ULONG off = name_offset(cls), pos = 0, prev = 0, last_size = 0;
    bool any = false;
    NTSTATUS status = STATUS_SUCCESS;

    if (cls != 12)
        check_snapshot(l->snap);
    while (l->pos < l->count) {
        struct dir_entry *e = listing_entry(l, l->pos);
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
            fill_entry(buffer, cls, file, l->snap, e, name_bytes);
            *used = length;
            return STATUS_BUFFER_OVERFLOW;
        }
        memset(buffer + pos, 0, size);
        fill_entry(buffer + pos, cls, file, l->snap, e, name_bytes);
        if (any)
            put32(buffer + prev, pos - prev);
        any = true;
        l->pos++;
        prev = pos;
        last_size = size;
        pos = (pos + size + 7) & ~7u;
        if (single)
            break;
    }
    *used = any ? prev + last_size : 0;
    if (!any)
        status = l->returned_any ? STATUS_NO_MORE_FILES : STATUS_NO_SUCH_FILE;
    l->returned_any |= any;
    return status;
}

/* A new listing of the open folder file with the mask of the first query. */
static NTSTATUS new_listing(struct file *file, const UNICODE_STRING *mask, struct dir_listing **out)
{
    struct dir_listing *l = calloc(1, sizeof(*l));
    NTSTATUS status;
    if (!l)
        return STATUS_NO_MEMORY;
    if ((status = get_snapshot(file, &l->snap))) {
        free(l);
        return status;
    }
    if (!file->unix_name || !file_is_drive_root(file->unix_name))
        l->dots = 2;
    l->count = l->dots + l->snap->count;
    if (mask && mask->Length && !(mask->Length == 2 && mask->Buffer[0] == '*')) {
        l->mask_len = mask->Length / sizeof(WCHAR);
        if (!(l->mask = malloc(mask->Length))) {
            dir_listing_free(l);
            return STATUS_NO_MEMORY;
        }
        memcpy(l->mask, mask->Buffer, mask->Length);
    }
    *out = l;
    return STATUS_SUCCESS;
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
        if ((status = new_listing(file, mask, &l)))
            goto out;
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
