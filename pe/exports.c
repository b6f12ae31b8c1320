/* exports.c: the export directory (address table, forwarders, sorted name table). */
#include <stdlib.h>
#include <string.h>

#include "pe.h"
#include "private.h"

#define EXPORT_DIR_SIZE   40
#define MAX_EXPORT_FUNCS  65536     /* ordinals are 16-bit */
#define MAX_EXPORT_NAMES  (1 << 20) /* several names may share one function */
#define MAX_EXPORT_NAME   65535
#define MAX_FORWARDER     1024
#define MAX_DLL_NAME      1024

struct export_header {
    uint32_t name, base, nfuncs, nnames, funcs, names, ordinals;
};

/* File offset of a table of count entries of width bytes at rva. */
static bool table_offset(const struct pe_file *pe, uint32_t rva, uint32_t count, uint32_t width,
                         uint32_t *offset)
{
    uint32_t len;

    if (__builtin_mul_overflow(count, width, &len))
        return false;
    if (!count) {
        *offset = 0;
        return true;
    }
    return pe_rva_to_offset(pe, rva, len, offset);
}

static enum pe_status read_header(const struct pe_file *pe, const struct pe_data_dir *dir,
                                  struct export_header *h)
{
    struct pe_view v = pe_file_view(pe);
    uint32_t off;
    bool ok = true;

    if (dir->size < EXPORT_DIR_SIZE || !pe_rva_to_offset(pe, dir->rva, EXPORT_DIR_SIZE, &off))
        return PE_REJECT(PE_ERR_EXPORTS, "export directory [%#x+%#x) too small or not in the file",
                         dir->rva, dir->size);
    ok &= pe_read_u32(&v, (size_t)off + 12, &h->name);
    ok &= pe_read_u32(&v, (size_t)off + 16, &h->base);
    ok &= pe_read_u32(&v, (size_t)off + 20, &h->nfuncs);
    ok &= pe_read_u32(&v, (size_t)off + 24, &h->nnames);
    ok &= pe_read_u32(&v, (size_t)off + 28, &h->funcs);
    ok &= pe_read_u32(&v, (size_t)off + 32, &h->names);
    ok &= pe_read_u32(&v, (size_t)off + 36, &h->ordinals);
    if (!ok)
        return PE_REJECT(PE_ERR_EXPORTS, "export directory unreadable");
    if (h->nfuncs > MAX_EXPORT_FUNCS || h->nnames > MAX_EXPORT_NAMES)
        return PE_REJECT(PE_ERR_EXPORTS, "%u functions, %u names: too many", h->nfuncs, h->nnames);
    return PE_OK;
}

/* Name entry i of an opened table: its string and its index into the address table. */
static enum pe_status table_name(const struct pe_export_table *t, uint32_t i, const char **name,
                                 uint16_t *index)
{
    struct pe_view v = pe_file_view(t->pe);
    uint32_t name_rva;

    if (!pe_read_u32(&v, (size_t)t->names_off + 4 * (size_t)i, &name_rva) ||
        !pe_read_u16(&v, (size_t)t->ordinals_off + 2 * (size_t)i, index))
        return PE_REJECT(PE_ERR_EXPORTS, "name entry %u unreadable", i);
    if (*index >= t->nfuncs)
        return PE_REJECT(PE_ERR_EXPORTS, "name %u refers to function %u of %u", i, *index,
                         t->nfuncs);
    return pe_get_string(t->pe, name_rva, MAX_EXPORT_NAME, PE_ERR_EXPORTS, name);
}

/* Every entry of the address table, checked (pe_export_table_entry), into out->funcs. */
static enum pe_status read_functions(const struct pe_export_table *t, struct pe_exports *out)
{
    enum pe_status status;

    if (t->nfuncs && !(out->funcs = calloc(t->nfuncs, sizeof(*out->funcs))))
        return PE_REJECT(PE_ERR_NOMEM, "%u exports", t->nfuncs);
    out->nfuncs = t->nfuncs;
    for (uint32_t i = 0; i < t->nfuncs; i++)
        if ((status = pe_export_table_entry(t, i, &out->funcs[i])))
            return status;
    return PE_OK;
}

/* Every name, checked and in strcmp order, into out->names. */
static enum pe_status read_names(const struct pe_export_table *t, struct pe_exports *out)
{
    enum pe_status status;

    if (t->nnames && !(out->names = calloc(t->nnames, sizeof(*out->names))))
        return PE_REJECT(PE_ERR_NOMEM, "%u export names", t->nnames);
    out->nnames = t->nnames;
    for (uint32_t i = 0; i < t->nnames; i++) {
        struct pe_export_name *n = &out->names[i];
        uint16_t index;

        if ((status = table_name(t, i, &n->name, &index)))
            return status;
        n->index = index;
        if (i && strcmp(out->names[i - 1].name, n->name) > 0)
            return PE_REJECT(PE_ERR_EXPORTS, "names not sorted: \"%.64s\" after \"%.64s\"", n->name,
                             out->names[i - 1].name);
    }
    return PE_OK;
}

