/* path.c: the prefix, NT paths to Unix paths (\??\C:\x -> $prefix/drive_c/x, \??\Z:\x -> /x)
 * with case-insensitive lookup, and UTF-16 <-> UTF-8. */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(file);

/* UTF-8 of str[0..len) into out, which holds len * 3 + 1 bytes; returns its length. Unpaired
 * surrogates become U+FFFD. */
static size_t utf16_to_utf8_in(const WCHAR *str, size_t len, char *out)
{
    char *p = out;
    for (size_t i = 0; i < len; i++) {
        unsigned c = str[i];
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < len && str[i + 1] >= 0xdc00 && str[i + 1] < 0xe000)
            c = 0x10000 + ((c - 0xd800) << 10) + (str[++i] - 0xdc00);
        else if (c >= 0xd800 && c < 0xe000)
            c = 0xfffd;
        if (c < 0x80) {
            *p++ = c;
        } else if (c < 0x800) {
            *p++ = 0xc0 | (c >> 6);
            *p++ = 0x80 | (c & 0x3f);
        } else if (c < 0x10000) {
            *p++ = 0xe0 | (c >> 12);
            *p++ = 0x80 | ((c >> 6) & 0x3f);
            *p++ = 0x80 | (c & 0x3f);
        } else {
            *p++ = 0xf0 | (c >> 18);
            *p++ = 0x80 | ((c >> 12) & 0x3f);
            *p++ = 0x80 | ((c >> 6) & 0x3f);
            *p++ = 0x80 | (c & 0x3f);
        }
    }
    *p = 0;
    return p - out;
}

char *utf16_to_utf8(const WCHAR *str, size_t len, size_t *out_len)
{
    char *out = malloc(len * 3 + 1);
    size_t n;
    if (!out)
        return NULL;
    n = utf16_to_utf8_in(str, len, out);
    if (out_len)
        *out_len = n;
    return out;
}

/* Decodes one UTF-8 sequence at s[0..len); returns its length (1 for an invalid byte). */
static size_t utf8_decode(const unsigned char *s, size_t len, unsigned *cp)
{
    unsigned c = s[0], min;
    size_t n;
    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xc2 && c < 0xe0) { n = 2; c &= 0x1f; min = 0x80; }
    else if (c >= 0xe0 && c < 0xf0) { n = 3; c &= 0x0f; min = 0x800; }
    else if (c >= 0xf0 && c < 0xf5) { n = 4; c &= 0x07; min = 0x10000; }
    else { *cp = 0xfffd; return 1; }
    if (n > len) { *cp = 0xfffd; return 1; }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) { *cp = 0xfffd; return i; }
        c = (c << 6) | (s[i] & 0x3f);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c < 0xe000)) { *cp = 0xfffd; return n; }
    *cp = c;
    return n;
}

WCHAR *utf8_to_utf16(const char *str, size_t len, size_t *out_len)
{
    WCHAR *out = malloc((len + 1) * sizeof(WCHAR)), *p = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len;) {
        unsigned c;
        i += utf8_decode((const unsigned char *)str + i, len - i, &c);
        if (c >= 0x10000) {
            *p++ = 0xd800 + ((c - 0x10000) >> 10);
            *p++ = 0xdc00 + ((c - 0x10000) & 0x3ff);
        } else {
            *p++ = c;
        }
    }
    *p = 0;
    if (out_len)
        *out_len = p - out;
    return out;
}

static char prefix_path[PATH_MAX];
static pthread_once_t prefix_once = PTHREAD_ONCE_INIT;

/* The Linux user's name, for drive_c/users/<user>. */
const char *vinho_user_name(void)
{
    static char name[256];
    if (!name[0]) {
        const char *env = getenv("USER");
        struct passwd *pw = (!env || !*env) ? getpwuid(getuid()) : NULL;
        snprintf(name, sizeof(name), "%s", env && *env ? env : pw ? pw->pw_name : "user");
        for (char *c = name; *c; c++)
            if (*c == '/' || *c == '\\')
                *c = '_';
    }
    return name;
}

static void make_dir(const char *fmt, ...)
{
    char path[PATH_MAX];
    va_list args;
    va_start(args, fmt);
    vsnprintf(path, sizeof(path), fmt, args);
    va_end(args);
    if (mkdir(path, 0777) < 0 && errno != EEXIST)
        WARN("creating %s: %s\n", path, strerror(errno));
}

