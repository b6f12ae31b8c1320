/* tls.c: the TLS directory (template range, index slot, NULL-terminated callback array). */
#include <stdlib.h>
#include <string.h>

#include "pe.h"
#include "private.h"

#define MAX_TLS_CALLBACKS 1024

static enum pe_status read_directory(const struct pe_file *pe, const struct pe_data_dir *dir,
                                     struct pe_tls *out)
{
    unsigned w = pe_ptr_size(pe), need = 4 * w + 8;  /* 40 bytes in PE32+, 24 in PE32 */
    uint32_t off;
    bool ok = true;

    if (dir->size < need || !pe_rva_to_offset(pe, dir->rva, need, &off))
        return PE_REJECT(PE_ERR_TLS, "directory [%#x+%#x) too small (need %#x) or not in the file",
                         dir->rva, dir->size, need);
    ok &= pe_rva_uptr(pe, dir->rva, &out->start_va);
    ok &= pe_rva_uptr(pe, (uint64_t)dir->rva + w, &out->end_va);
    ok &= pe_rva_uptr(pe, (uint64_t)dir->rva + 2 * w, &out->index_va);
    ok &= pe_rva_uptr(pe, (uint64_t)dir->rva + 3 * w, &out->callbacks_va);
    ok &= pe_rva_u32(pe, (uint64_t)dir->rva + 4 * w, &out->zero_fill);
    ok &= pe_rva_u32(pe, (uint64_t)dir->rva + 4 * w + 4, &out->characteristics);
    if (!ok)
        return PE_REJECT(PE_ERR_TLS, "directory at RVA %#x not in the file", dir->rva);
    return PE_OK;
}

/* The template [start, end) and the index slot must lie inside the image. */
static enum pe_status check_ranges(const struct pe_file *pe, const struct pe_tls *t)
{
    uint32_t rva;

    if (t->start_va || t->end_va) {
        if (t->end_va < t->start_va || t->end_va - t->start_va > UINT32_MAX ||
            !pe_va_to_rva(pe, t->start_va, (uint32_t)(t->end_va - t->start_va), &rva))
            return PE_REJECT(PE_ERR_TLS, "template [%#llx, %#llx) outside the image",
                             (unsigned long long)t->start_va, (unsigned long long)t->end_va);
    }
    if (t->index_va && !pe_va_to_rva(pe, t->index_va, 4, &rva))
        return PE_REJECT(PE_ERR_TLS, "index slot %#llx outside the image",
                         (unsigned long long)t->index_va);
    return PE_OK;
}

/* Callback VAs up to the NULL entry; the array must be in the file, each callback in the image. */
static enum pe_status read_callbacks(const struct pe_file *pe, struct pe_tls *t)
{
    unsigned w = pe_ptr_size(pe);
    uint32_t array, rva;
    uint64_t va;
    size_t n = 0;

    if (!t->callbacks_va)
        return PE_OK;
    if (!pe_va_to_rva(pe, t->callbacks_va, w, &array))
        return PE_REJECT(PE_ERR_TLS, "callback array %#llx outside the image",
                         (unsigned long long)t->callbacks_va);
    for (n = 0;; n++) {
        if (!pe_rva_uptr(pe, array + (uint64_t)n * w, &va))
            return PE_REJECT(PE_ERR_TLS, "callback array at RVA %#x not terminated in the file", array);
        if (!va)
            break;
        if (n >= MAX_TLS_CALLBACKS)
            return PE_REJECT(PE_ERR_TLS, "more than %u callbacks", MAX_TLS_CALLBACKS);
        if (!pe_va_to_rva(pe, va, 1, &rva))
            return PE_REJECT(PE_ERR_TLS, "callback %zu at %#llx outside the image", n,
                             (unsigned long long)va);
    }
    if (n && !(t->callbacks = calloc(n, sizeof(*t->callbacks))))
        return PE_REJECT(PE_ERR_NOMEM, "%zu TLS callbacks", n);
    t->ncallbacks = n;
    for (size_t i = 0; i < n; i++) {
        if (!pe_rva_uptr(pe, array + (uint64_t)i * w, &t->callbacks[i]))
            return PE_REJECT(PE_ERR_TLS, "callback %zu unreadable", i);
    }
    return PE_OK;
}

/***********************************************************************
 *      pe_read_tls
 */
enum pe_status pe_read_tls(const struct pe_file *pe, struct pe_tls *out)
{
    struct pe_data_dir dir;
    enum pe_status status;

    memset(out, 0, sizeof(*out));
    if (!pe_dir_get(pe, PE_DIR_TLS, &dir))
        return PE_OK;
    if ((status = read_directory(pe, &dir, out)) || (status = check_ranges(pe, out)) ||
        (status = read_callbacks(pe, out))) {
        pe_free_tls(out);
        return status;
    }
    out->present = true;
    return PE_OK;
}

/***********************************************************************
 *      pe_free_tls
 */
void pe_free_tls(struct pe_tls *tls)
{
    if (!tls)
        return;
    free(tls->callbacks);
    memset(tls, 0, sizeof(*tls));
}
