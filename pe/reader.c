/* reader.c: PE headers, section table and RVA mapping of the bounds-checked PE reader. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pe.h"
#include "private.h"

#define DOS_HEADER_SIZE     64
#define DOS_LFANEW_OFFSET   0x3c
#define COFF_HEADER_SIZE    20
#define SECTION_HEADER_SIZE 40
#define OPT32_FIXED_SIZE    96   /* PE32 optional header up to the data directories */
#define OPT64_FIXED_SIZE    112  /* PE32+ likewise */
#define OPT32_MAGIC         0x10b
#define OPT64_MAGIC         0x20b
#define PAGE_SIZE_X86       4096
/* The specification: "the Windows loader limits the number of sections to 96". */
#define MAX_SECTIONS        96

static const char *const status_text[] = {
    [PE_OK] = "success",
    [PE_ERR_NOMEM] = "out of memory",
    [PE_ERR_TRUNCATED] = "file ends inside the DOS or NT headers",
    [PE_ERR_NOT_MZ] = "no MZ signature",
    [PE_ERR_BAD_LFANEW] = "e_lfanew points outside the file or into the DOS header",
    [PE_ERR_NOT_PE] = "no PE signature at e_lfanew",
    [PE_ERR_OPTIONAL_HEADER] = "optional header magic unknown or header too small",
    [PE_ERR_ALIGNMENT] = "invalid SectionAlignment or FileAlignment",
    [PE_ERR_IMAGE_SIZE] = "SizeOfImage or SizeOfHeaders inconsistent",
    [PE_ERR_SECTIONS] = "section table out of the file, sections overlapping or outside the image",
    [PE_ERR_DATA_DIRECTORY] = "a data directory lies outside the image",
    [PE_ERR_RVA] = "an RVA maps to no section nor header",
    [PE_ERR_IMPORTS] = "malformed import directory",
    [PE_ERR_EXPORTS] = "malformed export directory",
    [PE_ERR_RELOCS] = "malformed base relocations",
    [PE_ERR_TLS] = "malformed TLS directory",
    [PE_ERR_RESOURCES] = "malformed resource directory",
    [PE_ERR_PDATA] = "malformed exception directory (.pdata)",
    [PE_ERR_STRING] = "a name runs past the end of its section or the file",
};
_Static_assert(sizeof(status_text) / sizeof(status_text[0]) == PE_ERR_STRING + 1,
               "every pe_status needs a text");

/***********************************************************************
 *      pe_strerror
 */
const char *pe_strerror(enum pe_status status)
{
    if ((unsigned)status >= sizeof(status_text) / sizeof(status_text[0]) || !status_text[status])
        return "unknown PE reader status";
    return status_text[status];
}

static pe_warn_fn warn_handler;

/***********************************************************************
 *      pe_set_warn_handler
 */
void pe_set_warn_handler(pe_warn_fn fn)
{
    warn_handler = fn;
}

enum pe_status pe_reject(enum pe_status status, const char *func, const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    if (!warn_handler)
        return status;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    warn_handler(status, func, msg);
    return status;
}

static bool is_pow2(uint32_t x)
{
    return x && !(x & (x - 1));
}

static uint64_t align_up(uint64_t x, uint32_t align)
{
    return (x + align - 1) & ~(uint64_t)(align - 1);
}

/* DOS header: "MZ" and e_lfanew, which must leave the DOS header alone and lie in the file. */
static enum pe_status read_dos_header(struct pe_file *pe, const struct pe_view *v)
{
    uint16_t magic;
    uint32_t lfanew;

    if (!pe_read_u16(v, 0, &magic))
        return PE_REJECT(PE_ERR_TRUNCATED, "%zu bytes: no room for the DOS header", v->size);
    if (magic != 0x5a4d)
        return PE_REJECT(PE_ERR_NOT_MZ, "magic %#x instead of MZ", magic);
    if (!pe_read_u32(v, DOS_LFANEW_OFFSET, &lfanew))
        return PE_REJECT(PE_ERR_TRUNCATED, "%zu bytes: DOS header cut short", v->size);
    if (lfanew < DOS_HEADER_SIZE || lfanew >= v->size)
        return PE_REJECT(PE_ERR_BAD_LFANEW, "e_lfanew %#x, file size %#zx", lfanew, v->size);
    pe->nt_offset = lfanew;
    return PE_OK;
}

