/* pe.h: a bounds-checked reader of PE/COFF files (PE32 and PE32+), for the loader, tools and tests.
 *
 * Every read of the untrusted file is range- and overflow-checked. Parsed results point into the
 * caller's buffer only after their whole extent has been checked (strings: up to and including the
 * NUL). Each kind of malformation has its own status; pe_strerror() says it in words. The reader
 * depends on nothing else of vinho's. Field names follow the PE/COFF specification. */
#ifndef VINHO_PE_H
#define VINHO_PE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum pe_status {
    PE_OK = 0,
    PE_ERR_NOMEM,            /* allocation failed */
    PE_ERR_TRUNCATED,        /* the file ends before the DOS or NT headers do */
    PE_ERR_NOT_MZ,           /* no "MZ" at offset 0 */
    PE_ERR_BAD_LFANEW,       /* e_lfanew points outside the file or overlaps the DOS header */
    PE_ERR_NOT_PE,           /* no "PE\0\0" signature at e_lfanew */
    PE_ERR_OPTIONAL_HEADER,  /* optional header magic unknown, or SizeOfOptionalHeader too small */
    PE_ERR_ALIGNMENT,        /* SectionAlignment/FileAlignment invalid (zero, not a power of 2, ...) */
    PE_ERR_IMAGE_SIZE,       /* SizeOfImage/SizeOfHeaders inconsistent */
    PE_ERR_SECTIONS,         /* section table out of the file, overlapping or out of the image */
    PE_ERR_DATA_DIRECTORY,   /* a data directory lies outside the image */
    PE_ERR_RVA,              /* an RVA that maps to no section nor header */
    PE_ERR_IMPORTS,          /* import directory malformed */
    PE_ERR_EXPORTS,          /* export directory malformed */
    PE_ERR_RELOCS,           /* base relocation blocks malformed */
    PE_ERR_TLS,              /* TLS directory malformed */
    PE_ERR_RESOURCES,        /* resource directory malformed (incl. loops) */
    PE_ERR_PDATA,            /* exception directory (.pdata) malformed */
    PE_ERR_STRING,           /* a name runs past the end of its section or the file */
};

const char *pe_strerror(enum pe_status status);

/* Each rejection is also described in words to this handler, if one is set (the loader routes it
 * to WARN on the pe channel; pe/ itself depends on nothing). Set it once, before any parsing. */
typedef void (*pe_warn_fn)(enum pe_status status, const char *func, const char *msg);
void pe_set_warn_handler(pe_warn_fn fn);

#define PE_MACHINE_I386  0x014c
#define PE_MACHINE_AMD64 0x8664
#define PE_MACHINE_ARM64 0xaa64

enum pe_dir {
    PE_DIR_EXPORT = 0, PE_DIR_IMPORT = 1, PE_DIR_RESOURCE = 2, PE_DIR_EXCEPTION = 3,
    PE_DIR_SECURITY = 4, PE_DIR_BASERELOC = 5, PE_DIR_DEBUG = 6, PE_DIR_TLS = 9,
    PE_DIR_LOAD_CONFIG = 10, PE_DIR_BOUND_IMPORT = 11, PE_DIR_IAT = 12, PE_DIR_DELAY_IMPORT = 13,
    PE_DIR_CLR = 14, PE_DIR_COUNT = 16
};

struct pe_data_dir { uint32_t rva, size; };

struct pe_section {
    char name[9];                 /* NUL-terminated copy of the 8-byte name */
    uint32_t virtual_size, virtual_address; /* a VirtualSize of 0 is replaced by SizeOfRawData */
    uint32_t raw_size, raw_offset; /* raw_size already clipped to the file */
    uint32_t characteristics;
};

#define PE_SCN_CNT_CODE          0x00000020
#define PE_SCN_CNT_INITIALIZED   0x00000040
#define PE_SCN_CNT_UNINITIALIZED 0x00000080
#define PE_SCN_MEM_SHARED        0x10000000
#define PE_SCN_MEM_EXECUTE       0x20000000
#define PE_SCN_MEM_READ          0x40000000
#define PE_SCN_MEM_WRITE         0x80000000

#define PE_FILE_RELOCS_STRIPPED  0x0001
#define PE_FILE_EXECUTABLE       0x0002
#define PE_FILE_DLL              0x2000
#define PE_DLLCHAR_DYNAMIC_BASE  0x0040
#define PE_SUBSYSTEM_GUI         2
#define PE_SUBSYSTEM_CUI         3

struct pe_file {
    const uint8_t *data;          /* the caller's buffer; must outlive this struct */
    size_t size;
    bool pe32plus;                /* PE32+ (64-bit) rather than PE32 */
    uint16_t machine, characteristics, subsystem, dll_characteristics;
    uint32_t nt_offset;           /* e_lfanew */
    uint64_t image_base;
    uint32_t entry_rva, size_of_image, size_of_headers;
    uint32_t section_alignment, file_alignment;
    uint64_t stack_reserve, stack_commit, heap_reserve, heap_commit;
    uint16_t major_subsystem_version, minor_subsystem_version;
    uint32_t ndirs;               /* NumberOfRvaAndSizes, capped at PE_DIR_COUNT */
    struct pe_data_dir dirs[PE_DIR_COUNT]; /* entries past ndirs are zero */
    uint16_t nsections;
    struct pe_section *sections;  /* owned; freed by pe_close() */
};

/* Parses and checks the headers and section table of the file in data[0..size). */
enum pe_status pe_open(struct pe_file *pe, const void *data, size_t size);
void pe_close(struct pe_file *pe);

/* RVA -> file offset for len bytes that must lie within one section's raw data or the headers.
 * Bytes of a section past its raw data (zero-filled in the image) are not in the file: false. */
