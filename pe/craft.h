/* craft.h: builds small, valid PE images in memory, for the PE reader's tests and fuzz seeds.
 * Not part of libpe. The layout is fixed so that tests can corrupt any field by its address. */
#ifndef VINHO_PE_CRAFT_H
#define VINHO_PE_CRAFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum craft_feature {
    CRAFT_IMPORTS = 1, CRAFT_EXPORTS = 2, CRAFT_RELOCS = 4, CRAFT_TLS = 8,
    CRAFT_RESOURCES = 16, CRAFT_PDATA = 32, CRAFT_ALL = 63
};

struct craft_opts {
    bool pe32;                  /* PE32 (i386) instead of PE32+ (AMD64); never has .pdata */
    unsigned features;          /* craft_feature bits whose data directories are filled in */
};

struct craft_section {
    const char *name;
    uint32_t va, vsize, raw_offset, raw_size, characteristics;
};
#define CRAFT_NSECTIONS 7
extern const struct craft_section craft_sections[CRAFT_NSECTIONS];

/* Headers. */
#define CRAFT_NT            0x40u
#define CRAFT_COFF          (CRAFT_NT + 4)
#define CRAFT_OPT           (CRAFT_NT + 24)
#define CRAFT_OPT_SIZE(pe32) ((pe32) ? 224u : 240u)
#define CRAFT_SECTION_TABLE(pe32) (CRAFT_OPT + CRAFT_OPT_SIZE(pe32))
#define CRAFT_DIRS(pe32)    (CRAFT_OPT + ((pe32) ? 96u : 112u))
#define CRAFT_BASE64        0x140000000ull
#define CRAFT_BASE32        0x400000ull
#define CRAFT_IMAGE_SIZE    0x8000u
#define CRAFT_HEADERS_SIZE  0x400u
#define CRAFT_FILE_SIZE     0x1600u
#define CRAFT_ENTRY         0x1000u

/* .text (0x1000, 0x100 bytes): code, then 16 'A's up to the end of its virtual size. */
#define CRAFT_UNTERMINATED  0x10f0u
/* .rdata (0x2000, 0x800 bytes) */
#define CRAFT_IMPORT_DESC   0x2000u  /* KERNEL32.dll, msvcrt.dll, terminator */
#define CRAFT_IMPORT_SIZE   60u
#define CRAFT_ILT1          0x2100u  /* ExitProcess (hint 5), ordinal 7 */
#define CRAFT_ILT2          0x2120u  /* printf (hint 0x10) */
#define CRAFT_IAT1          0x2180u
#define CRAFT_IAT2          0x21a0u
#define CRAFT_IAT_SIZE      0x40u
#define CRAFT_HINTNAME1     0x2200u
#define CRAFT_HINTNAME2     0x2220u
#define CRAFT_DLLNAME1      0x2240u
#define CRAFT_DLLNAME2      0x2250u
#define CRAFT_EXPORT_DIR    0x2400u  /* test.dll, base 1: alpha, -, gamma -> OTHER.func, (#4) */
#define CRAFT_EXPORT_SIZE   0x90u
#define CRAFT_EXPORT_FUNCS  0x2428u
#define CRAFT_EXPORT_NAMES  0x2438u  /* alpha, beta, gamma */
#define CRAFT_EXPORT_ORDS   0x2444u  /* 0, 3, 2 */
#define CRAFT_EXPORT_ALPHA  0x2450u
#define CRAFT_EXPORT_BETA   0x2458u
#define CRAFT_EXPORT_GAMMA  0x2460u
#define CRAFT_FORWARDER     0x2470u  /* "OTHER.func" */
#define CRAFT_EXPORT_NAME   0x2480u  /* "test.dll" */
#define CRAFT_TLS_DIR       0x2500u
#define CRAFT_UNWIND        0x2600u
#define CRAFT_ORD_THUNKS    0x27c0u  /* ordinal thunks up to the end of .rdata, no NULL */
/* .data (0x3000, 0x100 bytes) */
#define CRAFT_TLS_START     0x3000u
#define CRAFT_TLS_END       0x3010u
#define CRAFT_TLS_INDEX     0x3020u
#define CRAFT_TLS_CALLBACKS 0x3030u  /* 0x1030, 0x1040, NULL (as VAs) */
#define CRAFT_NONNULL_PTRS  0x30f0u  /* VAs of 0x1000 up to the end of .data, no NULL */
/* .pdata (0x4000) */
#define CRAFT_PDATA_RVA     0x4000u
#define CRAFT_PDATA_SIZE    36u
/* .rsrc (0x5000; 0x300 virtual, 0x200 raw): offsets inside the tree */
#define CRAFT_RSRC          0x5000u
#define CRAFT_RSRC_SIZE     0x110u
#define CRAFT_RES_ROOT      0x00u    /* "MYTYPE" -> DIR_A, 3 -> DIR_B */
#define CRAFT_RES_DIR_A     0x20u    /* 1 -> DIR_A1 */
#define CRAFT_RES_DIR_A1    0x38u    /* 0x409 -> DATA0 */
#define CRAFT_RES_DIR_B     0x50u    /* 7 -> DIR_B7 */
#define CRAFT_RES_DIR_B7    0x68u    /* 0x407 -> DATA1, 0x409 -> DATA2 */
#define CRAFT_RES_DATA0     0xc0u
#define CRAFT_RES_DATA1     0xd0u
#define CRAFT_RES_DATA2     0xe0u
#define CRAFT_RES_NAME      0xf0u    /* 6, "MYTYPE" */
#define CRAFT_RES_BYTES     0x5100u  /* 3 data blocks of 4 bytes */
/* .reloc (0x6000) */
#define CRAFT_RELOC         0x6000u  /* page 0x1000: DIR64 +0x10, +0x18, HIGHLOW +0x20, pad */
#define CRAFT_RELOC_BLOCK2  0x6010u  /* page 0x3000: DIR64 +0x30, +0x38 */
#define CRAFT_RELOC_SIZE    28u
/* .bss (0x7000, 0x100 bytes, no raw data) */
#define CRAFT_BSS           0x7000u

/* Writes the image into buf (at least CRAFT_FILE_SIZE bytes); returns its size. */
size_t craft_image(uint8_t *buf, const struct craft_opts *opts);
/* File offset of an RVA of the crafted layout (headers or a section's raw data); -1 if none. */
long craft_offset(uint32_t rva);

void craft_put16(uint8_t *buf, size_t off, uint16_t v);
void craft_put32(uint8_t *buf, size_t off, uint32_t v);
void craft_put64(uint8_t *buf, size_t off, uint64_t v);

#endif
