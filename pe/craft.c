/* craft.c: builds small, valid PE images in memory, for the PE reader's tests and fuzz seeds. */
#include <string.h>

#include "craft.h"
#include "pe.h"

#define SCN_DISCARDABLE 0x02000000

const struct craft_section craft_sections[CRAFT_NSECTIONS] = {
    { ".text",  0x1000, 0x100, 0x0400, 0x200,
      PE_SCN_CNT_CODE | PE_SCN_MEM_EXECUTE | PE_SCN_MEM_READ },
    { ".rdata", 0x2000, 0x800, 0x0600, 0x800, PE_SCN_CNT_INITIALIZED | PE_SCN_MEM_READ },
    { ".data",  0x3000, 0x100, 0x0e00, 0x200,
      PE_SCN_CNT_INITIALIZED | PE_SCN_MEM_READ | PE_SCN_MEM_WRITE },
    { ".pdata", 0x4000, 0x024, 0x1000, 0x200, PE_SCN_CNT_INITIALIZED | PE_SCN_MEM_READ },
    { ".rsrc",  0x5000, 0x300, 0x1200, 0x200, PE_SCN_CNT_INITIALIZED | PE_SCN_MEM_READ },
    { ".reloc", 0x6000, 0x020, 0x1400, 0x200,
      PE_SCN_CNT_INITIALIZED | PE_SCN_MEM_READ | SCN_DISCARDABLE },
    { ".bss",   0x7000, 0x100, 0,      0,
      PE_SCN_CNT_UNINITIALIZED | PE_SCN_MEM_READ | PE_SCN_MEM_WRITE },
};

void craft_put16(uint8_t *buf, size_t off, uint16_t v)
{
    buf[off] = (uint8_t)v;
    buf[off + 1] = (uint8_t)(v >> 8);
}

void craft_put32(uint8_t *buf, size_t off, uint32_t v)
{
    craft_put16(buf, off, (uint16_t)v);
    craft_put16(buf, off + 2, (uint16_t)(v >> 16));
}

void craft_put64(uint8_t *buf, size_t off, uint64_t v)
{
    craft_put32(buf, off, (uint32_t)v);
    craft_put32(buf, off + 4, (uint32_t)(v >> 32));
}

long craft_offset(uint32_t rva)
{
    if (rva < CRAFT_HEADERS_SIZE)
        return rva;
    for (int i = 0; i < CRAFT_NSECTIONS; i++) {
        const struct craft_section *s = &craft_sections[i];

        if (rva >= s->va && rva - s->va < s->raw_size)
            return (long)(s->raw_offset + (rva - s->va));
    }
    return -1;
}

/* Writers by RVA; the layout guarantees every RVA used below has raw data. */
static void w16(uint8_t *b, uint32_t rva, uint16_t v) { craft_put16(b, (size_t)craft_offset(rva), v); }
static void w32(uint8_t *b, uint32_t rva, uint32_t v) { craft_put32(b, (size_t)craft_offset(rva), v); }
static void w64(uint8_t *b, uint32_t rva, uint64_t v) { craft_put64(b, (size_t)craft_offset(rva), v); }
static void wstr(uint8_t *b, uint32_t rva, const char *s)
{
    memcpy(b + craft_offset(rva), s, strlen(s) + 1);
}
/* A pointer-sized value: 8 bytes in PE32+, 4 in PE32. */
static void wptr(uint8_t *b, uint32_t rva, uint64_t v, bool pe32)
{
    if (pe32)
        w32(b, rva, (uint32_t)v);
    else
        w64(b, rva, v);
}

