/* relocs.c: the base relocation directory (blocks of typed 12-bit page offsets). */
#include "pe.h"
#include "private.h"

#define BLOCK_HEADER_SIZE 8

/* Bytes a relocation of this type patches, or 0 for a type we do not accept. HIGHADJ takes a
 * second entry as its parameter, which pe_reloc_fn cannot carry; no x86-64 linker emits it. The
 * machine-specific types 5, 7-9 (MIPS, ARM, RISC-V) mean nothing on x86. */
static unsigned reloc_width(unsigned type)
{
    switch (type) {
    case PE_REL_BASED_HIGH:
    case PE_REL_BASED_LOW:
        return 2;
    case PE_REL_BASED_HIGHLOW:
        return 4;
    case PE_REL_BASED_DIR64:
        return 8;
    default:
        return 0;
    }
}

static enum pe_status walk_block(const struct pe_file *pe, const struct pe_view *v, size_t block,
                                 uint32_t page, uint32_t block_size, pe_reloc_fn fn, void *ctx,
                                 bool *stop)
{
    for (uint32_t pos = BLOCK_HEADER_SIZE; pos < block_size; pos += 2) {
        uint16_t entry;
        unsigned type, width;
        uint64_t rva;

        if (!pe_read_u16(v, block + pos, &entry))
            return PE_REJECT(PE_ERR_RELOCS, "block for page %#x unreadable", page);
        type = entry >> 12;
        if (type == PE_REL_BASED_ABSOLUTE)
            continue;
        if (!(width = reloc_width(type)))
            return PE_REJECT(PE_ERR_RELOCS, "unsupported relocation type %u in page %#x", type, page);
        rva = (uint64_t)page + (entry & 0xfff);
        if (rva + width > pe->size_of_image)
            return PE_REJECT(PE_ERR_RELOCS, "relocation type %u at RVA %#llx outside SizeOfImage %#x",
                             type, (unsigned long long)rva, pe->size_of_image);
        if (fn && !fn(ctx, type, (uint32_t)rva)) {
            *stop = true;
            return PE_OK;
        }
    }
    return PE_OK;
}

static enum pe_status walk(const struct pe_file *pe, const struct pe_data_dir *dir, pe_reloc_fn fn,
                           void *ctx)
{
    struct pe_view v = pe_file_view(pe);
    enum pe_status status;
    uint32_t base, pos = 0;
    bool stop = false;

    if (!pe_rva_to_offset(pe, dir->rva, dir->size, &base))
        return PE_REJECT(PE_ERR_RELOCS, "directory [%#x+%#x) not in the file", dir->rva, dir->size);
    while (pos < dir->size) {
        uint32_t page, block_size;

        if (dir->size - pos < BLOCK_HEADER_SIZE ||
            !pe_read_u32(&v, (size_t)base + pos, &page) ||
            !pe_read_u32(&v, (size_t)base + pos + 4, &block_size))
            return PE_REJECT(PE_ERR_RELOCS, "%u stray bytes at the end", dir->size - pos);
        if (block_size < BLOCK_HEADER_SIZE || block_size % 2 || block_size > dir->size - pos)
            return PE_REJECT(PE_ERR_RELOCS, "block at +%#x for page %#x: SizeOfBlock %#x", pos, page,
                             block_size);
        status = walk_block(pe, &v, (size_t)base + pos, page, block_size, fn, ctx, &stop);
        if (status || stop)
            return status;
        pos += block_size;
    }
    return PE_OK;
}

/***********************************************************************
 *      pe_walk_relocs
 */
enum pe_status pe_walk_relocs(const struct pe_file *pe, pe_reloc_fn fn, void *ctx)
{
    struct pe_data_dir dir;
    enum pe_status status;

    if (!pe_dir_get(pe, PE_DIR_BASERELOC, &dir))
        return PE_OK;
    /* Check everything first, so that the caller never applies half a directory. */
    if ((status = walk(pe, &dir, NULL, NULL)) || !fn)
        return status;
    return walk(pe, &dir, fn, ctx);
}