/* Signature and COFF file header; returns the optional header's offset and size. */
static enum pe_status read_coff_header(struct pe_file *pe, const struct pe_view *v,
                                       size_t *opt_off, uint16_t *opt_size)
{
    size_t coff = (size_t)pe->nt_offset + 4, end;
    uint32_t signature;
    bool ok = true;

    if (!pe_view_has(v, pe->nt_offset, 4 + COFF_HEADER_SIZE))
        return PE_REJECT(PE_ERR_TRUNCATED, "file ends inside the NT headers at %#x", pe->nt_offset);
    ok &= pe_read_u32(v, pe->nt_offset, &signature);
    if (ok && signature != 0x00004550)
        return PE_REJECT(PE_ERR_NOT_PE, "signature %#x at %#x", signature, pe->nt_offset);
    ok &= pe_read_u16(v, coff + 0, &pe->machine);
    ok &= pe_read_u16(v, coff + 2, &pe->nsections);
    ok &= pe_read_u16(v, coff + 16, opt_size);
    ok &= pe_read_u16(v, coff + 18, &pe->characteristics);
    if (!ok)
        return PE_REJECT(PE_ERR_TRUNCATED, "COFF header unreadable");
    *opt_off = coff + COFF_HEADER_SIZE;
    if (__builtin_add_overflow(*opt_off, *opt_size, &end) || end > v->size)
        return PE_REJECT(PE_ERR_TRUNCATED, "optional header of %#x bytes runs past the file",
                         *opt_size);
    return PE_OK;
}

/* The fields that differ between PE32 and PE32+ (offsets from the optional header). */
static bool read_optional_variant(struct pe_file *pe, const struct pe_view *o)
{
    bool ok = true;

    if (pe->pe32plus) {
        ok &= pe_read_u64(o, 24, &pe->image_base);
        ok &= pe_read_u64(o, 72, &pe->stack_reserve);
        ok &= pe_read_u64(o, 80, &pe->stack_commit);
        ok &= pe_read_u64(o, 88, &pe->heap_reserve);
        ok &= pe_read_u64(o, 96, &pe->heap_commit);
    } else {
        uint32_t base = 0, sr = 0, sc = 0, hr = 0, hc = 0;

        ok &= pe_read_u32(o, 28, &base);
        ok &= pe_read_u32(o, 72, &sr);
        ok &= pe_read_u32(o, 76, &sc);
        ok &= pe_read_u32(o, 80, &hr);
        ok &= pe_read_u32(o, 84, &hc);
        pe->image_base = base;
        pe->stack_reserve = sr;
        pe->stack_commit = sc;
        pe->heap_reserve = hr;
        pe->heap_commit = hc;
    }
    return ok;
}

static enum pe_status read_optional_header(struct pe_file *pe, const struct pe_view *v,
                                           size_t opt_off, uint16_t opt_size)
{
    struct pe_view o = { v->base + opt_off, opt_size };
    uint16_t magic;
    uint32_t nrva, fixed;
    bool ok = true;

    if (!pe_read_u16(&o, 0, &magic))
        return PE_REJECT(PE_ERR_OPTIONAL_HEADER, "SizeOfOptionalHeader %u: no magic", opt_size);
    if (magic != OPT32_MAGIC && magic != OPT64_MAGIC)
        return PE_REJECT(PE_ERR_OPTIONAL_HEADER, "unknown magic %#x", magic);
    pe->pe32plus = magic == OPT64_MAGIC;
    fixed = pe->pe32plus ? OPT64_FIXED_SIZE : OPT32_FIXED_SIZE;
    if (opt_size < fixed)
        return PE_REJECT(PE_ERR_OPTIONAL_HEADER, "SizeOfOptionalHeader %u < %u for magic %#x",
                         opt_size, fixed, magic);
    ok &= pe_read_u32(&o, 16, &pe->entry_rva);
    ok &= pe_read_u32(&o, 32, &pe->section_alignment);
    ok &= pe_read_u32(&o, 36, &pe->file_alignment);
    ok &= pe_read_u16(&o, 48, &pe->major_subsystem_version);
    ok &= pe_read_u16(&o, 50, &pe->minor_subsystem_version);
    ok &= pe_read_u32(&o, 56, &pe->size_of_image);
    ok &= pe_read_u32(&o, 60, &pe->size_of_headers);
    ok &= pe_read_u16(&o, 68, &pe->subsystem);
    ok &= pe_read_u16(&o, 70, &pe->dll_characteristics);
    ok &= read_optional_variant(pe, &o);
    ok &= pe_read_u32(&o, fixed - 4, &nrva);
    if (!ok)
        return PE_REJECT(PE_ERR_OPTIONAL_HEADER, "optional header unreadable");
    pe->ndirs = nrva < PE_DIR_COUNT ? nrva : PE_DIR_COUNT;
    if (opt_size < fixed + 8 * pe->ndirs)
        return PE_REJECT(PE_ERR_OPTIONAL_HEADER, "SizeOfOptionalHeader %u too small for %u directories",
                         opt_size, pe->ndirs);
    for (uint32_t i = 0; i < pe->ndirs; i++) {
        ok &= pe_read_u32(&o, fixed + 8 * i, &pe->dirs[i].rva);
        ok &= pe_read_u32(&o, fixed + 8 * i + 4, &pe->dirs[i].size);
    }
    return ok ? PE_OK : PE_REJECT(PE_ERR_OPTIONAL_HEADER, "data directories unreadable");
}

