/* module.c: maps PE images, relocates them, links their imports and runs their initialisers. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "loader/loader.h"
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(loader);

struct module *modules;
struct module *exe_module;
struct missing *missing_list;
bool loader_check_mode;
const char *loader_exe_dir;

static pthread_mutex_t ldr_mutex;
static pthread_once_t ldr_once = PTHREAD_ONCE_INIT;
static struct module **init_order;  /* modules whose initialiser ran, in that order */
static size_t ninit, init_cap;

static void ldr_mutex_init(void)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&ldr_mutex, &attr);
}

void loader_lock(void)
{
    pthread_once(&ldr_once, ldr_mutex_init);
    pthread_mutex_lock(&ldr_mutex);
}

void loader_unlock(void)
{
    pthread_mutex_unlock(&ldr_mutex);
}

/* api-ms-win-* contract names: the DLL that hosts each family on Windows 10. */
static const struct { const char *prefix, *host; } apisets[] = {
    { "api-ms-win-crt-", "ucrtbase.dll" },
    { "api-ms-win-core-rtlsupport-", "ntdll.dll" },
    { "api-ms-win-core-", "kernelbase.dll" },
    { "api-ms-win-eventing-", "kernelbase.dll" },
    { "api-ms-win-security-base-", "kernelbase.dll" },
    { "api-ms-win-downlevel-", "kernelbase.dll" },
};

const char *apiset_resolve(const char *name)
{
    for (size_t i = 0; i < sizeof(apisets) / sizeof(apisets[0]); i++)
        if (!strncasecmp(name, apisets[i].prefix, strlen(apisets[i].prefix)))
            return apisets[i].host;
    return NULL;
}

static bool file_exists(const char *path)
{
    struct stat st;
    return !stat(path, &st) && S_ISREG(st.st_mode);
}

/* The folder of our DLLs, found once: VINHO_DLL_DIR; else the build tree next to the vinho
 * binary (dlls/<name>/<name>.dll); else the installed PKGLIBDIR (<name>.dll). */
static char dll_dir[PATH_MAX];
static bool dll_dir_is_build_tree;

static void find_dll_dir(void)
{
    char exe[PATH_MAX], path[PATH_MAX + 32], *slash;
    ssize_t n;

    if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
        exe[n] = 0;
        if ((slash = strrchr(exe, '/')))
            *slash = 0;
        snprintf(path, sizeof(path), "%s/dlls/ntdll/ntdll.dll", exe);
        if (file_exists(path)) {
            snprintf(dll_dir, sizeof(dll_dir), "%s/dlls", exe);
            dll_dir_is_build_tree = true;
            return;
        }
    }
    snprintf(dll_dir, sizeof(dll_dir), "%s", PKGLIBDIR);
}

char *builtin_path(const char *name)
{
    char base[256], path[PATH_MAX + 600], *dot;
    const char *env = getenv("VINHO_DLL_DIR");
    size_t i;

    if (!dll_dir[0])
        find_dll_dir();
    for (i = 0; name[i] && i < sizeof(base) - 1; i++)
        base[i] = tolower((unsigned char)name[i]);
    base[i] = 0;
    if ((dot = strrchr(base, '.')) && !strcmp(dot, ".dll"))
        *dot = 0;
    if (env && *env)
        snprintf(path, sizeof(path), "%s/%s.dll", env, base);
    else if (dll_dir_is_build_tree)
        snprintf(path, sizeof(path), "%s/%s/%s.dll", dll_dir, base, base);
    else
        snprintf(path, sizeof(path), "%s/%s.dll", dll_dir, base);
    return file_exists(path) ? strdup(path) : NULL;
}

/* The names in the application's folder, read once: each DLL a program imports is looked for
 * there first, and a folder such as /tmp can hold thousands of files. A DLL written there later
 * is still found under its exact name; only its case-insensitive match waits for issue 3's cache. */
static struct { char *dir; char **names; size_t count; } dir_cache;

static void read_dir_names(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t cap = 0;

    dir_cache.dir = strdup(dir);
    while (d && (e = readdir(d))) {
        if (dir_cache.count == cap) {
            char **grown = realloc(dir_cache.names, (cap = cap ? cap * 2 : 64) * sizeof(*grown));
            if (!grown)
                break;
            dir_cache.names = grown;
        }
        dir_cache.names[dir_cache.count++] = strdup(e->d_name);
    }
    if (d)
        closedir(d);
}

