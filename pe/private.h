/* private.h: internals shared by the files of the PE reader (not for users of pe.h). */
#ifndef VINHO_PE_PRIVATE_H
#define VINHO_PE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pe.h"

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
# error "pe/ hands out pointers to little-endian file data (UTF-16 names, .pdata): little-endian hosts only"
#endif

/* A range of untrusted bytes; every read goes through the checked loads below. */
struct pe_view {
    const uint8_t *base;
    size_t size;
};

static inline bool pe_view_has(const struct pe_view *v, size_t off, size_t len)
{
    return off <= v->size && len <= v->size - off;
}

static inline bool pe_read_u16(const struct pe_view *v, size_t off, uint16_t *out)
{
    if (!pe_view_has(v, off, 2))
        return false;
    *out = (uint16_t)(v->base[off] | v->base[off + 1] << 8);
    return true;
}

static inline bool pe_read_u32(const struct pe_view *v, size_t off, uint32_t *out)
{
    const uint8_t *p;

    if (!pe_view_has(v, off, 4))
        return false;
    p = v->base + off;
    *out = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    return true;
}

static inline bool pe_read_u64(const struct pe_view *v, size_t off, uint64_t *out)
{
    uint32_t lo, hi;

    if (!pe_view_has(v, off, 8) || !pe_read_u32(v, off, &lo) || !pe_read_u32(v, off + 4, &hi))
        return false;
    *out = (uint64_t)hi << 32 | lo;
    return true;
}

static inline struct pe_view pe_file_view(const struct pe_file *pe)
{
    struct pe_view v = { pe->data, pe->size };
    return v;
}

/* Reports a rejection to the warn handler (if any) and returns status. */
enum pe_status pe_reject(enum pe_status status, const char *func, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#define PE_REJECT(status, ...) pe_reject((status), __func__, __VA_ARGS__)

/* A data directory counts as present when both its RVA and its size are non-zero. */
bool pe_dir_get(const struct pe_file *pe, enum pe_dir dir, struct pe_data_dir *out);

/* Checked little-endian loads at an RVA (which must map to file bytes). */
bool pe_rva_u16(const struct pe_file *pe, uint64_t rva, uint16_t *out);
bool pe_rva_u32(const struct pe_file *pe, uint64_t rva, uint32_t *out);
/* A pointer-sized field: 8 bytes in PE32+, 4 in PE32. */
bool pe_rva_uptr(const struct pe_file *pe, uint64_t rva, uint64_t *out);
static inline unsigned pe_ptr_size(const struct pe_file *pe) { return pe->pe32plus ? 8 : 4; }

/* A NUL-terminated name at rva: unmapped_status when rva maps to no file bytes, PE_ERR_STRING when
 * no NUL comes within max_len bytes or before the end of its section. */
enum pe_status pe_get_string(const struct pe_file *pe, uint64_t rva, size_t max_len,
                             enum pe_status unmapped_status, const char **out);

/* VA (as stored in the file) -> RVA, with len bytes inside SizeOfImage. */
bool pe_va_to_rva(const struct pe_file *pe, uint64_t va, uint32_t len, uint32_t *rva);

#endif