static void write_headers(uint8_t *b, bool pe32)
{
    size_t opt = CRAFT_OPT, table = CRAFT_SECTION_TABLE(pe32);

    b[0] = 'M';
    b[1] = 'Z';
    craft_put32(b, 0x3c, CRAFT_NT);
    memcpy(b + CRAFT_NT, "PE\0\0", 4);
    craft_put16(b, CRAFT_COFF, pe32 ? PE_MACHINE_I386 : PE_MACHINE_AMD64);
    craft_put16(b, CRAFT_COFF + 2, CRAFT_NSECTIONS);
    craft_put32(b, CRAFT_COFF + 4, 0x5f000000);                 /* TimeDateStamp */
    craft_put16(b, CRAFT_COFF + 16, (uint16_t)CRAFT_OPT_SIZE(pe32));
    craft_put16(b, CRAFT_COFF + 18, pe32 ? 0x0102 : 0x0022);  /* executable, 32-bit / large-address */
    craft_put16(b, opt, pe32 ? 0x10b : 0x20b);
    craft_put32(b, opt + 4, 0x200);                          /* SizeOfCode */
    craft_put32(b, opt + 16, CRAFT_ENTRY);
    craft_put32(b, opt + 20, 0x1000);                        /* BaseOfCode */
    if (pe32) {
        craft_put32(b, opt + 24, 0x2000);                    /* BaseOfData */
        craft_put32(b, opt + 28, (uint32_t)CRAFT_BASE32);
    } else {
        craft_put64(b, opt + 24, CRAFT_BASE64);
    }
    craft_put32(b, opt + 32, 0x1000);                        /* SectionAlignment */
    craft_put32(b, opt + 36, 0x200);                         /* FileAlignment */
    craft_put16(b, opt + 40, 4);                             /* OS version 4.0 */
    craft_put16(b, opt + 48, 5);                             /* subsystem version 5.2 */
    craft_put16(b, opt + 50, 2);
    craft_put32(b, opt + 56, CRAFT_IMAGE_SIZE);
    craft_put32(b, opt + 60, CRAFT_HEADERS_SIZE);
    craft_put16(b, opt + 68, 3);                             /* console */
    craft_put16(b, opt + 70, pe32 ? 0x0140 : 0x0160);
    if (pe32) {
        craft_put32(b, opt + 72, 0x100000);
        craft_put32(b, opt + 76, 0x1000);
        craft_put32(b, opt + 80, 0x100000);
        craft_put32(b, opt + 84, 0x1000);
        craft_put32(b, opt + 92, 16);
    } else {
        craft_put64(b, opt + 72, 0x200000);
        craft_put64(b, opt + 80, 0x1000);
        craft_put64(b, opt + 88, 0x100000);
        craft_put64(b, opt + 96, 0x1000);
        craft_put32(b, opt + 108, 16);
    }
    for (int i = 0; i < CRAFT_NSECTIONS; i++) {
        const struct craft_section *s = &craft_sections[i];
        size_t h = table + 40 * (size_t)i;

        memcpy(b + h, s->name, strlen(s->name));
        craft_put32(b, h + 8, s->vsize);
        craft_put32(b, h + 12, s->va);
        craft_put32(b, h + 16, s->raw_size);
        craft_put32(b, h + 20, s->raw_offset);
        craft_put32(b, h + 36, s->characteristics);
    }
}

static void write_imports(uint8_t *b, bool pe32)
{
    uint64_t ordinal_flag = pe32 ? 1ull << 31 : 1ull << 63;
    unsigned w = pe32 ? 4 : 8;

    w32(b, CRAFT_IMPORT_DESC + 0, CRAFT_ILT1);
    w32(b, CRAFT_IMPORT_DESC + 12, CRAFT_DLLNAME1);
    w32(b, CRAFT_IMPORT_DESC + 16, CRAFT_IAT1);
    w32(b, CRAFT_IMPORT_DESC + 20, CRAFT_ILT2);
    w32(b, CRAFT_IMPORT_DESC + 32, CRAFT_DLLNAME2);
    w32(b, CRAFT_IMPORT_DESC + 36, CRAFT_IAT2);
    for (int t = 0; t < 2; t++) {  /* the IAT starts as a copy of the lookup table */
        wptr(b, (t ? CRAFT_IAT1 : CRAFT_ILT1), CRAFT_HINTNAME1, pe32);
        wptr(b, (t ? CRAFT_IAT1 : CRAFT_ILT1) + w, ordinal_flag | 7, pe32);
        wptr(b, (t ? CRAFT_IAT2 : CRAFT_ILT2), CRAFT_HINTNAME2, pe32);
    }
    w16(b, CRAFT_HINTNAME1, 5);
    wstr(b, CRAFT_HINTNAME1 + 2, "ExitProcess");
    w16(b, CRAFT_HINTNAME2, 0x10);
    wstr(b, CRAFT_HINTNAME2 + 2, "printf");
    wstr(b, CRAFT_DLLNAME1, "KERNEL32.dll");
    wstr(b, CRAFT_DLLNAME2, "msvcrt.dll");
    for (uint32_t rva = CRAFT_ORD_THUNKS; rva < 0x2800; rva += w)
        wptr(b, rva, ordinal_flag | 1, pe32);
}