/* Case-insensitive lookup of a file name in a folder; malloc'ed path or NULL. */
static char *find_in_dir(const char *dir, const char *name)
{
    char path[PATH_MAX];

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    if (file_exists(path))
        return strdup(path);
    if (!dir_cache.dir || strcmp(dir_cache.dir, dir)) {
        for (size_t i = 0; i < dir_cache.count; i++)
            free(dir_cache.names[i]);
        free(dir_cache.dir);
        dir_cache.count = 0;
        read_dir_names(dir);
    }
    for (size_t i = 0; i < dir_cache.count; i++)
        if (dir_cache.names[i] && !strcasecmp(dir_cache.names[i], name)) {
            snprintf(path, sizeof(path), "%s/%s", dir, dir_cache.names[i]);
            if (file_exists(path))
                return strdup(path);
        }
    return NULL;
}

/* DLLs that are always ours, whatever a program ships beside itself. */
static bool always_builtin(const char *name)
{
    static const char *const known[] = { "ntdll.dll", "kernel32.dll", "kernelbase.dll" };
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (!strcasecmp(name, known[i]))
            return true;
    return false;
}

/* Windows system DLLs vinho does not have yet (docs/win32dlls.md, "Absent system DLLs"). A
 * program that imports one statically still starts: its imports bind to loud stubs, as a missing
 * export of a DLL we have does. LoadLibrary of these names still fails (module_load is not
 * involved), so a program probing for an optional DLL takes its fallback path. */
bool windows_system_dll(const char *name)
{
    static const char *const known[] = {
        "advapi32", "bcrypt", "bcryptprimitives", "cabinet", "cfgmgr32", "combase", "comctl32",
        "comdlg32", "credui", "crypt32", "cryptbase", "cryptnet", "cryptsp", "d2d1", "d3d11",
        "d3d12", "d3d9", "d3dcompiler_47", "dbgcore", "dbghelp", "dnsapi", "dwmapi", "dwrite",
        "dxgi", "fwpuclnt", "gdi32", "gdiplus", "hid", "imagehlp", "imm32", "iphlpapi",
        "mpr", "msi", "msimg32", "mswsock", "ncrypt", "netapi32", "normaliz", "ntdsapi",
        "ole32", "oleacc", "oleaut32", "opengl32", "pdh", "powrprof", "propsys", "psapi",
        "rpcrt4", "rstrtmgr", "secur32", "setupapi", "shcore", "shell32", "shlwapi", "sspicli",
        "urlmon", "user32", "userenv", "uxtheme", "version", "wevtapi", "winhttp", "wininet",
        "winmm", "winspool.drv", "wintrust", "wldap32", "ws2_32", "wsock32", "wtsapi32",
        "xinput1_4",
    };
    char base[64];
    size_t i, len;

    if (!strncasecmp(name, "api-ms-win-", 11) || !strncasecmp(name, "ext-ms-win-", 11))
        return true;
    for (len = 0; name[len] && len < sizeof(base) - 1; len++)
        base[len] = tolower((unsigned char)name[len]);
    base[len] = 0;
    if (len > 4 && !strcmp(base + len - 4, ".dll"))
        base[len - 4] = 0;
    for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (!strcmp(base, known[i]))
            return true;
    return false;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/'), *b = strrchr(path, '\\');
    if (b && (!s || b > s))
        s = b;
    return s ? s + 1 : path;
}

struct module *module_find_loaded(const char *name)
{
    const char *host = apiset_resolve(name);
    size_t len;
    if (host)
        name = host;
    name = base_name(name);
    len = strlen(name);
    for (struct module *m = modules; m; m = m->next) {
        if (!strcasecmp(m->name, name))
            return m;
        /* "kernel32" finds "kernel32.dll" */
        if (!strchr(name, '.') && !strncasecmp(m->name, name, len) && !strcasecmp(m->name + len, ".dll"))
            return m;
    }
    return NULL;
}

struct module *module_from_address(const void *addr)
{
    for (struct module *m = modules; m; m = m->next)
        if ((const uint8_t *)addr >= m->base && (const uint8_t *)addr < m->base + m->size)
            return m;
    return NULL;
}