/* Creates the prefix's layout when drive_c is missing: a handful of mkdir and two symlinks,
 * so the first start stays fast. Existing entries are left alone. */
static void prefix_create(void)
{
    const char *p = prefix_path, *user = vinho_user_name();
    char path[PATH_MAX];
    struct stat st;

    snprintf(path, sizeof(path), "%s/drive_c", p);
    if (!stat(path, &st))
        return;
    TRACE("creating the prefix %s\n", p);
    /* The prefix folder itself, and its parents (VINHO_PREFIX may name a new tree). */
    for (char *c = strcpy(path, p) + 1; *c; c++) {
        if (*c == '/') {
            *c = 0;
            mkdir(path, 0777);
            *c = '/';
        }
    }
    make_dir("%s", p);
    make_dir("%s/drive_c", p);
    make_dir("%s/drive_c/windows", p);
    make_dir("%s/drive_c/windows/system32", p);
    make_dir("%s/drive_c/windows/temp", p);
    make_dir("%s/drive_c/ProgramData", p);
    make_dir("%s/drive_c/Program Files", p);
    make_dir("%s/drive_c/users", p);
    make_dir("%s/drive_c/users/%s", p, user);
    make_dir("%s/drive_c/users/%s/AppData", p, user);
    make_dir("%s/drive_c/users/%s/AppData/Local", p, user);
    make_dir("%s/drive_c/users/%s/AppData/Local/Temp", p, user);
    make_dir("%s/drive_c/users/%s/AppData/Roaming", p, user);
    make_dir("%s/dosdevices", p);
    snprintf(path, sizeof(path), "%s/dosdevices/c:", p);
    if (symlink("../drive_c", path) < 0 && errno != EEXIST)
        WARN("creating %s: %s\n", path, strerror(errno));
    snprintf(path, sizeof(path), "%s/dosdevices/z:", p);
    if (symlink("/", path) < 0 && errno != EEXIST)
        WARN("creating %s: %s\n", path, strerror(errno));
}

static void prefix_init(void)
{
    const char *env = getenv("VINHO_PREFIX"), *home = getenv("HOME");
    if (env && *env) {
        snprintf(prefix_path, sizeof(prefix_path), "%s", env);
    } else {
        if (!home || !*home) {
            struct passwd *pw = getpwuid(getuid());
            home = pw ? pw->pw_dir : "/tmp";
        }
        snprintf(prefix_path, sizeof(prefix_path), "%s/.vinho", home);
    }
    prefix_create();
}

/* $VINHO_PREFIX, else ~/.vinho; created on first use. */
const char *vinho_prefix(void)
{
    pthread_once(&prefix_once, prefix_init);
    return prefix_path;
}

/* The Unix folders the drive letters map to, resolved once: $prefix/dosdevices/x: when present
 * (a symlink, followed with realpath), else C: is drive_c and Z: is /. "" means /. */
static char *drive_roots[26];
static pthread_once_t drives_once = PTHREAD_ONCE_INIT;

static void drives_init(void)
{
    char link[PATH_MAX], real[PATH_MAX];
    const char *prefix = vinho_prefix();
    struct dirent *e;
    DIR *dir;
    /* One folder read instead of 26 realpath calls (each a readlink per path component):
     * start-up pays this on every run. */
    snprintf(link, sizeof(link), "%s/dosdevices", prefix);
    if ((dir = opendir(link))) {
        while ((e = readdir(dir))) {
            int i = (e->d_name[0] | 0x20) - 'a';
            if (i < 0 || i >= 26 || strcmp(e->d_name + 1, ":") || drive_roots[i])
                continue;
            snprintf(link, sizeof(link), "%s/dosdevices/%s", prefix, e->d_name);
            if (realpath(link, real))
                drive_roots[i] = strdup(strcmp(real, "/") ? real : "");
        }
        closedir(dir);
    }
    if (!drive_roots['c' - 'a']) {
        snprintf(real, sizeof(real), "%s/drive_c", prefix);
        drive_roots['c' - 'a'] = strdup(real);
    }
    if (!drive_roots['z' - 'a'])
        drive_roots['z' - 'a'] = strdup("");
}

/* The Unix root of drive letter (A-Z, any case), or NULL. */
const char *drive_root(WCHAR letter)
{
    letter |= 0x20;
    if (letter < 'a' || letter > 'z')
        return NULL;
    pthread_once(&drives_once, drives_init);
    return drive_roots[letter - 'a'];
}

