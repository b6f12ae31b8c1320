/* imports.c: the import directory (descriptors, lookup tables, hint/name entries). */
#include <stdlib.h>
#include <string.h>

#include "pe.h"
#include "private.h"

#define IMPORT_DESC_SIZE   20
#define MAX_IMPORT_DLLS    4096
#define MAX_IMPORT_FUNCS   65536  /* per DLL */
#define MAX_DLL_NAME       1024
#define MAX_FUNC_NAME      65535

/* Counts the descriptors before the terminator (Name or FirstThunk zero, as the Windows loader
 * stops). The directory's Size is not trusted as a count; linkers do not agree on it. */
static enum pe_status count_dlls(const struct pe_file *pe, uint32_t dir_rva, size_t *count)
{
    struct pe_view v = pe_file_view(pe);

    for (size_t n = 0;; n++) {
        uint64_t desc = dir_rva + (uint64_t)n * IMPORT_DESC_SIZE;
        uint32_t off, name, first_thunk;

        if (n > MAX_IMPORT_DLLS)
            return PE_REJECT(PE_ERR_IMPORTS, "more than %u imported DLLs", MAX_IMPORT_DLLS);
        if (desc > UINT32_MAX || !pe_rva_to_offset(pe, (uint32_t)desc, IMPORT_DESC_SIZE, &off) ||
            !pe_read_u32(&v, (size_t)off + 12, &name) ||
            !pe_read_u32(&v, (size_t)off + 16, &first_thunk))
            return PE_REJECT(PE_ERR_IMPORTS, "descriptor %zu at RVA %#llx not in the file", n,
                             (unsigned long long)desc);
        if (!name || !first_thunk) {
            *count = n;
            return PE_OK;
        }
    }
}

/* Counts the thunks of one lookup table up to its NULL entry. */
static enum pe_status count_thunks(const struct pe_file *pe, uint32_t table, size_t *count)
{
    unsigned width = pe_ptr_size(pe);

    for (size_t n = 0;; n++) {
        uint64_t value;

        if (!pe_rva_uptr(pe, table + (uint64_t)n * width, &value))
            return PE_REJECT(PE_ERR_IMPORTS, "lookup table at RVA %#x not terminated in the file "
                             "(entry %zu)", table, n);
        if (!value) {
            *count = n;
            return PE_OK;
        }
        if (n >= MAX_IMPORT_FUNCS)
            return PE_REJECT(PE_ERR_IMPORTS, "lookup table at RVA %#x has more than %u entries",
                             table, MAX_IMPORT_FUNCS);
    }
}

/* One lookup-table entry: an ordinal (flag bit set, reserved bits clear) or a hint/name RVA. */
static enum pe_status decode_thunk(const struct pe_file *pe, uint64_t value,
                                   struct pe_import_func *f)
{
    uint64_t ordinal_flag = pe->pe32plus ? 1ULL << 63 : 1ULL << 31;
    enum pe_status status;

    if (value & ordinal_flag) {
        if (value & ~ordinal_flag & ~(uint64_t)0xffff)
            return PE_REJECT(PE_ERR_IMPORTS, "ordinal thunk %#llx has reserved bits set",
                             (unsigned long long)value);
        f->by_ordinal = true;
        f->ordinal = (uint16_t)value;
        return PE_OK;
    }
    if (value > 0x7fffffff)
        return PE_REJECT(PE_ERR_IMPORTS, "name thunk %#llx has reserved bits set",
                         (unsigned long long)value);
    if (!pe_rva_u16(pe, value, &f->hint))
        return PE_REJECT(PE_ERR_IMPORTS, "hint/name entry at RVA %#llx not in the file",
                         (unsigned long long)value);
    status = pe_get_string(pe, value + 2, MAX_FUNC_NAME, PE_ERR_IMPORTS, &f->name);
    return status;
}

static enum pe_status read_dll(const struct pe_file *pe, uint64_t desc, struct pe_import_dll *dll)
{
    uint32_t lookup, name_rva, first_thunk;
    unsigned width = pe_ptr_size(pe);
    enum pe_status status;
    size_t n = 0;

    if (!pe_rva_u32(pe, desc, &lookup) || !pe_rva_u32(pe, desc + 12, &name_rva) ||
        !pe_rva_u32(pe, desc + 16, &first_thunk))
        return PE_REJECT(PE_ERR_IMPORTS, "descriptor at RVA %#llx unreadable",
                         (unsigned long long)desc);
    if ((status = pe_get_string(pe, name_rva, MAX_DLL_NAME, PE_ERR_IMPORTS, &dll->name)))
        return status;
    if (!lookup)  /* no separate lookup table: the IAT holds the lookup entries */
        lookup = first_thunk;
    if ((status = count_thunks(pe, lookup, &n)))
        return status;
    if (n && !(dll->funcs = calloc(n, sizeof(*dll->funcs))))
        return PE_REJECT(PE_ERR_NOMEM, "%zu imports from %s", n, dll->name);
    dll->nfuncs = n;
    for (size_t i = 0; i < n; i++) {
        uint64_t value, iat = first_thunk + (uint64_t)i * width;

        if (!pe_rva_uptr(pe, lookup + (uint64_t)i * width, &value))
            return PE_REJECT(PE_ERR_IMPORTS, "lookup entry %zu of %s unreadable", i, dll->name);
        if ((status = decode_thunk(pe, value, &dll->funcs[i])))
            return status;
        if (iat + width > pe->size_of_image)
            return PE_REJECT(PE_ERR_IMPORTS, "IAT slot %zu of %s at RVA %#llx outside the image",
                             i, dll->name, (unsigned long long)iat);
        dll->funcs[i].iat_rva = (uint32_t)iat;
    }
    return PE_OK;
}

/***********************************************************************
 *      pe_read_imports
 */
enum pe_status pe_read_imports(const struct pe_file *pe, struct pe_imports *out)
{
    struct pe_data_dir dir;
    enum pe_status status;
    size_t n = 0;

    memset(out, 0, sizeof(*out));
    if (!pe_dir_get(pe, PE_DIR_IMPORT, &dir))
        return PE_OK;
    if ((status = count_dlls(pe, dir.rva, &n)) || !n)
        return status;
    if (!(out->dlls = calloc(n, sizeof(*out->dlls))))
        return PE_REJECT(PE_ERR_NOMEM, "%zu imported DLLs", n);
    out->ndlls = n;
    for (size_t i = 0; i < n; i++) {
        if ((status = read_dll(pe, dir.rva + (uint64_t)i * IMPORT_DESC_SIZE, &out->dlls[i]))) {
            pe_free_imports(out);
            return status;
        }
    }
    return PE_OK;
}

/***********************************************************************
 *      pe_free_imports
 */
void pe_free_imports(struct pe_imports *imports)
{
    if (!imports)
        return;
    for (size_t i = 0; i < imports->ndlls; i++)
        free(imports->dlls[i].funcs);
    free(imports->dlls);
    memset(imports, 0, sizeof(*imports));
}