/* Reserves the image's address range: its preferred base, or anywhere if it can be relocated. */
static NTSTATUS reserve_image(struct module *mod)
{
    const struct pe_file *pe = &mod->pe;
    size_t size = (pe->size_of_image + 0xfff) & ~0xfffUL;
    void *want = (void *)(uintptr_t)pe->image_base, *p;

    p = mmap(want, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != MAP_FAILED && p != want) {
        munmap(p, size);
        p = MAP_FAILED;
    }
    if (p == MAP_FAILED) {
        /* Only the flag forbids a move: an image with no fixups at all (kernel32's forwarders)
         * needs none to run elsewhere. */
        if (pe->characteristics & PE_FILE_RELOCS_STRIPPED) {
            ERR("%s cannot be loaded at its base address %p and has no relocations\n", mod->name, want);
            return STATUS_CONFLICTING_ADDRESSES;
        }
        uint8_t *any = mmap(NULL, size + 0x10000, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (any == MAP_FAILED)
            return STATUS_NO_MEMORY;
        uint8_t *aligned = (uint8_t *)(((uintptr_t)any + 0xffff) & ~0xffffUL);
        if (aligned > any)
            munmap(any, aligned - any);
        munmap(aligned + size, any + size + 0x10000 - (aligned + size));
        p = aligned;
    }
    mod->base = p;
    mod->size = size;
    return STATUS_SUCCESS;
}

struct reloc_ctx { uint8_t *base; size_t size; int64_t delta; bool bad; };

static bool apply_reloc(void *ctx_, unsigned type, uint32_t rva)
{
    struct reloc_ctx *ctx = ctx_;
    uint8_t *p = ctx->base + rva;
    switch (type) {
    case PE_REL_BASED_DIR64: {
        uint64_t v;
        memcpy(&v, p, 8);
        v += ctx->delta;
        memcpy(p, &v, 8);
        return true;
    }
    case PE_REL_BASED_HIGHLOW: {
        uint32_t v;
        memcpy(&v, p, 4);
        v += (uint32_t)ctx->delta;
        memcpy(p, &v, 4);
        return true;
    }
    }
    ctx->bad = true;
    return false;
}

/* A section whose file data and image address are whole pages can be mapped from the file
 * (copy-on-write) instead of copied: our DLLs are linked with 4 KiB file alignment for that. */
static bool section_mappable(const struct pe_section *s)
{
    return !(s->raw_offset & 0xfff) && !(s->raw_size & 0xfff) && !(s->virtual_address & 0xfff) &&
           s->raw_size && (!s->virtual_size || s->raw_size <= ((s->virtual_size + 0xfff) & ~0xfffU));
}

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23      /* Linux 5.14 */
#endif

/* The pages a section copy is about to write, allocated in one call rather than one fault each
 * (a fault costs ~15 us on a Firecracker VM, about twice the per-page cost of populating).
 * Neighbouring ranges are merged; a NULL range flushes. An old kernel just takes the faults. */
struct populate_range { uint8_t *start, *end; };

static void populate(struct populate_range *r, uint8_t *addr, size_t len)
{
    uint8_t *start = (uint8_t *)((uintptr_t)addr & ~0xfffUL);
    uint8_t *end = (uint8_t *)(((uintptr_t)addr + len + 0xfff) & ~0xfffUL);
    if (addr && len && r->end && start <= r->end && start >= r->start) {
        if (end > r->end)
            r->end = end;
        return;
    }
    if (r->end > r->start)
        madvise(r->start, r->end - r->start, MADV_POPULATE_WRITE);
    r->start = addr && len ? start : NULL;
    r->end = addr && len ? end : NULL;
}

static NTSTATUS map_image(struct module *mod)
{
    const struct pe_file *pe = &mod->pe;
    struct populate_range pending = { NULL, NULL };
    NTSTATUS status;

    if ((status = reserve_image(mod)))
        return status;
    /* Headers that fill their page in the file (our DLLs') are mapped too: a copy would cost a
     * fresh page for each image. */
    bool copy_headers = !(mod->fd >= 0 && pe->size_of_headers == 0x1000 && mod->file_size >= 0x1000 &&
                          mmap(mod->base, 0x1000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED,
                               mod->fd, 0) != MAP_FAILED);
    size_t headers = pe->size_of_headers < mod->file_size ? pe->size_of_headers : mod->file_size;
    if (copy_headers)
        populate(&pending, mod->base, headers);
    for (int i = 0; i < pe->nsections; i++) {     /* what will be copied: allocated at once */
        const struct pe_section *s = &pe->sections[i];
        if (!(mod->fd >= 0 && section_mappable(s)))
            populate(&pending, mod->base + s->virtual_address,
                     s->virtual_size && s->virtual_size < s->raw_size ? s->virtual_size : s->raw_size);
    }
    populate(&pending, NULL, 0);
    if (copy_headers)
        memcpy(mod->base, mod->file_data, headers);
    for (int i = 0; i < pe->nsections; i++) {
        const struct pe_section *s = &pe->sections[i];
        int last = i;
        if (mod->fd >= 0 && section_mappable(s)) {
            /* Neighbours that follow each other in the file as in the image: one mapping. */
            while (last + 1 < pe->nsections && section_mappable(&pe->sections[last + 1]) &&
                   pe->sections[last + 1].virtual_address ==
                       pe->sections[last].virtual_address + pe->sections[last].raw_size &&
                   pe->sections[last + 1].raw_offset ==
                       pe->sections[last].raw_offset + pe->sections[last].raw_size)
                last++;
            const struct pe_section *end = &pe->sections[last];
            if (mmap(mod->base + s->virtual_address, end->virtual_address + end->raw_size - s->virtual_address,
                     PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, mod->fd, s->raw_offset) != MAP_FAILED) {
                i = last;
                continue;
            }
        }
        for (; i <= last; i++) {
            uint32_t len = pe->sections[i].raw_size;
            if (pe->sections[i].virtual_size && len > pe->sections[i].virtual_size)
                len = pe->sections[i].virtual_size;
            memcpy(mod->base + pe->sections[i].virtual_address,
                   (const uint8_t *)mod->file_data + pe->sections[i].raw_offset, len);
        }
        i = last;
    }
    if (mod->fd >= 0) {
        close(mod->fd);
        mod->fd = -1;
    }
    if ((uintptr_t)mod->base != pe->image_base) {
        struct reloc_ctx ctx = { mod->base, mod->size, (int64_t)((uintptr_t)mod->base - pe->image_base) };
        enum pe_status ps = pe_walk_relocs(pe, apply_reloc, &ctx);
        TRACE("%s relocated from %#lx to %p\n", mod->name, (unsigned long)pe->image_base, mod->base);
        if (ps != PE_OK || ctx.bad) {
            ERR("%s: bad relocations (%s)\n", mod->name, ps != PE_OK ? pe_strerror(ps) : "unknown type");
            return STATUS_INVALID_IMAGE_FORMAT;
        }
    }
    virtual_register_image(mod->base, mod->size);
    return STATUS_SUCCESS;
}

static ULONG section_protection(uint32_t ch)
{
    bool r = ch & PE_SCN_MEM_READ, w = ch & PE_SCN_MEM_WRITE, x = ch & PE_SCN_MEM_EXECUTE;
    if (x)
        return w ? PAGE_EXECUTE_WRITECOPY : PAGE_EXECUTE_READ;
    if (w)
        return PAGE_WRITECOPY;
    return r ? PAGE_READONLY : PAGE_NOACCESS;
}

/* After linking: each section gets the protection its header asks for; neighbouring sections
 * that want the same protection are changed in one call. */
static void protect_image(struct module *mod)
{
    const struct pe_file *pe = &mod->pe;
    uint8_t *start = NULL;
    size_t len = 0;
    ULONG prot = 0;

    virtual_set_protection(mod->base, pe->size_of_headers ? pe->size_of_headers : 1, PAGE_READONLY);
    for (int i = 0; i <= pe->nsections; i++) {
        const struct pe_section *s = i < pe->nsections ? &pe->sections[i] : NULL;
        uint32_t vsize = s ? (s->virtual_size ? s->virtual_size : s->raw_size) : 0;
        ULONG p = s ? section_protection(s->characteristics) : 0;
        uint8_t *addr = s ? mod->base + s->virtual_address : NULL;
        size_t span = (vsize + 0xfff) & ~0xfffUL;
        if (s && !vsize)
            continue;
        if (start && s && p == prot && addr == start + len) {
            len += span;
            continue;
        }
        if (start)
            virtual_set_protection(start, len, prot);
        start = addr;
        len = span;
        prot = p;
    }
}

static void add_missing(const char *importer, const char *dll, const char *func, bool stub,
                        bool absent_dll)
{
    struct missing *m = calloc(1, sizeof(*m)), **tail = &missing_list;
    if (!m)
        return;
    m->importer = strdup(importer);
    m->dll = strdup(dll);
    m->func = func ? strdup(func) : NULL;
    m->stub = stub;
    m->absent_dll = absent_dll;
    while (*tail)
        tail = &(*tail)->next;
    *tail = m;
}

/* The names our export lists mark as loud stubs ("Name:nargs:stub"), found once per DLL: sorted
 * pointers into the spec text itself, each name ending at its ':'. */
static int compare_spec_names(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = *a == ':' ? 0 : (unsigned char)*a, cb = *b == ':' ? 0 : (unsigned char)*b;
        if (ca != cb || !ca)
            return ca - cb;
    }
}