/* Alignments, sizes, and the section table's place in the file and in the headers. */
static enum pe_status check_layout(const struct pe_file *pe, size_t table, size_t file_size)
{
    uint32_t sa = pe->section_alignment, fa = pe->file_alignment;
    size_t table_end;

    /* The specification: with SectionAlignment below the page size, FileAlignment must equal it. */
    if (!is_pow2(sa) || !is_pow2(fa) || fa > sa || (sa < PAGE_SIZE_X86 && fa != sa))
        return PE_REJECT(PE_ERR_ALIGNMENT, "SectionAlignment %#x, FileAlignment %#x", sa, fa);
    if (!pe->size_of_image || !pe->size_of_headers || pe->size_of_headers > pe->size_of_image)
        return PE_REJECT(PE_ERR_IMAGE_SIZE, "SizeOfImage %#x, SizeOfHeaders %#x",
                         pe->size_of_image, pe->size_of_headers);
    if (pe->nsections > MAX_SECTIONS)
        return PE_REJECT(PE_ERR_SECTIONS, "%u sections (at most %u)", pe->nsections, MAX_SECTIONS);
    table_end = table + (size_t)pe->nsections * SECTION_HEADER_SIZE; /* both small: no overflow */
    if (table_end > file_size)
        return PE_REJECT(PE_ERR_SECTIONS, "section table [%#zx, %#zx) runs past the file",
                         table, table_end);
    if (table_end > pe->size_of_headers)
        return PE_REJECT(PE_ERR_IMAGE_SIZE, "section table ends at %#zx, past SizeOfHeaders %#x",
                         table_end, pe->size_of_headers);
    if (pe->entry_rva >= pe->size_of_image)
        return PE_REJECT(PE_ERR_RVA, "entry point %#x outside the image", pe->entry_rva);
    return PE_OK;
}

/* One section header: virtual range aligned, ascending, non-overlapping and inside SizeOfImage;
 * raw data starting inside the file (its size is clipped to the file). */
static enum pe_status read_section(const struct pe_file *pe, const struct pe_view *v, size_t hdr,
                                   unsigned index, uint64_t *next_va, struct pe_section *s)
{
    uint64_t file_limit = v->size < UINT32_MAX ? v->size : UINT32_MAX;
    bool ok = true;

    memcpy(s->name, v->base + hdr, 8); /* in range: the table was checked against the file */
    s->name[8] = 0;
    ok &= pe_read_u32(v, hdr + 8, &s->virtual_size);
    ok &= pe_read_u32(v, hdr + 12, &s->virtual_address);
    ok &= pe_read_u32(v, hdr + 16, &s->raw_size);
    ok &= pe_read_u32(v, hdr + 20, &s->raw_offset);
    ok &= pe_read_u32(v, hdr + 36, &s->characteristics);
    if (!ok)
        return PE_REJECT(PE_ERR_SECTIONS, "section %u header unreadable", index);
    if (!s->virtual_size)
        s->virtual_size = s->raw_size;
    if (s->virtual_address % pe->section_alignment || s->virtual_address < *next_va)
        return PE_REJECT(PE_ERR_SECTIONS, "section %u (%.8s) at %#x: unaligned, unsorted or "
                         "overlapping (next free %#llx)", index, s->name, s->virtual_address,
                         (unsigned long long)*next_va);
    if ((uint64_t)s->virtual_address + s->virtual_size > pe->size_of_image)
        return PE_REJECT(PE_ERR_SECTIONS, "section %u (%.8s) [%#x+%#x) past SizeOfImage %#x", index,
                         s->name, s->virtual_address, s->virtual_size, pe->size_of_image);
    *next_va = s->virtual_address + align_up(s->virtual_size, pe->section_alignment);
    if (!s->raw_size)
        return PE_OK;
    if (s->raw_offset >= file_limit)
        return PE_REJECT(PE_ERR_SECTIONS, "section %u (%.8s) raw data at %#x beyond the file end %#llx",
                         index, s->name, s->raw_offset, (unsigned long long)file_limit);
    if ((uint64_t)s->raw_offset + s->raw_size > file_limit)
        s->raw_size = (uint32_t)(file_limit - s->raw_offset);
    return PE_OK;
}

