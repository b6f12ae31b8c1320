/* pdata.c: the x64 exception directory (.pdata RUNTIME_FUNCTION table). */
#include <stdint.h>

#include "pe.h"
#include "private.h"

#define ENTRY_SIZE 12
#define UNWIND_INDIRECT 1u  /* UnwindData bit 0: points at another RUNTIME_FUNCTION */

_Static_assert(sizeof(struct pe_runtime_function) == ENTRY_SIZE,
               "pe_runtime_function must match the file's RUNTIME_FUNCTION");

/***********************************************************************
 *      pe_read_pdata
 */
enum pe_status pe_read_pdata(const struct pe_file *pe, const struct pe_runtime_function **entries,
                             size_t *count)
{
    struct pe_view v = pe_file_view(pe);
    uint32_t off, prev_end = 0;
    struct pe_data_dir dir;
    bool sorted = true;
    size_t n = 0;

    *entries = NULL;
    *count = 0;
    if (!pe_dir_get(pe, PE_DIR_EXCEPTION, &dir))
        return PE_OK;
    if (pe->machine != PE_MACHINE_AMD64)
        return PE_REJECT(PE_ERR_PDATA, "machine %#x: not the x64 format", pe->machine);
    if (dir.size % ENTRY_SIZE || !pe_rva_to_offset(pe, dir.rva, dir.size, &off))
        return PE_REJECT(PE_ERR_PDATA, "directory [%#x+%#x) not a whole table in the file",
                         dir.rva, dir.size);
    if ((uintptr_t)(pe->data + off) % _Alignof(struct pe_runtime_function))
        return PE_REJECT(PE_ERR_PDATA, "table at file offset %#x misaligned in memory", off);
    n = dir.size / ENTRY_SIZE;
    for (size_t i = 0; i < n; i++) {
        uint32_t begin, end, unwind;
        size_t e = (size_t)off + i * ENTRY_SIZE;

        if (!pe_read_u32(&v, e, &begin) || !pe_read_u32(&v, e + 4, &end) ||
            !pe_read_u32(&v, e + 8, &unwind))
            return PE_REJECT(PE_ERR_PDATA, "entry %zu unreadable", i);
        if (begin >= end || end > pe->size_of_image ||
            (uint64_t)(unwind & ~UNWIND_INDIRECT) + 4 > pe->size_of_image)
            return PE_REJECT(PE_ERR_PDATA, "entry %zu [%#x, %#x) unwind %#x: outside the image or "
                             "empty", i, begin, end, unwind);
        if (begin < prev_end)
            sorted = false;
        prev_end = end;
    }
    *entries = (const struct pe_runtime_function *)(const void *)(pe->data + off);
    *count = n;
    if (!sorted)
        return PE_REJECT(PE_ERR_PDATA, "entries not sorted by address (or overlapping)");
    return PE_OK;
}