static int compare_stubs(const void *a, const void *b)
{
    return compare_spec_names(*(const char *const *)a, *(const char *const *)b);
}

static void collect_stubs(struct module *mod)
{
    const char *p = mod->relay_spec;
    size_t cap = 0;
    while (p && *p) {
        const char *eol = strchr(p, '\n'), *colon = strchr(p, ':');
        if (!eol)
            break;
        if (colon && colon < eol && memmem(colon, eol - colon, ":stub", 5)) {
            if (mod->nstubs == cap) {
                const char **grown = realloc(mod->stubs, (cap = cap ? cap * 2 : 64) * sizeof(*grown));
                if (!grown)
                    break;
                mod->stubs = grown;
            }
            mod->stubs[mod->nstubs++] = p;
        }
        p = eol + 1;
    }
    if (mod->nstubs)
        qsort(mod->stubs, mod->nstubs, sizeof(*mod->stubs), compare_stubs);
}

bool module_export_is_stub(const struct module *mod, const char *name)
{
    return mod->nstubs && bsearch(&name, mod->stubs, mod->nstubs, sizeof(*mod->stubs), compare_stubs);
}

static void module_add_dep(struct module *mod, struct module *dep)
{
    struct module **deps;
    if (dep == mod)
        return;
    for (size_t i = 0; i < mod->ndeps; i++)
        if (mod->deps[i] == dep)
            return;
    if (!(deps = realloc(mod->deps, (mod->ndeps + 1) * sizeof(*deps))))
        return;
    mod->deps = deps;
    mod->deps[mod->ndeps++] = dep;
}