static enum pe_status read_sections(struct pe_file *pe, const struct pe_view *v, size_t table)
{
    uint64_t next_va = align_up(pe->size_of_headers, pe->section_alignment);
    enum pe_status status;

    if (!pe->nsections)
        return PE_OK;
    pe->sections = calloc(pe->nsections, sizeof(*pe->sections));
    if (!pe->sections)
        return PE_REJECT(PE_ERR_NOMEM, "%u sections", pe->nsections);
    for (unsigned i = 0; i < pe->nsections; i++) {
        status = read_section(pe, v, table + (size_t)i * SECTION_HEADER_SIZE, i, &next_va,
                              &pe->sections[i]);
        if (status)
            return status;
    }
    return PE_OK;
}

/* Every directory other than SECURITY (which holds a file offset) must lie inside the image. */
static enum pe_status check_directories(const struct pe_file *pe)
{
    for (unsigned i = 0; i < pe->ndirs; i++) {
        const struct pe_data_dir *d = &pe->dirs[i];

        if (i == PE_DIR_SECURITY || !d->size)
            continue;
        if ((uint64_t)d->rva + d->size > pe->size_of_image)
            return PE_REJECT(PE_ERR_DATA_DIRECTORY, "directory %u [%#x+%#x) outside SizeOfImage %#x",
                             i, d->rva, d->size, pe->size_of_image);
    }
    return PE_OK;
}

/***********************************************************************
 *      pe_open
 */
enum pe_status pe_open(struct pe_file *pe, const void *data, size_t size)
{
    struct pe_view v = { data, data ? size : 0 };
    enum pe_status status;
    uint16_t opt_size = 0;
    size_t opt_off = 0;

    memset(pe, 0, sizeof(*pe));
    pe->data = data;
    pe->size = v.size;
    if ((status = read_dos_header(pe, &v)) ||
        (status = read_coff_header(pe, &v, &opt_off, &opt_size)) ||
        (status = read_optional_header(pe, &v, opt_off, opt_size)) ||
        (status = check_layout(pe, opt_off + opt_size, v.size)) ||
        (status = read_sections(pe, &v, opt_off + opt_size)) ||
        (status = check_directories(pe))) {
        pe_close(pe);
        return status;
    }
    return PE_OK;
}

/***********************************************************************
 *      pe_close
 */
void pe_close(struct pe_file *pe)
{
    if (!pe)
        return;
    free(pe->sections);
    memset(pe, 0, sizeof(*pe));
}

/***********************************************************************
 *      pe_section_of
 */
const struct pe_section *pe_section_of(const struct pe_file *pe, uint32_t rva)
{
    for (unsigned i = 0; i < pe->nsections; i++) {
        const struct pe_section *s = &pe->sections[i];

        if (rva >= s->virtual_address && rva - s->virtual_address < s->virtual_size)
            return s;
    }
    return NULL;
}

/* The file-backed region holding rva: the headers, or the part of a section that has raw data
 * (and lies within its virtual size). Returns its file offset and the bytes left in the region. */