static void write_exports(uint8_t *b)
{
    static const uint32_t funcs[] = { 0x1010, 0, CRAFT_FORWARDER, 0x1020 };
    static const uint32_t names[] = { CRAFT_EXPORT_ALPHA, CRAFT_EXPORT_BETA, CRAFT_EXPORT_GAMMA };
    static const uint16_t ords[] = { 0, 3, 2 };

    w32(b, CRAFT_EXPORT_DIR + 12, CRAFT_EXPORT_NAME);
    w32(b, CRAFT_EXPORT_DIR + 16, 1);  /* Base */
    w32(b, CRAFT_EXPORT_DIR + 20, 4);
    w32(b, CRAFT_EXPORT_DIR + 24, 3);
    w32(b, CRAFT_EXPORT_DIR + 28, CRAFT_EXPORT_FUNCS);
    w32(b, CRAFT_EXPORT_DIR + 32, CRAFT_EXPORT_NAMES);
    w32(b, CRAFT_EXPORT_DIR + 36, CRAFT_EXPORT_ORDS);
    for (unsigned i = 0; i < 4; i++)
        w32(b, CRAFT_EXPORT_FUNCS + 4 * i, funcs[i]);
    for (unsigned i = 0; i < 3; i++) {
        w32(b, CRAFT_EXPORT_NAMES + 4 * i, names[i]);
        w16(b, CRAFT_EXPORT_ORDS + 2 * i, ords[i]);
    }
    wstr(b, CRAFT_EXPORT_ALPHA, "alpha");
    wstr(b, CRAFT_EXPORT_BETA, "beta");
    wstr(b, CRAFT_EXPORT_GAMMA, "gamma");
    wstr(b, CRAFT_FORWARDER, "OTHER.func");
    wstr(b, CRAFT_EXPORT_NAME, "test.dll");
}

static void write_tls(uint8_t *b, bool pe32)
{
    uint64_t base = pe32 ? CRAFT_BASE32 : CRAFT_BASE64;
    unsigned w = pe32 ? 4 : 8;

    wptr(b, CRAFT_TLS_DIR, base + CRAFT_TLS_START, pe32);
    wptr(b, CRAFT_TLS_DIR + w, base + CRAFT_TLS_END, pe32);
    wptr(b, CRAFT_TLS_DIR + 2 * w, base + CRAFT_TLS_INDEX, pe32);
    wptr(b, CRAFT_TLS_DIR + 3 * w, base + CRAFT_TLS_CALLBACKS, pe32);
    w32(b, CRAFT_TLS_DIR + 4 * w, 0x10);  /* SizeOfZeroFill */
    for (uint32_t i = 0; i < 16; i++)
        b[craft_offset(CRAFT_TLS_START + i)] = (uint8_t)(0xa0 + i);
    wptr(b, CRAFT_TLS_CALLBACKS, base + 0x1030, pe32);
    wptr(b, CRAFT_TLS_CALLBACKS + w, base + 0x1040, pe32);
    for (uint32_t rva = CRAFT_NONNULL_PTRS; rva < 0x3100; rva += w)
        wptr(b, rva, base + 0x1000, pe32);
}

static void write_pdata(uint8_t *b)
{
    static const uint32_t rf[3][3] = {
        { 0x1000, 0x1010, CRAFT_UNWIND }, { 0x1010, 0x1020, CRAFT_UNWIND },
        { 0x1020, 0x1050, CRAFT_UNWIND + 8 },
    };

    for (unsigned i = 0; i < 3; i++)
        for (unsigned j = 0; j < 3; j++)
            w32(b, CRAFT_PDATA_RVA + 12 * i + 4 * j, rf[i][j]);
    w32(b, CRAFT_UNWIND, 1);      /* UNWIND_INFO version 1, no codes */
    w32(b, CRAFT_UNWIND + 8, 1);
}

static void res_dir(uint8_t *b, uint32_t off, uint16_t named, uint16_t numbered)
{
    w16(b, CRAFT_RSRC + off + 12, named);
    w16(b, CRAFT_RSRC + off + 14, numbered);
}

static void res_entry(uint8_t *b, uint32_t dir, unsigned i, uint32_t name, uint32_t data)
{
    w32(b, CRAFT_RSRC + dir + 16 + 8 * i, name);
    w32(b, CRAFT_RSRC + dir + 16 + 8 * i + 4, data);
}