/* Finds an export by name (ordinal < 0) or ordinal, following forwarders. */
NTSTATUS module_resolve(struct module *mod, const char *name, int ordinal, void **addr, int depth)
{
    long idx;
    struct pe_export_func entry, *f = &entry;

    if (depth > 16)
        return STATUS_PROCEDURE_NOT_FOUND;
    if (name)
        idx = pe_export_table_find(&mod->exports, name);
    else
        idx = ordinal >= (int)mod->exports.ordinal_base ? ordinal - (long)mod->exports.ordinal_base : -1;
    if (idx < 0 || (uint32_t)idx >= mod->exports.nfuncs ||
        pe_export_table_entry(&mod->exports, (uint32_t)idx, &entry) != PE_OK || !entry.rva)
        return name ? STATUS_PROCEDURE_NOT_FOUND : STATUS_ORDINAL_NOT_FOUND;
    if (f->forwarder) {
        const char *dot = strrchr(f->forwarder, '.');
        char dll[256];
        struct module *target;
        NTSTATUS status;
        if (!dot || dot == f->forwarder || (size_t)(dot - f->forwarder) > sizeof(dll) - 5)
            return STATUS_PROCEDURE_NOT_FOUND;
        snprintf(dll, sizeof(dll), "%.*s.dll", (int)(dot - f->forwarder), f->forwarder);
        if ((status = module_load(dll, mod, &target)))
            return status;
        module_add_dep(mod, target);    /* initialise what a forwarder leads to first */
        if (dot[1] == '#')
            return module_resolve(target, NULL, atoi(dot + 2), addr, depth + 1);
        return module_resolve(target, dot + 1, -1, addr, depth + 1);
    }
    *addr = mod->base + f->rva;
    return STATUS_SUCCESS;
}

static void bind_import(struct module *mod, struct module *dep, const char *dll,
                        const struct pe_import_func *fn, bool absent_dll)
{
    char ordname[16];
    const char *fname = fn->by_ordinal ? (snprintf(ordname, sizeof(ordname), "#%u", fn->ordinal), ordname)
                                       : fn->name;
    void *addr = NULL;
    NTSTATUS status = dep ? module_resolve(dep, fn->by_ordinal ? NULL : fn->name,
                                           fn->by_ordinal ? fn->ordinal : -1, &addr, 0)
                          : STATUS_DLL_NOT_FOUND;
    bool stub = !status && dep && !fn->by_ordinal && module_export_is_stub(dep, fn->name);
    if (status || stub) {
        if (status)
            addr = stub_make(mod->name, dll, fname);
        if (dep || absent_dll)
            add_missing(mod->name, dll, fname, stub, absent_dll);
        TRACE("%s: %s!%s is not implemented: bound to a %sstub\n", mod->name, dll, fname,
              stub ? "" : "generated ");
    } else if (vinho_dbg_on(DBCH_relay, DBL_TRACE) && !loader_check_mode) {
        addr = relay_wrap(dep, fname, addr);
    }
    memcpy(mod->base + fn->iat_rva, &addr, sizeof(addr));
}

static NTSTATUS link_imports(struct module *mod)
{
    struct pe_imports imports;
    enum pe_status ps = pe_read_imports(&mod->pe, &imports);
    NTSTATUS status = STATUS_SUCCESS;

    if (ps != PE_OK) {
        ERR("%s: %s\n", mod->name, pe_strerror(ps));
        return STATUS_INVALID_IMAGE_FORMAT;
    }
    for (size_t i = 0; i < imports.ndlls; i++) {
        const struct pe_import_dll *d = &imports.dlls[i];
        struct module *dep = NULL;
        NTSTATUS s = module_load(d->name, mod, &dep);
        bool absent_dll = s == STATUS_DLL_NOT_FOUND && windows_system_dll(d->name);
        if (absent_dll) {
            WARN("%s: %s is a Windows DLL vinho lacks: its %zu imports are loud stubs\n",
                 mod->name, d->name, d->nfuncs);
        } else if (s) {
            if (!loader_check_mode) {
                fprintf(stderr, "vinho: %s needs %s, which %s\n", mod->name, d->name,
                        s == STATUS_DLL_NOT_FOUND ? "was not found" : "could not be loaded");
                status = s;
                break;
            }
            add_missing(mod->name, d->name, NULL, false, false);
        } else {
            module_add_dep(mod, dep);
            dep->static_import = true;
        }
        for (size_t j = 0; j < d->nfuncs; j++)
            bind_import(mod, dep, d->name, &d->funcs[j], absent_dll);
    }
    pe_free_imports(&imports);
    return status;
}