bool pe_rva_to_offset(const struct pe_file *pe, uint32_t rva, uint32_t len, uint32_t *offset);
/* Pointer to len checked bytes at rva, or NULL. */
const void *pe_rva_ptr(const struct pe_file *pe, uint32_t rva, uint32_t len);
/* Checked NUL-terminated string at rva (at most max_len bytes before the NUL), or NULL. */
const char *pe_rva_string(const struct pe_file *pe, uint32_t rva, size_t max_len);
/* Section containing rva (within its virtual extent), or NULL. */
const struct pe_section *pe_section_of(const struct pe_file *pe, uint32_t rva);

/* Imports. */
struct pe_import_func {
    bool by_ordinal;
    uint16_t ordinal;             /* when by_ordinal */
    uint16_t hint;                /* when by name */
    const char *name;             /* when by name; points into the file */
    uint32_t iat_rva;             /* RVA of the IAT slot the loader fills */
};
struct pe_import_dll {
    const char *name;             /* points into the file */
    size_t nfuncs;
    struct pe_import_func *funcs; /* owned by the pe_imports */
};
struct pe_imports { size_t ndlls; struct pe_import_dll *dlls; };
/* An image without an import directory yields ndlls == 0. */
enum pe_status pe_read_imports(const struct pe_file *pe, struct pe_imports *out);
void pe_free_imports(struct pe_imports *imports);

/* Exports. */
struct pe_export_name { const char *name; uint32_t index; /* into funcs[] */ };
struct pe_export_func {
    uint32_t rva;                 /* 0: unused slot */
    const char *forwarder;        /* "DLL.Name" or "DLL.#12" when the RVA lies in the export directory */
};
struct pe_exports {
    const char *dll_name;         /* may be NULL */
    uint32_t ordinal_base;
    uint32_t nfuncs;
    struct pe_export_func *funcs; /* funcs[ordinal - ordinal_base] */
    uint32_t nnames;
    struct pe_export_name *names; /* sorted by strcmp, as the spec requires (checked) */
};
enum pe_status pe_read_exports(const struct pe_file *pe, struct pe_exports *out);
void pe_free_exports(struct pe_exports *exports);
/* Index into funcs[] of the export with that name (binary search), or -1. */
long pe_find_export(const struct pe_exports *exports, const char *name);
/* The same directory read in place (for the loader): table bounds checked at open, each name or
 * entry when a lookup reaches it; nothing allocated, nothing to free. */
struct pe_export_table {
    const struct pe_file *pe;     /* NULL or no exports: nothing is found */
    uint32_t dir_rva, dir_size, ordinal_base, nfuncs, nnames;
    uint32_t funcs_off, names_off, ordinals_off;    /* file offsets of the three tables */
    uint32_t dll_name_rva;        /* 0: none */
};
enum pe_status pe_open_export_table(const struct pe_file *pe, struct pe_export_table *table);
/* Index (ordinal - ordinal_base) of the export with that name (binary search), or -1. */
long pe_export_table_find(const struct pe_export_table *table, const char *name);
/* Entry index of the address table: rva 0 for an unused slot; a forwarder when it is one. */
enum pe_status pe_export_table_entry(const struct pe_export_table *table, uint32_t index,
                                     struct pe_export_func *out);

/* Base relocations: calls fn for each entry other than ABSOLUTE padding; stops if fn returns
 * false. Each RVA is checked to leave room for its type's width within SizeOfImage. The whole
 * directory is checked before fn is first called; fn may be NULL (check only). */
#define PE_REL_BASED_ABSOLUTE 0
#define PE_REL_BASED_HIGH     1
#define PE_REL_BASED_LOW      2
#define PE_REL_BASED_HIGHLOW  3
#define PE_REL_BASED_HIGHADJ  4
#define PE_REL_BASED_DIR64    10
typedef bool (*pe_reloc_fn)(void *ctx, unsigned type, uint32_t rva);
enum pe_status pe_walk_relocs(const struct pe_file *pe, pe_reloc_fn fn, void *ctx);

/* TLS directory; values are VAs as in the file (relative to image_base). */
struct pe_tls {
    bool present;
    uint64_t start_va, end_va, index_va, callbacks_va;
    uint32_t zero_fill, characteristics;
    size_t ncallbacks;
    uint64_t *callbacks;          /* owned; VAs read from the file up to the NULL entry */
};
enum pe_status pe_read_tls(const struct pe_file *pe, struct pe_tls *out);
void pe_free_tls(struct pe_tls *tls);

/* Resources: calls fn for each leaf (type, name, language). An id is used when the name is NULL;
 * names are UTF-16LE, name_len in code units, pointing into the file. */
struct pe_res_id { uint32_t id; const uint16_t *name; uint16_t name_len; };
struct pe_resource {
    struct pe_res_id type, name, lang;
    uint32_t data_rva, data_size, codepage;
};
typedef bool (*pe_resource_fn)(void *ctx, const struct pe_resource *res);
/* The whole tree is checked before fn is first called; fn may be NULL (check only). */
enum pe_status pe_walk_resources(const struct pe_file *pe, pe_resource_fn fn, void *ctx);

/* .pdata (x64 RUNTIME_FUNCTION entries), checked to be inside the image and sorted. The entries
 * point into the file (which must hold them 4-byte aligned). Entries that are each valid but not
 * sorted yield PE_ERR_PDATA with *entries and *count still set, so a caller may only warn. */
struct pe_runtime_function { uint32_t begin, end, unwind; };
enum pe_status pe_read_pdata(const struct pe_file *pe, const struct pe_runtime_function **entries,
                             size_t *count);

#endif