static void write_resources(uint8_t *b)
{
    static const char type_name[] = "MYTYPE";
    const uint32_t sub = 0x80000000u;

    res_dir(b, CRAFT_RES_ROOT, 1, 1);
    res_entry(b, CRAFT_RES_ROOT, 0, sub | CRAFT_RES_NAME, sub | CRAFT_RES_DIR_A);
    res_entry(b, CRAFT_RES_ROOT, 1, 3, sub | CRAFT_RES_DIR_B);
    res_dir(b, CRAFT_RES_DIR_A, 0, 1);
    res_entry(b, CRAFT_RES_DIR_A, 0, 1, sub | CRAFT_RES_DIR_A1);
    res_dir(b, CRAFT_RES_DIR_A1, 0, 1);
    res_entry(b, CRAFT_RES_DIR_A1, 0, 0x409, CRAFT_RES_DATA0);
    res_dir(b, CRAFT_RES_DIR_B, 0, 1);
    res_entry(b, CRAFT_RES_DIR_B, 0, 7, sub | CRAFT_RES_DIR_B7);
    res_dir(b, CRAFT_RES_DIR_B7, 0, 2);
    res_entry(b, CRAFT_RES_DIR_B7, 0, 0x407, CRAFT_RES_DATA1);
    res_entry(b, CRAFT_RES_DIR_B7, 1, 0x409, CRAFT_RES_DATA2);
    for (uint32_t i = 0; i < 3; i++) {
        uint32_t entry = CRAFT_RSRC + CRAFT_RES_DATA0 + 16 * i;

        w32(b, entry, CRAFT_RES_BYTES + 4 * i);
        w32(b, entry + 4, 4);
        w32(b, entry + 8, i ? 0 : 1252);
        w32(b, CRAFT_RES_BYTES + 4 * i, 0x11111111u * (i + 1));
    }
    w16(b, CRAFT_RSRC + CRAFT_RES_NAME, 6);
    for (uint32_t i = 0; i < 6; i++)
        w16(b, CRAFT_RSRC + CRAFT_RES_NAME + 2 + 2 * i, (uint16_t)type_name[i]);
}

static void write_relocs(uint8_t *b)
{
    static const uint16_t block1[] = { 0xa010, 0xa018, 0x3020, 0 };
    static const uint16_t block2[] = { 0xa030, 0xa038 };

    w32(b, CRAFT_RELOC, 0x1000);
    w32(b, CRAFT_RELOC + 4, 8 + sizeof(block1));
    for (unsigned i = 0; i < 4; i++)
        w16(b, CRAFT_RELOC + 8 + 2 * i, block1[i]);
    w32(b, CRAFT_RELOC_BLOCK2, 0x3000);
    w32(b, CRAFT_RELOC_BLOCK2 + 4, 8 + sizeof(block2));
    for (unsigned i = 0; i < 2; i++)
        w16(b, CRAFT_RELOC_BLOCK2 + 8 + 2 * i, block2[i]);
}

static void set_dir(uint8_t *b, bool pe32, unsigned index, uint32_t rva, uint32_t size)
{
    craft_put32(b, CRAFT_DIRS(pe32) + 8 * index, rva);
    craft_put32(b, CRAFT_DIRS(pe32) + 8 * index + 4, size);
}

size_t craft_image(uint8_t *buf, const struct craft_opts *opts)
{
    bool pe32 = opts->pe32;
    unsigned f = opts->features & (pe32 ? ~(unsigned)CRAFT_PDATA : ~0u);

    memset(buf, 0, CRAFT_FILE_SIZE);
    write_headers(buf, pe32);
    buf[craft_offset(CRAFT_ENTRY)] = 0xc3;  /* ret */
    memset(buf + craft_offset(CRAFT_UNTERMINATED), 'A', 16);
    write_imports(buf, pe32);
    write_exports(buf);
    write_tls(buf, pe32);
    write_pdata(buf);
    write_resources(buf);
    write_relocs(buf);
    if (f & CRAFT_EXPORTS)
        set_dir(buf, pe32, PE_DIR_EXPORT, CRAFT_EXPORT_DIR, CRAFT_EXPORT_SIZE);
    if (f & CRAFT_IMPORTS) {
        set_dir(buf, pe32, PE_DIR_IMPORT, CRAFT_IMPORT_DESC, CRAFT_IMPORT_SIZE);
        set_dir(buf, pe32, PE_DIR_IAT, CRAFT_IAT1, CRAFT_IAT_SIZE);
    }
    if (f & CRAFT_RESOURCES)
        set_dir(buf, pe32, PE_DIR_RESOURCE, CRAFT_RSRC, CRAFT_RSRC_SIZE);
    if (f & CRAFT_PDATA)
        set_dir(buf, pe32, PE_DIR_EXCEPTION, CRAFT_PDATA_RVA, CRAFT_PDATA_SIZE);
    if (f & CRAFT_RELOCS)
        set_dir(buf, pe32, PE_DIR_BASERELOC, CRAFT_RELOC, CRAFT_RELOC_SIZE);
    if (f & CRAFT_TLS)
        set_dir(buf, pe32, PE_DIR_TLS, CRAFT_TLS_DIR, pe32 ? 24 : 40);
    return CRAFT_FILE_SIZE;
}