static NTSTATUS open_image(struct module *mod, const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    enum pe_status ps;

    if (fd < 0)
        return errno == ENOENT ? STATUS_DLL_NOT_FOUND : errno_to_status(errno);
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
        close(fd);
        fprintf(stderr, "vinho: %s: not a valid PE image: %s\n", path,
                S_ISREG(st.st_mode) ? "the file is empty" : "not a regular file");
        return STATUS_INVALID_IMAGE_FORMAT;
    }
    mod->file_size = st.st_size;
    mod->file_data = mmap(NULL, mod->file_size, PROT_READ, MAP_PRIVATE, fd, 0);
    mod->fd = fd;   /* map_image maps page-aligned sections from it, then closes it */
    if (mod->file_data == MAP_FAILED) {
        mod->file_data = NULL;
        return STATUS_NO_MEMORY;
    }
    if ((ps = pe_open(&mod->pe, mod->file_data, mod->file_size)) != PE_OK) {
        fprintf(stderr, "vinho: %s: not a valid PE image: %s\n", path, pe_strerror(ps));
        return ps == PE_ERR_NOT_MZ ? STATUS_INVALID_IMAGE_NOT_MZ : STATUS_INVALID_IMAGE_FORMAT;
    }
    if (!mod->pe.pe32plus || mod->pe.machine != PE_MACHINE_AMD64) {
        fprintf(stderr, "vinho: %s: %s programs are not supported yet; only x86-64 (PE32+) ones are\n",
                path, mod->pe.pe32plus ? "non-x86-64" : "32-bit");
        return STATUS_INVALID_IMAGE_WIN_32;
    }
    if (mod->is_exe && (mod->pe.characteristics & PE_FILE_DLL)) {
        fprintf(stderr, "vinho: %s is a DLL, not a program\n", path);
        return STATUS_INVALID_IMAGE_FORMAT;
    }
    if (mod->is_exe && (mod->pe.subsystem < PE_SUBSYSTEM_GUI || mod->pe.subsystem > PE_SUBSYSTEM_CUI) &&
        mod->pe.subsystem != 9 /* Windows CE GUI */) {
        fprintf(stderr, "vinho: %s is not a Windows program (subsystem %u: a driver, EFI or native image)\n",
                path, mod->pe.subsystem);
        return STATUS_INVALID_IMAGE_FORMAT;
    }
    if ((ps = pe_open_export_table(&mod->pe, &mod->exports)) != PE_OK) {
        fprintf(stderr, "vinho: %s: %s\n", path, pe_strerror(ps));
        return STATUS_INVALID_IMAGE_FORMAT;
    }
    if ((ps = pe_read_tls(&mod->pe, &mod->tls)) != PE_OK) {
        fprintf(stderr, "vinho: %s: %s\n", path, pe_strerror(ps));
        return STATUS_INVALID_IMAGE_FORMAT;
    }
    return STATUS_SUCCESS;
}

static void module_free(struct module *mod)
{
    if (mod->fd >= 0)
        close(mod->fd);
    pe_free_tls(&mod->tls);
    pe_close(&mod->pe);
    if (mod->file_data)
        munmap(mod->file_data, mod->file_size);
    free(mod->stubs);
    free(mod->deps);
    free(mod->name);
    free(mod->unix_path);
    free(mod);
}

static void append_module(struct module *mod)
{
    struct module **tail = &modules;
    while (*tail)
        tail = &(*tail)->next;
    *tail = mod;
}

static void setup_tls(struct module *mod)
{
    if (!mod->tls.present)
        return;
    mod->tls_index = tls_alloc_index();
    uint64_t index_rva = mod->tls.index_va - mod->pe.image_base;
    if (mod->tls.index_va && index_rva + 4 <= mod->size) {
        uint32_t idx = mod->tls_index;
        memcpy(mod->base + index_rva, &idx, 4);
    }
    if (mod->ldr)
        mod->ldr->TlsIndex = mod->tls_index;
}