static bool rva_region(const struct pe_file *pe, uint32_t rva, uint32_t *offset, uint32_t *avail)
{
    uint64_t headers = pe->size_of_headers < pe->size ? pe->size_of_headers : pe->size;
    const struct pe_section *s;
    uint32_t delta, backed;

    if (rva < headers) {
        *offset = rva;
        *avail = (uint32_t)(headers - rva);
        return true;
    }
    if (!(s = pe_section_of(pe, rva)))
        return false;
    delta = rva - s->virtual_address;
    backed = s->raw_size < s->virtual_size ? s->raw_size : s->virtual_size;
    if (delta >= backed)
        return false;
    *offset = s->raw_offset + delta; /* raw_offset + raw_size <= file size, checked by pe_open */
    *avail = backed - delta;
    return true;
}

/***********************************************************************
 *      pe_rva_to_offset
 */
bool pe_rva_to_offset(const struct pe_file *pe, uint32_t rva, uint32_t len, uint32_t *offset)
{
    uint32_t off, avail;

    if (!rva_region(pe, rva, &off, &avail) || len > avail)
        return false;
    *offset = off;
    return true;
}

/***********************************************************************
 *      pe_rva_ptr
 */
const void *pe_rva_ptr(const struct pe_file *pe, uint32_t rva, uint32_t len)
{
    uint32_t off;

    return pe_rva_to_offset(pe, rva, len, &off) ? pe->data + off : NULL;
}

/***********************************************************************
 *      pe_rva_string
 */
const char *pe_rva_string(const struct pe_file *pe, uint32_t rva, size_t max_len)
{
    uint32_t off, avail;
    size_t limit;

    if (!rva_region(pe, rva, &off, &avail))
        return NULL;
    limit = max_len < avail ? max_len + 1 : avail;
    return memchr(pe->data + off, 0, limit) ? (const char *)pe->data + off : NULL;
}

/* Internal helpers shared with the directory readers (private.h). */

bool pe_dir_get(const struct pe_file *pe, enum pe_dir dir, struct pe_data_dir *out)
{
    *out = pe->dirs[dir];
    return out->rva && out->size;
}

static bool rva_load(const struct pe_file *pe, uint64_t rva, uint32_t len, size_t *offset)
{
    uint32_t off;

    if (rva > UINT32_MAX || !pe_rva_to_offset(pe, (uint32_t)rva, len, &off))
        return false;
    *offset = off;
    return true;
}

bool pe_rva_u16(const struct pe_file *pe, uint64_t rva, uint16_t *out)
{
    struct pe_view v = pe_file_view(pe);
    size_t off;

    return rva_load(pe, rva, 2, &off) && pe_read_u16(&v, off, out);
}

bool pe_rva_u32(const struct pe_file *pe, uint64_t rva, uint32_t *out)
{
    struct pe_view v = pe_file_view(pe);
    size_t off;

    return rva_load(pe, rva, 4, &off) && pe_read_u32(&v, off, out);
}

bool pe_rva_uptr(const struct pe_file *pe, uint64_t rva, uint64_t *out)
{
    uint32_t v32;

    if (pe->pe32plus) {
        struct pe_view v = pe_file_view(pe);
        size_t off;

        return rva_load(pe, rva, 8, &off) && pe_read_u64(&v, off, out);
    }
    if (!pe_rva_u32(pe, rva, &v32))
        return false;
    *out = v32;
    return true;
}

enum pe_status pe_get_string(const struct pe_file *pe, uint64_t rva, size_t max_len,
                             enum pe_status unmapped_status, const char **out)
{
    uint32_t off, avail;

    *out = NULL;
    if (rva > UINT32_MAX || !rva_region(pe, (uint32_t)rva, &off, &avail))
        return PE_REJECT(unmapped_status, "name at RVA %#llx is not in the file",
                         (unsigned long long)rva);
    if (!(*out = pe_rva_string(pe, (uint32_t)rva, max_len)))
        return PE_REJECT(PE_ERR_STRING, "name at RVA %#llx is not terminated within %zu bytes",
                         (unsigned long long)rva, max_len < avail ? max_len : (size_t)avail);
    return PE_OK;
}

bool pe_va_to_rva(const struct pe_file *pe, uint64_t va, uint32_t len, uint32_t *rva)
{
    uint64_t r;

    if (va < pe->image_base)
        return false;
    r = va - pe->image_base;
    if (r > pe->size_of_image || len > pe->size_of_image - r)
        return false;
    *rva = (uint32_t)r;
    return true;
}