/***********************************************************************
 *      pe_read_exports
 */
enum pe_status pe_read_exports(const struct pe_file *pe, struct pe_exports *out)
{
    struct pe_export_table t;
    enum pe_status status;

    memset(out, 0, sizeof(*out));
    if ((status = pe_open_export_table(pe, &t)))
        return status;
    if (t.dll_name_rva &&
        (status = pe_get_string(pe, t.dll_name_rva, MAX_DLL_NAME, PE_ERR_EXPORTS, &out->dll_name)))
        return status;
    out->ordinal_base = t.ordinal_base;
    if ((status = read_functions(&t, out)) || (status = read_names(&t, out))) {
        pe_free_exports(out);
        return status;
    }
    return PE_OK;
}

/***********************************************************************
 *      pe_free_exports
 */
void pe_free_exports(struct pe_exports *exports)
{
    if (!exports)
        return;
    free(exports->funcs);
    free(exports->names);
    memset(exports, 0, sizeof(*exports));
}

/***********************************************************************
 *      pe_find_export
 */
long pe_find_export(const struct pe_exports *exports, const char *name)
{
    size_t lo = 0, hi;

    if (!exports || !name)
        return -1;
    hi = exports->nnames;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(name, exports->names[mid].name);

        if (!cmp)
            return exports->names[mid].index;
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

/* ---- the export directory read in place ----
 * For the loader: the bounds of the three tables are checked once; a name or an entry is read,
 * and checked, when a lookup reaches it. Nothing is copied, so a DLL with a thousand exports
 * costs no allocation and touches only the pages its lookups read. The sort order of the names
 * is assumed, as Windows' own loader assumes it (its lookup is a binary search too); an
 * unsorted table only makes names not found. pe_read_exports checks everything eagerly. */

/***********************************************************************
 *      pe_open_export_table
 */
enum pe_status pe_open_export_table(const struct pe_file *pe, struct pe_export_table *t)
{
    struct export_header h = { 0 };
    struct pe_data_dir dir;
    enum pe_status status;

    memset(t, 0, sizeof(*t));
    t->pe = pe;
    if (!pe_dir_get(pe, PE_DIR_EXPORT, &dir))
        return PE_OK;
    if ((status = read_header(pe, &dir, &h)))
        return status;
    if (!table_offset(pe, h.funcs, h.nfuncs, 4, &t->funcs_off))
        return PE_REJECT(PE_ERR_EXPORTS, "address table of %u entries at RVA %#x not in the file",
                         h.nfuncs, h.funcs);
    if (!table_offset(pe, h.names, h.nnames, 4, &t->names_off) ||
        !table_offset(pe, h.ordinals, h.nnames, 2, &t->ordinals_off))
        return PE_REJECT(PE_ERR_EXPORTS, "name tables of %u entries at RVA %#x/%#x not in the file",
                         h.nnames, h.names, h.ordinals);
    t->dir_rva = dir.rva;
    t->dir_size = dir.size;
    t->ordinal_base = h.base;
    t->nfuncs = h.nfuncs;
    t->nnames = h.nnames;
    t->dll_name_rva = h.name;
    return PE_OK;
}

/***********************************************************************
 *      pe_export_table_find
 */
long pe_export_table_find(const struct pe_export_table *t, const char *name)
{
    size_t lo = 0, hi;

    if (!t || !t->pe || !name)
        return -1;
    hi = t->nnames;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *entry;
        uint16_t index;
        int cmp;

        if (table_name(t, mid, &entry, &index))
            return -1;
        if (!(cmp = strcmp(name, entry)))
            return index;
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

/***********************************************************************
 *      pe_export_table_entry
 */
enum pe_status pe_export_table_entry(const struct pe_export_table *t, uint32_t index,
                                     struct pe_export_func *out)
{
    struct pe_view v = pe_file_view(t->pe);
    enum pe_status status;

    memset(out, 0, sizeof(*out));
    if (index >= t->nfuncs || !pe_read_u32(&v, (size_t)t->funcs_off + 4 * (size_t)index, &out->rva))
        return PE_REJECT(PE_ERR_EXPORTS, "no address table entry %u of %u", index, t->nfuncs);
    if (out->rva >= t->dir_rva && out->rva - t->dir_rva < t->dir_size) {
        if ((status = pe_get_string(t->pe, out->rva, MAX_FORWARDER, PE_ERR_EXPORTS, &out->forwarder)))
            return status;
        if (!strchr(out->forwarder, '.'))
            return PE_REJECT(PE_ERR_EXPORTS, "forwarder %u \"%.64s\" has no DLL part", index,
                             out->forwarder);
    } else if (out->rva >= t->pe->size_of_image) {
        return PE_REJECT(PE_ERR_EXPORTS, "export %u at RVA %#x outside the image", index, out->rva);
    }
    return PE_OK;
}