NTSTATUS module_load_path(const char *unix_path, bool is_exe, struct module **out)
{
    struct module *mod = calloc(1, sizeof(*mod));
    struct pe_export_func spec_entry;
    NTSTATUS status;
    long spec;

    if (!mod)
        return STATUS_NO_MEMORY;
    mod->tls_index = -1;
    mod->fd = -1;
    mod->is_exe = is_exe;
    mod->name = strdup(base_name(unix_path));
    mod->unix_path = strdup(unix_path);
    if ((status = open_image(mod, unix_path)) || (status = map_image(mod))) {
        if (mod->base)
            munmap(mod->base, mod->size);
        module_free(mod);
        return status;
    }
    if ((spec = pe_export_table_find(&mod->exports, "__vinho_relay_spec")) >= 0 &&
        pe_export_table_entry(&mod->exports, (uint32_t)spec, &spec_entry) == PE_OK &&
        spec_entry.rva && !spec_entry.forwarder)
        mod->relay_spec = (const char *)mod->base + spec_entry.rva;
    mod->is_builtin = mod->relay_spec != NULL;
    collect_stubs(mod);
    append_module(mod);
    if (!loader_check_mode)
        process_add_ldr_entry(mod);
    TRACE("loaded %s at %p from %s\n", mod->name, mod->base, unix_path);
    if (!strcasecmp(mod->name, "ntdll.dll") && !loader_check_mode) {
        void **gate = ntdll_export("__vinho_gate");
        unsigned char *flags = ntdll_export("__vinho_debug_channels");
        if (gate)
            *gate = (void *)gate_guarded_table();
        if (flags)
            memcpy(flags, vinho_debug_channels, DBCH_COUNT);
    }
    if ((status = link_imports(mod)) && !loader_check_mode)
        return status;
    if (!loader_check_mode) {
        setup_tls(mod);
        tls_add_module(mod);    /* only once the process runs: before, tls_init_thread does it */
    }
    protect_image(mod);
    *out = mod;
    return STATUS_SUCCESS;
}

/* A path in C:\windows\system32 (GetSystemDirectory), whose DLLs are ours: programs that load
 * system DLLs by full path (Go's runtime, LOAD_LIBRARY_SEARCH_SYSTEM32 fallbacks) get them. */
static bool in_system_dir(const char *path)
{
    static char *sysdir;
    static const WCHAR nt[] = u"\\??\\C:\\windows\\system32";
    const char *base = base_name(path);
    size_t len;
    if (!sysdir) {
        UNICODE_STRING us = { sizeof(nt) - 2, sizeof(nt), (WCHAR *)nt };
        char *unix_path = NULL;
        if (nt_to_unix_path(&us, &unix_path) || !unix_path)
            return false;
        sysdir = unix_path;
    }
    len = strlen(sysdir);
    return base > path && (size_t)(base - path - 1) == len && !strncasecmp(path, sysdir, len);
}

/* Finds and loads a DLL by the name an import or LoadLibrary gave. */
NTSTATUS module_load(const char *name, const struct module *importer, struct module **out)
{
    char fixed[PATH_MAX], *path = NULL;
    const char *host = apiset_resolve(name);
    struct module *mod;

    if (host)
        name = host;
    if ((mod = module_find_loaded(name))) {
        *out = mod;
        return STATUS_SUCCESS;
    }
    snprintf(fixed, sizeof(fixed), "%s%s", name, strchr(base_name(name), '.') ? "" : ".dll");
    if (strchr(fixed, '/'))
        path = file_exists(fixed) ? strdup(fixed)
             : in_system_dir(fixed) ? builtin_path(base_name(fixed)) : NULL;
    else if (always_builtin(fixed))
        path = builtin_path(fixed);
    else if (!(loader_exe_dir && (path = find_in_dir(loader_exe_dir, fixed))))
        path = builtin_path(fixed);
    if (!path)
        return STATUS_DLL_NOT_FOUND;
    NTSTATUS status = module_load_path(path, false, out);
    free(path);
    return status;
}

/* DllMain and TLS callbacks; the Windows x64 convention, called from ELF code. */
typedef int (WINAPI *dll_entry_fn)(void *module, ULONG reason, void *reserved);

static void run_tls_callbacks(struct module *mod, ULONG reason)
{
    for (size_t i = 0; i < mod->tls.ncallbacks; i++) {
        dll_entry_fn cb = (dll_entry_fn)(mod->base + (mod->tls.callbacks[i] - mod->pe.image_base));
        TRACE("%s: TLS callback %p reason %u\n", mod->name, cb, reason);
        cb(mod->base, reason, NULL);
    }
}