static bool ieq(const WCHAR *w, size_t len, const char *a)
{
    size_t i;
    for (i = 0; i < len && a[i]; i++) {
        WCHAR c = w[i];
        if (c >= 'a' && c <= 'z')
            c -= 32;
        if (c != (WCHAR)a[i])
            return false;
    }
    return i == len && !a[i];
}


/* ---------------------------------------------------------------------------------------------
 * Case-insensitive lookup. A name is tried as given first (one lstat); only when that misses is
 * each missing component looked up in its folder, whose names are kept in a small cache keyed
 * by the folder's device, inode and modification time. Names are compared with Windows' upcase
 * table (the UCD simple uppercase mapping of dlls/ntdll/nls_tables.c), as NTFS does.
 */

extern const uint8_t nls_upper_index[2048];
extern const uint16_t nls_upper_blocks[][32];

static WCHAR upcase(WCHAR ch)
{
    return (WCHAR)(ch + nls_upper_blocks[nls_upper_index[ch >> 5]][ch & 31]);
}

/* Hash of a UTF-8 name, case-folded; equal names (ignoring case) hash equally. */
static uint32_t fold_hash(const char *name, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len;) {
        unsigned c;
        i += utf8_decode((const unsigned char *)name + i, len - i, &c);
        if (c < 0x10000)
            c = upcase(c);
        h = (h ^ c) * 16777619u;
    }
    return h;
}

bool name_equal_nocase(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0;
    while (i < alen && j < blen) {
        unsigned ca, cb;
        i += utf8_decode((const unsigned char *)a + i, alen - i, &ca);
        j += utf8_decode((const unsigned char *)b + j, blen - j, &cb);
        if (ca < 0x10000)
            ca = upcase(ca);
        if (cb < 0x10000)
            cb = upcase(cb);
        if (ca != cb)
            return false;
    }
    return i == alen && j == blen;
}

struct dir_slot {
    uint32_t hash;
    char *name;                     /* NULL: empty */
};
struct dir_cache {
    char *path;                     /* NULL: unused entry */
    dev_t dev;
    ino_t ino;
    struct timespec mtime;
    struct timespec changed_at;     /* the clock after vinho's last change of the folder */
    bool changed;                   /* vinho changed it since mtime was read */
    size_t count, cap;              /* cap: a power of two, at least twice count */
    struct dir_slot *slots;
    unsigned long used;
};

#define DIR_CACHE_ENTRIES 32
static struct dir_cache dir_caches[DIR_CACHE_ENTRIES];
static unsigned long dir_cache_tick;
static pthread_mutex_t dir_cache_lock = PTHREAD_MUTEX_INITIALIZER;

static void cache_clear(struct dir_cache *c)
{
    for (size_t i = 0; i < c->cap; i++)
        free(c->slots[i].name);
    free(c->slots);
    free(c->path);
    memset(c, 0, sizeof(*c));
}

static bool cache_insert(struct dir_cache *c, const char *name)
{
    size_t len = strlen(name);
    if ((c->count + 1) * 2 > c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        struct dir_slot *slots = calloc(cap, sizeof(*slots));
        if (!slots)
            return false;
        for (size_t i = 0; i < c->cap; i++) {
            if (!c->slots[i].name)
                continue;
            size_t j = c->slots[i].hash & (cap - 1);
            while (slots[j].name)
                j = (j + 1) & (cap - 1);
            slots[j] = c->slots[i];
        }
        free(c->slots);
        c->slots = slots;
        c->cap = cap;
    }
    uint32_t h = fold_hash(name, len);
    size_t j = h & (c->cap - 1);
    while (c->slots[j].name)
        j = (j + 1) & (c->cap - 1);
    if (!(c->slots[j].name = strdup(name)))
        return false;
    c->slots[j].hash = h;
    c->count++;
    return true;
}

/* The slot holding exactly name (ignoring case when nocase), or NULL. */
static struct dir_slot *cache_find(struct dir_cache *c, const char *name, size_t len, bool nocase)
{
    uint32_t h = fold_hash(name, len);
    if (!c->cap)
        return NULL;
    for (size_t j = h & (c->cap - 1); c->slots[j].name; j = (j + 1) & (c->cap - 1)) {
        struct dir_slot *s = &c->slots[j];
        if (s->hash != h)
            continue;
        if (nocase ? name_equal_nocase(s->name, strlen(s->name), name, len)
                   : strlen(s->name) == len && !memcmp(s->name, name, len))
            return s;
    }
    return NULL;
}

