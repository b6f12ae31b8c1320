/* resources.c: the resource tree (type / name / language directories, data entries). */
#include <stdlib.h>
#include <string.h>

#include "pe.h"
#include "private.h"

#define DIR_HEADER_SIZE  16
#define DIR_ENTRY_SIZE   8
#define DATA_ENTRY_SIZE  16
#define LEVELS           3          /* type, name, language */
#define HIGH_BIT         0x80000000u

/* Offsets in the tree are relative to the directory's start and must stay inside its Size. Each
 * directory table claims its bytes in a bitmap: a table that overlaps one already walked (which
 * includes any loop or shared subdirectory) is rejected, so the walk is linear in the size. */
struct res_walk {
    const struct pe_file *pe;
    struct pe_view tree;            /* the resource directory's bytes in the file */
    uint8_t *claimed;               /* one bit per byte of the tree */
    pe_resource_fn fn;
    void *ctx;
    struct pe_resource res;
    bool stop;
};

static bool claim(struct res_walk *w, uint32_t off, uint32_t len)
{
    for (uint32_t i = off; i < off + len; i++) {
        if (w->claimed[i / 8] & (1u << (i % 8)))
            return false;
        w->claimed[i / 8] |= (uint8_t)(1u << (i % 8));
    }
    return true;
}

/* An entry's Name field: an integer id, or (high bit) a counted UTF-16LE string in the tree. */
static enum pe_status read_id(struct res_walk *w, uint32_t field, struct pe_res_id *id)
{
    uint32_t off = field & ~HIGH_BIT;
    const uint8_t *chars;
    uint16_t len;

    memset(id, 0, sizeof(*id));
    if (!(field & HIGH_BIT)) {
        id->id = field;
        return PE_OK;
    }
    if (!pe_read_u16(&w->tree, off, &len) || !pe_view_has(&w->tree, (size_t)off + 2, 2 * (size_t)len))
        return PE_REJECT(PE_ERR_RESOURCES, "name at +%#x runs past the directory", off);
    chars = w->tree.base + off + 2;
    if ((uintptr_t)chars % 2)  /* handed out as const uint16_t * */
        return PE_REJECT(PE_ERR_RESOURCES, "name at +%#x misaligned", off);
    id->name = (const uint16_t *)(const void *)chars;
    id->name_len = len;
    return PE_OK;
}

static enum pe_status read_leaf(struct res_walk *w, uint32_t off)
{
    bool ok = true;
    uint32_t rva = 0, size = 0, codepage = 0;

    ok &= pe_read_u32(&w->tree, off, &rva);
    ok &= pe_read_u32(&w->tree, (size_t)off + 4, &size);
    ok &= pe_read_u32(&w->tree, (size_t)off + 8, &codepage);
    if (!ok || !pe_view_has(&w->tree, off, DATA_ENTRY_SIZE))
        return PE_REJECT(PE_ERR_RESOURCES, "data entry at +%#x runs past the directory", off);
    if ((uint64_t)rva + size > w->pe->size_of_image)
        return PE_REJECT(PE_ERR_RESOURCES, "data [%#x+%#x) outside SizeOfImage %#x", rva, size,
                         w->pe->size_of_image);
    w->res.data_rva = rva;
    w->res.data_size = size;
    w->res.codepage = codepage;
    if (w->fn && !w->fn(w->ctx, &w->res))
        w->stop = true;
    return PE_OK;
}

static enum pe_status walk_dir(struct res_walk *w, uint32_t off, unsigned level)
{
    struct pe_res_id *ids[LEVELS] = { &w->res.type, &w->res.name, &w->res.lang };
    uint16_t named, numbered;
    enum pe_status status;
    uint32_t n, len;

    if (level >= LEVELS)
        return PE_REJECT(PE_ERR_RESOURCES, "directory at +%#x nested deeper than %u levels", off,
                         LEVELS);
    if (!pe_read_u16(&w->tree, (size_t)off + 12, &named) ||
        !pe_read_u16(&w->tree, (size_t)off + 14, &numbered))
        return PE_REJECT(PE_ERR_RESOURCES, "directory at +%#x runs past the resource directory", off);
    n = (uint32_t)named + numbered;
    len = DIR_HEADER_SIZE + n * DIR_ENTRY_SIZE;  /* at most 16 + 131070 * 8: no overflow */
    if (!pe_view_has(&w->tree, off, len))
        return PE_REJECT(PE_ERR_RESOURCES, "directory at +%#x with %u entries runs past the "
                         "resource directory", off, n);
    if (!claim(w, off, len))
        return PE_REJECT(PE_ERR_RESOURCES, "directory at +%#x overlaps one already visited (loop?)",
                         off);
    for (uint32_t i = 0; i < n && !w->stop; i++) {
        size_t entry = (size_t)off + DIR_HEADER_SIZE + (size_t)i * DIR_ENTRY_SIZE;
        uint32_t name_field, data_field;

        if (!pe_read_u32(&w->tree, entry, &name_field) || !pe_read_u32(&w->tree, entry + 4, &data_field))
            return PE_REJECT(PE_ERR_RESOURCES, "entry %u at +%#zx unreadable", i, entry);
        if ((status = read_id(w, name_field, ids[level])))
            return status;
        if (data_field & HIGH_BIT)
            status = walk_dir(w, data_field & ~HIGH_BIT, level + 1);
        else if (level != LEVELS - 1)
            status = PE_REJECT(PE_ERR_RESOURCES, "data entry at level %u (need %u)", level,
                               LEVELS - 1);
        else
            status = read_leaf(w, data_field);
        if (status)
            return status;
    }
    return PE_OK;
}

static enum pe_status walk(const struct pe_file *pe, const struct pe_data_dir *dir,
                           pe_resource_fn fn, void *ctx)
{
    struct res_walk w = { .pe = pe, .fn = fn, .ctx = ctx };
    enum pe_status status;
    uint32_t off;

    if (!pe_rva_to_offset(pe, dir->rva, dir->size, &off))
        return PE_REJECT(PE_ERR_RESOURCES, "directory [%#x+%#x) not in the file", dir->rva, dir->size);
    w.tree.base = pe->data + off;
    w.tree.size = dir->size;
    if (!(w.claimed = calloc((size_t)dir->size / 8 + 1, 1)))
        return PE_REJECT(PE_ERR_NOMEM, "resource walk over %#x bytes", dir->size);
    status = walk_dir(&w, 0, 0);
    free(w.claimed);
    return status;
}

/***********************************************************************
 *      pe_walk_resources
 */
enum pe_status pe_walk_resources(const struct pe_file *pe, pe_resource_fn fn, void *ctx)
{
    struct pe_data_dir dir;
    enum pe_status status;

    if (!pe_dir_get(pe, PE_DIR_RESOURCE, &dir))
        return PE_OK;
    /* Check the whole tree first, so that fn never sees part of a broken one. */
    if ((status = walk(pe, &dir, NULL, NULL)) || !fn)
        return status;
    return walk(pe, &dir, fn, ctx);
}