static NTSTATUS init_module(struct module *mod)
{
    if (mod->initialized)
        return STATUS_SUCCESS;
    mod->initialized = true;
    for (size_t i = 0; i < mod->ndeps; i++) {
        NTSTATUS s = init_module(mod->deps[i]);
        if (s)
            return s;
    }
    if (init_cap == ninit) {
        init_cap = init_cap ? init_cap * 2 : 32;
        init_order = realloc(init_order, init_cap * sizeof(*init_order));
    }
    init_order[ninit++] = mod;
    process_add_init_order(mod);
    run_tls_callbacks(mod, 1 /* DLL_PROCESS_ATTACH */);
    if (!mod->is_exe && mod->pe.entry_rva) {
        dll_entry_fn entry = (dll_entry_fn)(mod->base + mod->pe.entry_rva);
        TRACE("%s: DllMain(PROCESS_ATTACH)\n", mod->name);
        if (!entry(mod->base, 1, mod->static_import ? (void *)1 : NULL)) {
            fprintf(stderr, "vinho: the initialisation of %s failed\n", mod->name);
            /* "The system immediately calls your entry-point function with
             * DLL_PROCESS_DETACH" (DllMain's documentation); it is no longer initialised, so
             * neither FreeLibrary nor the exit detaches it again. */
            run_tls_callbacks(mod, 0 /* DLL_PROCESS_DETACH */);
            entry(mod->base, 0, NULL);
            if (ninit && init_order[ninit - 1] == mod)
                ninit--;
            mod->init_failed = true;
            return STATUS_DLL_INIT_FAILED;
        }
    }
    return STATUS_SUCCESS;
}

/* Runs the initialisers of every module loaded and not yet initialised, dependencies first. */
NTSTATUS module_init_pending(void)
{
    NTSTATUS status = STATUS_SUCCESS;
    for (struct module *m = modules; m && !status; m = m->next)
        if (!m->is_exe)
            status = init_module(m);
    if (!status && exe_module)
        status = init_module(exe_module);
    return status;
}

static void list_unlink(struct vn_list *e)
{
    e->Blink->Flink = e->Flink;
    e->Flink->Blink = e->Blink;
}

/* The last FreeLibrary of a DLL no other module imports: detach, forget and unmap it. What it
 * imported itself stays loaded (those are pinned as static imports). */
void module_unload(struct module *mod)
{
    struct module **p;
    for (size_t i = 0; i < ninit; i++)
        if (init_order[i] == mod) {
            memmove(init_order + i, init_order + i + 1, (ninit - i - 1) * sizeof(*init_order));
            ninit--;
            run_tls_callbacks(mod, 0 /* DLL_PROCESS_DETACH */);
            if (mod->pe.entry_rva) {
                TRACE("%s: DllMain(PROCESS_DETACH)\n", mod->name);
                ((dll_entry_fn)(mod->base + mod->pe.entry_rva))(mod->base, 0, NULL);
            }
            break;
        }
    for (p = &modules; *p; p = &(*p)->next)
        if (*p == mod) {
            *p = mod->next;
            break;
        }
    if (mod->ldr) {
        list_unlink(&mod->ldr->InLoadOrderLinks);
        list_unlink(&mod->ldr->InMemoryOrderLinks);
        list_unlink(&mod->ldr->InInitializationOrderLinks);
    }
    tls_remove_module(mod);
    TRACE("unloaded %s from %p\n", mod->name, mod->base);
    virtual_unregister_image(mod->base);
    munmap(mod->base, mod->size);
    module_free(mod);
}

/* One module's part of DLL_THREAD_ATTACH/DETACH: its TLS callbacks, then the DllMain of a DLL
 * that did not call DisableThreadLibraryCalls (LDRP_DONT_CALL_FOR_THREADS in its loader entry). */
static void thread_notify_module(struct module *mod, ULONG reason)
{
    run_tls_callbacks(mod, reason);
    if (!mod->is_exe && mod->pe.entry_rva && !(mod->ldr && (mod->ldr->Flags & 0x40000))) {
        TRACE("%s: DllMain(%s)\n", mod->name, reason == 2 ? "THREAD_ATTACH" : "THREAD_DETACH");
        ((dll_entry_fn)(mod->base + mod->pe.entry_rva))(mod->base, reason, NULL);
    }
}

/* DLL_THREAD_ATTACH to the DLLs in the order of initialisation, DLL_THREAD_DETACH in reverse;
 * the program's TLS callbacks come last both times (as Wine does it). */
void module_thread_notify(ULONG reason)
{
    struct module *exe = NULL;
    loader_lock();
    for (size_t n = 0; n < ninit; n++) {
        struct module *mod = init_order[reason == 2 ? n : ninit - 1 - n];
        if (mod->is_exe)
            exe = mod;
        else
            thread_notify_module(mod, reason);
    }
    if (exe)
        thread_notify_module(exe, reason);
    loader_unlock();
}

/* At exit: DLL_PROCESS_DETACH in the reverse order of initialisation. */
void module_shutdown(void)
{
    loader_lock();
    while (ninit) {
        struct module *mod = init_order[--ninit];
        run_tls_callbacks(mod, 0 /* DLL_PROCESS_DETACH */);
        if (!mod->is_exe && mod->pe.entry_rva) {
            dll_entry_fn entry = (dll_entry_fn)(mod->base + mod->pe.entry_rva);
            TRACE("%s: DllMain(PROCESS_DETACH)\n", mod->name);
            entry(mod->base, 0, (void *)1);
        }
    }
    loader_unlock();
}