/* Removal keeps the probe chains intact by re-inserting what follows the hole. */
static void cache_remove(struct dir_cache *c, struct dir_slot *s)
{
    size_t j = s - c->slots;
    free(s->name);
    s->name = NULL;
    c->count--;
    for (j = (j + 1) & (c->cap - 1); c->slots[j].name; j = (j + 1) & (c->cap - 1)) {
        struct dir_slot moved = c->slots[j];
        size_t k = moved.hash & (c->cap - 1);
        c->slots[j].name = NULL;
        while (c->slots[k].name)
            k = (k + 1) & (c->cap - 1);
        c->slots[k] = moved;
    }
}

static bool cache_fill(struct dir_cache *c, const char *dir, const struct stat *st)
{
    DIR *d = opendir(*dir ? dir : "/");
    struct dirent *e;
    if (!d)
        return false;
    if (!(c->path = strdup(dir))) {
        closedir(d);
        return false;
    }
    c->dev = st->st_dev;
    c->ino = st->st_ino;
    c->mtime = st->st_mtim;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            cache_insert(c, e->d_name);
    closedir(d);
    return true;
}

static bool ts_equal(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

static bool ts_before(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* The cache entry of folder dir, filled or refreshed; NULL when it cannot be read. dir_st: the
 * folder's stat when the caller has just made it (saves one), else NULL.
 * Called with dir_cache_lock held. */
static struct dir_cache *cache_get(const char *dir, const struct stat *dir_st)
{
    struct dir_cache *c, *victim = &dir_caches[0];
    struct stat st;
    if (dir_st)
        st = *dir_st;
    else if (stat(*dir ? dir : "/", &st) < 0)
        return NULL;
    if (!S_ISDIR(st.st_mode))
        return NULL;
    for (c = dir_caches; c < dir_caches + DIR_CACHE_ENTRIES; c++) {
        if (c->path && !strcmp(c->path, dir))
            break;
        if (!c->path || (victim->path && c->used < victim->used))
            victim = c;
    }
    if (c < dir_caches + DIR_CACHE_ENTRIES) {
        if (c->dev == st.st_dev && c->ino == st.st_ino &&
            (ts_equal(&c->mtime, &st.st_mtim) || (c->changed && !ts_before(&c->changed_at, &st.st_mtim)))) {
            c->mtime = st.st_mtim;
            c->changed = false;
            c->used = ++dir_cache_tick;
            return c;
        }
        victim = c;
    }
    cache_clear(victim);
    if (!cache_fill(victim, dir, &st)) {
        cache_clear(victim);
        return NULL;
    }
    victim->used = ++dir_cache_tick;
    return victim;
}

/* The real name in folder dir matching name ignoring case, malloc'ed; NULL when none. */
static char *lookup_nocase(const char *dir, const struct stat *dir_st, const char *name, size_t len)
{
    struct dir_cache *c;
    struct dir_slot *s;
    char *found = NULL;
    pthread_mutex_lock(&dir_cache_lock);
    if ((c = cache_get(dir, dir_st)) && (s = cache_find(c, name, len, true)))
        found = strdup(s->name);
    pthread_mutex_unlock(&dir_cache_lock);
    return found;
}

/* Keeps a cached folder in step with a change vinho made itself (a name created or removed),
 * so that creating many files in one folder does not rescan it each time. The folder's new
 * mtime is not read now (a stat per change): the next lookup in it accepts any mtime up to the
 * clock read just after the change as ours (cache_get). A change by another process that lands
 * in the same clock tick as ours is missed, as it was when the mtime was read at once. */
void dircache_changed(const char *path, bool added)
{
    const char *slash = strrchr(path, '/');
    struct timespec now;
    if (!slash)
        return;
    clock_gettime(CLOCK_REALTIME, &now);    /* after the change; no system call (vDSO) */
    size_t dlen = slash - path;
    pthread_mutex_lock(&dir_cache_lock);
    for (struct dir_cache *c = dir_caches; c < dir_caches + DIR_CACHE_ENTRIES; c++) {
        if (!c->path || strlen(c->path) != dlen || memcmp(c->path, path, dlen))
            continue;
        struct dir_slot *s = cache_find(c, slash + 1, strlen(slash + 1), false);
        bool ok = added ? (s || cache_insert(c, slash + 1)) : true;
        if (!added && s)
            cache_remove(c, s);
        if (ok) {
            c->changed = true;
            c->changed_at = now;
        } else {
            cache_clear(c);
        }
        break;
    }
    pthread_mutex_unlock(&dir_cache_lock);
}

/* What the lookup learnt of the path it returned, handed to the caller that asked for the path
 * (one thread, one path conversion at a time), so that it need not stat the same name again:
 * the lstat that found it as given, or that it is missing (its lstat failed with ENOENT and no
 * name was changed to another case). */
static __thread struct {
    const char *path;
    bool missing;
    struct stat st;
} found;

int path_take_stat(const char *path, struct stat *st)
{
    int known = 1;
    if (!found.path || found.path != path || (!found.missing && S_ISLNK(found.st.st_mode)))
        known = 0;
    else if (found.missing)
        known = -1;
    else
        *st = found.st;
    found.path = NULL;
    return known;
}

/* Rewrites the components of path after root_len to their real case where the exact name does
 * not exist; a component that exists under no case is kept as given, with what follows. */
static char *resolve_case(char *path, size_t root_len)
{
    struct stat st, parent_st;
    size_t pos = root_len;
    bool parent = false;
    found.path = NULL;
    if (!lstat(path, &st)) {
        found.path = path;
        found.missing = false;
        found.st = st;
        return path;
    }
    if (errno != ENOENT)
        return path;
    /* Most often only the last name is missing (a file about to be created): when the folder
     * exists as given, look up only that name instead of walking from the root. */
    char *slash = strrchr(path + root_len, '/');
    if (slash && slash > path + root_len) {
        *slash = 0;
        parent = !lstat(path, &parent_st) && S_ISDIR(parent_st.st_mode);   /* not a link */
        *slash = '/';
        if (parent)
            pos = slash - path;
    }
    bool rewritten = false;
    while (path[pos] == '/') {
        size_t start = pos + 1, end = start;
        while (path[end] && path[end] != '/')
            end++;
        char saved = path[end];
        path[end] = 0;
        bool exists = saved && !lstat(path, &st);  /* the whole path is known to be missing */
        path[end] = saved;
        if (!exists) {
            path[pos] = 0;
            char *real = lookup_nocase(path, parent ? &parent_st : NULL, path + start, end - start);
            path[pos] = '/';
            if (!real) {
                if (!rewritten) {   /* the lstat above stands: missing */
                    found.path = path;
                    found.missing = true;
                }
                return path;
            }
            size_t rlen = strlen(real), tail = strlen(path + end);
            char *grown = malloc(start + rlen + tail + 1);
            if (!grown) {
                free(real);
                return path;
            }
            memcpy(grown, path, start);
            memcpy(grown + start, real, rlen);
            memcpy(grown + start + rlen, path + end, tail + 1);
            free(real);
            free(path);
            path = grown;
            end = start + rlen;
            rewritten = true;
        }
        parent = false;     /* its stat was for the first folder looked in */
        pos = end;
    }
    return path;
}

/* ---------------------------------------------------------------------------------------------
 * NT paths to Unix paths.
 */

/* Device names that have a Unix meaning; the other DOS devices exist on no Linux machine. */
static NTSTATUS device_path(const WCHAR *name, size_t len, char **out)
{
    static const char *const absent[] = { "PRN", "AUX", "COM", "LPT" };
    const char *unix_name = NULL;
    if (ieq(name, len, "NUL"))
        unix_name = "/dev/null";
    else if (ieq(name, len, "CONIN$") || ieq(name, len, "CONOUT$") || ieq(name, len, "CON"))
        unix_name = "/dev/tty";
    if (unix_name)
        return (*out = strdup(unix_name)) ? STATUS_SUCCESS : STATUS_NO_MEMORY;
    for (size_t i = 0; i < sizeof(absent) / sizeof(absent[0]); i++) {
        size_t n = strlen(absent[i]);
        if (len >= n && ieq(name, n, absent[i]) &&
            (len == n || (len == n + 1 && name[n] >= '1' && name[n] <= '9')))
            return STATUS_OBJECT_NAME_NOT_FOUND;
    }
    return STATUS_OBJECT_PATH_SYNTAX_BAD;   /* not a device name */
}

/* Windows forbids these in names (Naming Files, Paths, and Namespaces). */
static bool invalid_name_char(WCHAR c)
{
    return c < 32 || c == '<' || c == '>' || c == ':' || c == '"' || c == '|' || c == '?' ||
           c == '*' || c == '/';
}

/* Checks each component of a path after the drive: valid characters, no "." or "..", at most
 * 255 characters (NTFS's limit). */
static NTSTATUS check_components(const WCHAR *p, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t start = ++i;     /* p[i - 1] is a backslash */
        while (i < len && p[i] != '\\') {
            if (invalid_name_char(p[i]))
                return STATUS_OBJECT_NAME_INVALID;
            i++;
        }
        size_t n = i - start;
        if (n > 255)
            return STATUS_OBJECT_NAME_INVALID;
        if (!n && i < len)
            return STATUS_OBJECT_NAME_INVALID;  /* "a\\b" */
        if ((n == 1 && p[start] == '.') || (n == 2 && p[start] == '.' && p[start + 1] == '.'))
            return STATUS_OBJECT_NAME_INVALID;
    }
    return STATUS_SUCCESS;
}

/* Unix path of an NT path. \??\X:\... maps through the drive's root; \??\NUL and the console
 * devices map to their Unix devices; \??\UNC\ is a network path (none here). */
static NTSTATUS nt_to_unix(const WCHAR *p, size_t len, char **unix_path, size_t *root_len)
{
    const char *root;
    char *rest, *out;
    size_t rest_len;
    NTSTATUS status;

    if (len < 4 || p[0] != '\\' || p[1] != '?' || p[2] != '?' || p[3] != '\\') {
        WARN("unsupported NT path %s\n", debugstr_wn(p, len));
        return STATUS_OBJECT_PATH_SYNTAX_BAD;
    }
    p += 4;
    len -= 4;
    if ((status = device_path(p, len, unix_path)) != STATUS_OBJECT_PATH_SYNTAX_BAD) {
        *root_len = 0;
        return status;
    }
    if (len >= 4 && ieq(p, 4, "UNC\\"))
        return STATUS_BAD_NETWORK_PATH;
    if (len < 2 || p[1] != ':') {
        /* \??\name: one name in the \?? object folder, which holds only drives and devices; a
         * longer path fails at its first component (the object manager's rule). */
        for (size_t i = 0; i < len; i++)
            if (p[i] == '\\')
                return STATUS_OBJECT_PATH_NOT_FOUND;
        return STATUS_OBJECT_NAME_NOT_FOUND;
    }
    if (len > 2 && p[2] != '\\')
        return STATUS_OBJECT_NAME_NOT_FOUND;    /* "C:x" is one name in \??, which has none such */
    if (!(root = drive_root(p[0])))
        return STATUS_OBJECT_PATH_NOT_FOUND;
    if (len > 3 && (status = check_components(p + 2, len - 2)))
        return status;
    /* One buffer: the root, then the rest converted in place, backslashes made slashes. */
    *root_len = strlen(root);
    if (!(out = malloc(*root_len + (len - 2) * 3 + 2)))
        return STATUS_NO_MEMORY;
    memcpy(out, root, *root_len);
    rest = out + *root_len;
    rest_len = utf16_to_utf8_in(p + 2, len - 2, rest);
    for (char *c = rest; *c; c++)
        if (*c == '\\')
            *c = '/';
    if (!rest_len)
        memcpy(rest, "/", 2);
    if (*root_len + rest_len + 2 > PATH_MAX) {
        free(out);
        return STATUS_NAME_TOO_LONG;
    }
    /* "X:\" keeps its slash, anything longer loses a trailing one. */
    size_t olen = *root_len + (rest_len ? rest_len : 1);
    if (olen > *root_len + 1 && out[olen - 1] == '/')
        out[olen - 1] = 0;
    *unix_path = out;
    return STATUS_SUCCESS;
}

/* The Unix path of an NT path with the names as given; *root_len: the length of its drive's root,
 * or PATH_NO_CASE when the path needs no case lookup (a device). */
NTSTATUS nt_to_unix_path_as_given(const UNICODE_STRING *nt, char **unix_path, size_t *root_len)
{
    NTSTATUS status = nt_to_unix(nt->Buffer, nt->Length / sizeof(WCHAR), unix_path, root_len);
    if (!status && !*root_len && !strncmp(*unix_path, "/dev/", 5))
        *root_len = PATH_NO_CASE;
    return status;
}

/* path (malloc'ed; consumed) with the names after root_len in their real case where the names as
 * given do not exist; what the lookup learnt is left for path_take_stat. */
char *path_resolve_case(char *path, size_t root_len)
{
    path_take_stat(NULL, NULL);
    return root_len == PATH_NO_CASE ? path : resolve_case(path, root_len);
}

NTSTATUS nt_to_unix_path(const UNICODE_STRING *nt, char **unix_path)
{
    size_t root_len;
    NTSTATUS status = nt_to_unix_path_as_given(nt, unix_path, &root_len);
    if (status)
        return status;
    *unix_path = path_resolve_case(*unix_path, root_len);
    TRACE("%s -> %s\n", debugstr_wn(nt->Buffer, nt->Length / 2), *unix_path);
    return STATUS_SUCCESS;
}

/* The Windows path of a Unix path: under a drive's root (the longest match; Z: is /), with
 * backslashes; malloc'ed. */
char *unix_to_dos_path(const char *unix_path)
{
    int best = 'z' - 'a';
    size_t best_len = 0;
    char *out;
    pthread_once(&drives_once, drives_init);
    for (int i = 0; i < 26; i++) {
        size_t n = drive_roots[i] ? strlen(drive_roots[i]) : 0;
        if (n > best_len && !strncmp(unix_path, drive_roots[i], n) &&
            (unix_path[n] == '/' || !unix_path[n])) {
            best = i;
            best_len = n;
        }
    }
    const char *rest = unix_path + best_len;
    if (!(out = malloc(strlen(rest) + 4)))
        return NULL;
    sprintf(out, "%c:%s", 'A' + best, *rest ? rest : "/");
    for (char *c = out; *c; c++)
        if (*c == '/')
            *c = '\\';
    return out;
}

/* The Unix path of name relative to the open folder dir (OBJECT_ATTRIBUTES.RootDirectory):
 * name must be relative ("a\b"), with the same name rules as a full path. */
NTSTATUS nt_relative_to_unix(const char *dir, const UNICODE_STRING *name, char **unix_path)
{
    size_t root_len;
    NTSTATUS status = nt_relative_as_given(dir, name, unix_path, &root_len);
    if (!status)
        *unix_path = path_resolve_case(*unix_path, root_len);
    return status;
}

/* As nt_relative_to_unix, with the names as given (see nt_to_unix_path_as_given). */
NTSTATUS nt_relative_as_given(const char *dir, const UNICODE_STRING *name, char **unix_path,
                              size_t *root_len)
{
    const WCHAR *p = name->Buffer;
    size_t len = name->Length / sizeof(WCHAR), rest_len, dir_len = strlen(dir);
    char *rest, *out;
    NTSTATUS status;

    if (len && p[0] == '\\')
        return STATUS_INVALID_PARAMETER;    /* a root folder with an absolute name */
    *root_len = PATH_NO_CASE;
    if (!len)
        return (*unix_path = strdup(dir)) ? STATUS_SUCCESS : STATUS_NO_MEMORY;
    /* check_components wants each component after a backslash */
    WCHAR *with_sep = malloc((len + 1) * sizeof(WCHAR));
    if (!with_sep)
        return STATUS_NO_MEMORY;
    with_sep[0] = '\\';
    memcpy(with_sep + 1, p, len * sizeof(WCHAR));
    status = check_components(with_sep, len + 1);
    free(with_sep);
    if (status)
        return status;
    if (!(rest = utf16_to_utf8(p, len, &rest_len)))
        return STATUS_NO_MEMORY;
    for (char *c = rest; *c; c++)
        if (*c == '\\')
            *c = '/';
    if (dir_len + rest_len + 2 > PATH_MAX) {
        free(rest);
        return STATUS_NAME_TOO_LONG;
    }
    if (!(out = malloc(dir_len + rest_len + 2))) {
        free(rest);
        return STATUS_NO_MEMORY;
    }
    sprintf(out, "%s/%s", strcmp(dir, "/") ? dir : "", rest);
    free(rest);
    size_t olen = strlen(out);
    if (olen > 1 && out[olen - 1] == '/')
        out[olen - 1] = 0;
    *unix_path = out;
    *root_len = strcmp(dir, "/") ? dir_len : 0;
    TRACE("%s + %s -> %s\n", dir, debugstr_wn(p, len), *unix_path);
    return STATUS_SUCCESS;
}
