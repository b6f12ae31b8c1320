/* test_pe.c: unit tests of the bounds-checked PE reader (pe/), on images crafted in memory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pe/craft.h"
#include "pe/pe.h"

#define BASE CRAFT_BASE64
#define SUB 0x80000000u
#define OPT(o) (CRAFT_OPT + (o))
#define SEC(i, o) (CRAFT_SECTION_TABLE(false) + 40 * (i) + (o))
#define DIR_RVA(i) (CRAFT_DIRS(false) + 8 * (i))
#define DIR_SIZE(i) (DIR_RVA(i) + 4)
#define RELOC_LEN 5

/* Every rejection must reach the warn handler with its status. */
static int warn_count;
static enum pe_status warn_status;
static char warn_msg[256];

static void record_warn(enum pe_status status, const char *func, const char *msg)
{
    warn_count++;
    warn_status = status;
    snprintf(warn_msg, sizeof(warn_msg), "%s: %s", func, msg);
}

static void reset_warn(void)
{
    warn_count = 0;
    warn_status = PE_OK;
    warn_msg[0] = 0;
}

/* Allocation failure injection: the test is linked with -Wl,--wrap=calloc (see pe.mk). Without
 * the wrap, __real_calloc stays NULL and the test that needs it is skipped. */
extern void *__real_calloc(size_t n, size_t size) __attribute__((weak));
static long calloc_countdown = -1;  /* fail when it reaches 0; -1: never */
static int calloc_failures;

void *__wrap_calloc(size_t n, size_t size);
void *__wrap_calloc(size_t n, size_t size)
{
    if (calloc_countdown >= 0 && calloc_countdown-- == 0) {
        calloc_failures++;
        return NULL;
    }
    return __real_calloc(n, size);
}

/* A crafted image in a buffer of exactly its size, so that ASan sees any overread. */
static uint8_t *craft(bool pe32, unsigned features, size_t *size)
{
    struct craft_opts opts = { .pe32 = pe32, .features = features };
    uint8_t *buf = malloc(CRAFT_FILE_SIZE);

    assert_non_null(buf);
    *size = craft_image(buf, &opts);
    assert_int_equal(*size, CRAFT_FILE_SIZE);
    return buf;
}

static size_t off_of(uint32_t rva)
{
    long off = craft_offset(rva);

    assert_true(off >= 0);
    return (size_t)off;
}

static void open_ok(struct pe_file *pe, const uint8_t *buf, size_t size)
{
    memset(pe, 0xff, sizeof(*pe));
    reset_warn();
    assert_int_equal(pe_open(pe, buf, size), PE_OK);
    assert_int_equal(warn_count, 0);
}

/* Readers run by stage, with their outputs poisoned first and checked to be cleared on failure. */
enum stage { ST_OPEN, ST_IMPORTS, ST_EXPORTS, ST_RELOCS, ST_TLS, ST_RESOURCES, ST_PDATA, ST_COUNT };

static bool count_reloc(void *ctx, unsigned type, uint32_t rva)
{
    (*(size_t *)ctx)++;
    return true;
}

static bool touch_resource(void *ctx, const struct pe_resource *res)
{
    const struct pe_res_id *ids[3] = { &res->type, &res->name, &res->lang };
    unsigned sum = 0;

    for (int i = 0; i < 3; i++)  /* read every name unit so that ASan checks the extent */
        for (unsigned j = 0; ids[i]->name && j < ids[i]->name_len; j++)
            sum += ids[i]->name[j];
    (*(size_t *)ctx) += 1 + (sum & 0);
    return true;
}

static enum pe_status run_stage(const struct pe_file *pe, enum stage stage)
{
    enum pe_status status = PE_OK;
    size_t n = 0;

    switch (stage) {
    case ST_OPEN:
    case ST_COUNT:
        break;
    case ST_IMPORTS: {
        struct pe_imports im;

        memset(&im, 0xff, sizeof(im));
        status = pe_read_imports(pe, &im);
        if (status) {
            assert_int_equal(im.ndlls, 0);
            assert_null(im.dlls);
        }
        for (size_t i = 0; i < im.ndlls; i++)
            for (size_t j = 0; j < im.dlls[i].nfuncs; j++)
                n += im.dlls[i].funcs[j].name ? strlen(im.dlls[i].funcs[j].name) : 0;
        pe_free_imports(&im);
        break;
    }
    case ST_EXPORTS: {
        struct pe_exports ex;

        memset(&ex, 0xff, sizeof(ex));
        status = pe_read_exports(pe, &ex);
        if (status) {
            assert_int_equal(ex.nfuncs, 0);
            assert_int_equal(ex.nnames, 0);
            assert_null(ex.funcs);
            assert_null(ex.names);
        }
        for (uint32_t i = 0; i < ex.nnames; i++)
            assert_int_equal(pe_find_export(&ex, ex.names[i].name) >= 0, 1);
        pe_free_exports(&ex);
        break;
    }
    case ST_RELOCS:
        status = pe_walk_relocs(pe, count_reloc, &n);
        break;
    case ST_TLS: {
        struct pe_tls tls;

        memset(&tls, 0xff, sizeof(tls));
        status = pe_read_tls(pe, &tls);
        if (status) {
            assert_false(tls.present);
            assert_null(tls.callbacks);
        }
        pe_free_tls(&tls);
        break;
    }
    case ST_RESOURCES:
        status = pe_walk_resources(pe, touch_resource, &n);
        if (status)
            assert_int_equal(n, 0);  /* a broken tree is never half-reported */
        break;
    case ST_PDATA: {
        const struct pe_runtime_function *rf = (const void *)1;
        size_t count = 99;

        status = pe_read_pdata(pe, &rf, &count);
        if (status && !(status == PE_ERR_PDATA && rf)) {
            assert_null(rf);
            assert_int_equal(count, 0);
        }
        for (size_t i = 0; rf && i < count; i++)
            n += rf[i].end - rf[i].begin;
        break;
    }
    }
    return status;
}

/***********************************************************************
 * Valid images
 */

static void test_headers_pe32plus(void **state)
{
    struct pe_file pe;
    size_t size;
    uint8_t *buf = craft(false, CRAFT_ALL, &size);

    open_ok(&pe, buf, size);
    assert_ptr_equal(pe.data, buf);
    assert_int_equal(pe.size, size);
    assert_true(pe.pe32plus);
    assert_int_equal(pe.machine, PE_MACHINE_AMD64);
    assert_int_equal(pe.characteristics, 0x22);
    assert_int_equal(pe.subsystem, PE_SUBSYSTEM_CUI);
    assert_int_equal(pe.dll_characteristics, 0x160);
    assert_int_equal(pe.nt_offset, CRAFT_NT);
    assert_int_equal(pe.image_base, CRAFT_BASE64);
    assert_int_equal(pe.entry_rva, CRAFT_ENTRY);
    assert_int_equal(pe.size_of_image, CRAFT_IMAGE_SIZE);
    assert_int_equal(pe.size_of_headers, CRAFT_HEADERS_SIZE);
    assert_int_equal(pe.section_alignment, 0x1000);
    assert_int_equal(pe.file_alignment, 0x200);
    assert_int_equal(pe.stack_reserve, 0x200000);
    assert_int_equal(pe.stack_commit, 0x1000);
    assert_int_equal(pe.heap_reserve, 0x100000);
    assert_int_equal(pe.heap_commit, 0x1000);
    assert_int_equal(pe.major_subsystem_version, 5);
    assert_int_equal(pe.minor_subsystem_version, 2);
    assert_int_equal(pe.ndirs, 16);
    assert_int_equal(pe.dirs[PE_DIR_EXPORT].rva, CRAFT_EXPORT_DIR);
    assert_int_equal(pe.dirs[PE_DIR_EXPORT].size, CRAFT_EXPORT_SIZE);
    assert_int_equal(pe.dirs[PE_DIR_IMPORT].rva, CRAFT_IMPORT_DESC);
    assert_int_equal(pe.dirs[PE_DIR_RESOURCE].size, CRAFT_RSRC_SIZE);
    assert_int_equal(pe.dirs[PE_DIR_EXCEPTION].rva, CRAFT_PDATA_RVA);
    assert_int_equal(pe.dirs[PE_DIR_BASERELOC].size, CRAFT_RELOC_SIZE);
    assert_int_equal(pe.dirs[PE_DIR_TLS].size, 40);
    assert_int_equal(pe.dirs[PE_DIR_IAT].rva, CRAFT_IAT1);
    assert_int_equal(pe.dirs[PE_DIR_DEBUG].rva, 0);
    assert_int_equal(pe.nsections, CRAFT_NSECTIONS);
    for (int i = 0; i < CRAFT_NSECTIONS; i++) {
        const struct craft_section *c = &craft_sections[i];
        const struct pe_section *s = &pe.sections[i];

        assert_string_equal(s->name, c->name);
        assert_int_equal(s->virtual_address, c->va);
        assert_int_equal(s->virtual_size, c->vsize);
        assert_int_equal(s->raw_size, c->raw_size);
        assert_int_equal(s->raw_offset, c->raw_offset);
        assert_int_equal(s->characteristics, c->characteristics);
    }
    pe_close(&pe);
    assert_null(pe.sections);
    pe_close(&pe);  /* twice is harmless */
    free(buf);
}

static void test_headers_pe32(void **state)
{
    struct pe_file pe;
    struct pe_imports im;
    struct pe_tls tls;
    size_t size;
    uint8_t *buf = craft(true, CRAFT_ALL, &size);

    open_ok(&pe, buf, size);
    assert_false(pe.pe32plus);
    assert_int_equal(pe.machine, PE_MACHINE_I386);
    assert_int_equal(pe.image_base, CRAFT_BASE32);
    assert_int_equal(pe.stack_reserve, 0x100000);
    assert_int_equal(pe.heap_commit, 0x1000);
    assert_int_equal(pe.ndirs, 16);
    assert_int_equal(pe.dirs[PE_DIR_TLS].size, 24);
    assert_int_equal(pe.dirs[PE_DIR_EXCEPTION].size, 0);
    assert_int_equal(pe.nsections, CRAFT_NSECTIONS);
    assert_string_equal(pe.sections[1].name, ".rdata");

    /* 32-bit thunks: bit 31 is the ordinal flag, slots are 4 bytes apart. */
    assert_int_equal(pe_read_imports(&pe, &im), PE_OK);
    assert_int_equal(im.ndlls, 2);
    assert_int_equal(im.dlls[0].nfuncs, 2);
    assert_string_equal(im.dlls[0].funcs[0].name, "ExitProcess");
    assert_true(im.dlls[0].funcs[1].by_ordinal);
    assert_int_equal(im.dlls[0].funcs[1].ordinal, 7);
    assert_int_equal(im.dlls[0].funcs[1].iat_rva, CRAFT_IAT1 + 4);
    assert_int_equal(im.dlls[1].nfuncs, 1);
    pe_free_imports(&im);

    assert_int_equal(pe_read_tls(&pe, &tls), PE_OK);
    assert_true(tls.present);
    assert_int_equal(tls.start_va, CRAFT_BASE32 + CRAFT_TLS_START);
    assert_int_equal(tls.index_va, CRAFT_BASE32 + CRAFT_TLS_INDEX);
    assert_int_equal(tls.ncallbacks, 2);
    assert_int_equal(tls.callbacks[1], CRAFT_BASE32 + 0x1040);
    pe_free_tls(&tls);

    for (enum stage s = ST_IMPORTS; s < ST_COUNT; s++)
        assert_int_equal(run_stage(&pe, s), PE_OK);
    pe_close(&pe);
    free(buf);
}

static void test_rva_mapping(void **state)
{
    static const struct { uint32_t rva, len; bool ok; uint32_t off; } cases[] = {
        { 0, 2, true, 0 },
        { 0x3ff, 1, true, 0x3ff },           /* last header byte */
        { 0x3ff, 2, false, 0 },
        { 0x400, 1, false, 0 },              /* gap between headers and .text */
        { 0x1000, 0, true, 0x400 },
        { 0x1000, 0x100, true, 0x400 },
        { 0x1000, 0x101, false, 0 },         /* past .text's virtual size */
        { 0x10ff, 1, true, 0x4ff },
        { 0x1100, 1, false, 0 },             /* raw padding past the virtual size */
        { 0x2000, 0x800, true, 0x600 },
        { 0x27ff, 2, false, 0 },             /* straddles the end of .rdata */
        { 0x51ff, 1, true, 0x13ff },
        { 0x5200, 1, false, 0 },             /* .rsrc past its raw data */
        { 0x7000, 1, false, 0 },             /* .bss has no raw data */
        { 0x8000, 1, false, 0 },
        { 0xffffffff, 1, false, 0 },
        { 0xfffffffe, 4, false, 0 },
        { 0x1000, 0xffffffff, false, 0 },
    };
    struct pe_file pe;
    size_t size;
    uint8_t *buf = craft(false, CRAFT_ALL, &size);

    open_ok(&pe, buf, size);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint32_t off = 0xdeadbeef;
        bool ok = pe_rva_to_offset(&pe, cases[i].rva, cases[i].len, &off);

        if (ok != cases[i].ok)
            fail_msg("case %zu: rva %#x len %#x: got %d", i, cases[i].rva, cases[i].len, ok);
        if (ok)
            assert_int_equal(off, cases[i].off);
        else
            assert_int_equal(off, 0xdeadbeef);
        assert_ptr_equal(pe_rva_ptr(&pe, cases[i].rva, cases[i].len), ok ? buf + off : NULL);
    }
    assert_ptr_equal(pe_section_of(&pe, 0x1000), &pe.sections[0]);
    assert_ptr_equal(pe_section_of(&pe, 0x10ff), &pe.sections[0]);
    assert_null(pe_section_of(&pe, 0x1100));
    assert_null(pe_section_of(&pe, 0x500));
    assert_ptr_equal(pe_section_of(&pe, 0x52ff), &pe.sections[4]);
    assert_ptr_equal(pe_section_of(&pe, 0x7050), &pe.sections[6]);
    assert_null(pe_section_of(&pe, 0x7100));
    pe_close(&pe);
    free(buf);
}

static void test_rva_string(void **state)
{
    struct pe_file pe;
    size_t size;
    uint8_t *buf = craft(false, CRAFT_ALL, &size);

    open_ok(&pe, buf, size);
    assert_string_equal(pe_rva_string(&pe, CRAFT_DLLNAME1, 64), "KERNEL32.dll");
    assert_string_equal(pe_rva_string(&pe, CRAFT_DLLNAME1, 12), "KERNEL32.dll");
    assert_null(pe_rva_string(&pe, CRAFT_DLLNAME1, 11));
    assert_null(pe_rva_string(&pe, CRAFT_UNTERMINATED, 1000));
    assert_null(pe_rva_string(&pe, CRAFT_UNTERMINATED + 15, SIZE_MAX));
    assert_null(pe_rva_string(&pe, CRAFT_BSS, 10));
    assert_null(pe_rva_string(&pe, 0x9000, 10));
    assert_string_equal(pe_rva_string(&pe, 0x3ff, 10), "");  /* in the headers */
    assert_ptr_equal(pe_rva_string(&pe, CRAFT_EXPORT_ALPHA, SIZE_MAX),
                     buf + off_of(CRAFT_EXPORT_ALPHA));
    pe_close(&pe);
    free(buf);
}

static void test_imports(void **state)
{
    struct pe_imports im;
    struct pe_file pe;
    size_t size;
    uint8_t *buf = craft(false, CRAFT_ALL, &size);

    for (int variant = 0; variant < 2; variant++) {
        if (variant)  /* no OriginalFirstThunk: the IAT doubles as the lookup table */
            craft_put32(buf, off_of(CRAFT_IMPORT_DESC), 0);
        open_ok(&pe, buf, size);
        memset(&im, 0xff, sizeof(im));
        assert_int_equal(pe_read_imports(&pe, &im), PE_OK);
        assert_int_equal(im.ndlls, 2);
        assert_string_equal(im.dlls[0].name, "KERNEL32.dll");
        assert_ptr_equal(im.dlls[0].name, buf + off_of(CRAFT_DLLNAME1));
        assert_int_equal(im.dlls[0].nfuncs, 2);
        assert_false(im.dlls[0].funcs[0].by_ordinal);
        assert_int_equal(im.dlls[0].funcs[0].hint, 5);
        assert_string_equal(im.dlls[0].funcs[0].name, "ExitProcess");
        assert_int_equal(im.dlls[0].funcs[0].iat_rva, CRAFT_IAT1);
        assert_true(im.dlls[0].funcs[1].by_ordinal);
        assert_int_equal(im.dlls[0].funcs[1].ordinal, 7);
        assert_null(im.dlls[0].funcs[1].name);
        assert_int_equal(im.dlls[0].funcs[1].iat_rva, CRAFT_IAT1 + 8);
        assert_string_equal(im.dlls[1].name, "msvcrt.dll");
        assert_int_equal(im.dlls[1].nfuncs, 1);
        assert_int_equal(im.dlls[1].funcs[0].hint, 0x10);
        assert_string_equal(im.dlls[1].funcs[0].name, "printf");
        assert_int_equal(im.dlls[1].funcs[0].iat_rva, CRAFT_IAT2);
        pe_free_imports(&im);
        assert_int_equal(im.ndlls, 0);
        assert_null(im.dlls);
        pe_close(&pe);
    }
    free(buf);
}

/* The in-place reading of the loader gives what pe_read_exports gives: the same lookups, the
 * same entries and forwarders, and no entry past the table. */
static void test_export_table(void **state)
{
    static const struct { const char *name; long index; } lookups[] = {
        { "alpha", 0 }, { "beta", 3 }, { "gamma", 2 }, { "alph", -1 }, { "alphaa", -1 },
        { "", -1 }, { "zzz", -1 }, { "Alpha", -1 }, { "OTHER.func", -1 },
    };
    static const uint32_t rvas[] = { 0x1010, 0, CRAFT_FORWARDER, 0x1020 };
    struct pe_export_table t;
    struct pe_export_func f;
    struct pe_file pe;
    size_t size;
    uint8_t *buf = craft(false, CRAFT_ALL, &size);

    (void)state;
    open_ok(&pe, buf, size);
    assert_int_equal(pe_open_export_table(&pe, &t), PE_OK);
    assert_int_equal(t.ordinal_base, 1);
    assert_int_equal(t.nfuncs, 4);
    assert_int_equal(t.nnames, 3);
    for (size_t i = 0; i < sizeof(lookups) / sizeof(lookups[0]); i++)
        assert_int_equal(pe_export_table_find(&t, lookups[i].name), lookups[i].index);
    assert_int_equal(pe_export_table_find(&t, NULL), -1);
    assert_int_equal(pe_export_table_find(NULL, "alpha"), -1);
    for (uint32_t i = 0; i < 4; i++) {
        assert_int_equal(pe_export_table_entry(&t, i, &f), PE_OK);
        assert_int_equal(f.rva, rvas[i]);
        if (i == 2)
            assert_string_equal(f.forwarder, "OTHER.func");
        else
            assert_null(f.forwarder);
    }
    assert_int_equal(pe_export_table_entry(&t, 4, &f), PE_ERR_EXPORTS);
    pe_close(&pe);
    free(buf);
}

static void test_exports(void **state)
{
    static const struct { const char *name; long index; } lookups[] = {
        { "alpha", 0 }, { "beta", 3 }, { "gamma", 2 }, { "alph", -1 }, { "alphaa", -1 },
        { "", -1 }, { "zzz", -1 }, { "Alpha", -1 }, { "OTHER.func", -1 },
    };
    struct pe_exports ex;
    struct pe_file pe;
    size_t size;
    uint8_t *buf = craft(false, CRAFT_ALL, &size);

    open_ok(&pe, buf, size);
    memset(&ex, 0xff, sizeof(ex));
    assert_int_equal(pe_read_exports(&pe, &ex), PE_OK);
    assert_string_equal(ex.dll_name, "test.dll");
    assert_int_equal(ex.ordinal_base, 1);
    assert_int_equal(ex.nfuncs, 4);
    assert_int_equal(ex.funcs[0].rva, 0x1010);
    assert_null(ex.funcs[0].forwarder);
    assert_int_equal(ex.funcs[1].rva, 0);
    assert_null(ex.funcs[1].forwarder);
    assert_int_equal(ex.funcs[2].rva, CRAFT_FORWARDER);
    assert_string_equal(ex.funcs[2].forwarder, "OTHER.func");
    assert_int_equal(ex.funcs[3].rva, 0x1020);
    assert_int_equal(ex.nnames, 3);
    assert_string_equal(ex.names[0].name, "alpha");
    assert_int_equal(ex.names[0].index, 0);
    assert_string_equal(ex.names[1].name, "beta");
    assert_int_equal(ex.names[1].index, 3);
    assert_string_equal(ex.names[2].name, "gamma");
    assert_int_equal(ex.names[2].index, 2);
    for (size_t i = 0; i < sizeof(lookups) / sizeof(lookups[0]); i++)
        assert_int_equal(pe_find_export(&ex, lookups[i].name), lookups[i].index);
    assert_int_equal(pe_find_export(&ex, NULL), -1);
    assert_int_equal(pe_find_export(NULL, "alpha"), -1);
    pe_free_exports(&ex);
    assert_null(ex.funcs);
    assert_int_equal(pe_find_export(&ex, "alpha"), -1);
    pe_close(&pe);

    /* Without a Name the DLL name is NULL, not an error. */
    craft_put32(buf, off_of(CRAFT_EXPORT_DIR + 12), 0);
    open_ok(&pe, buf, size);
    assert_int_equal(pe_read_exports(&pe, &ex), PE_OK);
    assert_null(ex.dll_name);
    assert_int_equal(ex.nfuncs, 4);
    pe_free_exports(&ex);
    pe_close(&pe);
    free(buf);
}

struct reloc_log { size_t n, stop_after; unsigned type[8]; uint32_t rva[8]; };

static bool log_reloc(void *ctx, unsigned type, uint32_t rva)
{
    struct reloc_log *log = ctx;

    if (log->n < 8) {
        log->type[log->n] = type;
        log->rva[log->n] = rva;
    }
    return ++log->n != log->stop_after;
}

static void test_relocs(void **state)
{
    static const unsigned types[RELOC_LEN] = {
        PE_REL_BASED_DIR64, PE_REL_BASED_DIR64, PE_REL_BASED_HIGHLOW, PE_REL_BASED_DIR64,
        PE_REL_BASED_DIR64,
    };
    static const uint32_t rvas[RELOC_LEN] = { 0x1010, 0x1018, 0x1020, 0x3030, 0x3038 };
    struct reloc_log log = { 0 };
    struct pe_file pe;
    size_t size;
    uint8_t *buf = craft(false, CRAFT_ALL, &size);

    open_ok(&pe, buf, size);
    assert_int_equal(pe_walk_relocs(&pe, log_reloc, &log), PE_OK);
    assert_int_equal(log.n, RELOC_LEN);  /* the ABSOLUTE padding entry is skipped */
    for (int i = 0; i < RELOC_LEN; i++) {
        assert_int_equal(log.type[i], types[i]);
        assert_int_equal(log.rva[i], rvas[i]);
    }
    memset(&log, 0, sizeof(log));
    log.stop_after = 2;
    assert_int_equal(pe_walk_relocs(&pe, log_reloc, &log), PE_OK);
    assert_int_equal(log.n, 2);
    assert_int_equal(pe_walk_relocs(&pe, NULL, NULL), PE_OK);
    pe_close(&pe);

    /* A bad second block is found before the first block's entries are reported. */
    craft_put32(buf, off_of(CRAFT_RELOC_BLOCK2 + 4), 14);
    open_ok(&pe, buf, size);
    memset(&log, 0, sizeof(log));
    assert_int_equal(pe_walk_relocs(&pe, log_reloc, &log), PE_ERR_RELOCS);
    assert_int_equal(log.n, 0);
    pe_close(&pe);
    free(buf);
}

static void test_tls(void **state)
{
    struct pe_file pe;
    struct pe_tls tls;
    size_t size;
    uint8_t *buf = craft(false, CRAFT_ALL, &size);

    open_ok(&pe, buf, size);
    memset(&tls, 0xff, sizeof(tls));
    assert_int_equal(pe_read_tls(&pe, &tls), PE_OK);
    assert_true(tls.present);
    assert_int_equal(tls.start_va, BASE + CRAFT_TLS_START);
    assert_int_equal(tls.end_va, BASE + CRAFT_TLS_END);
    assert_int_equal(tls.index_va, BASE + CRAFT_TLS_INDEX);
    assert_int_equal(tls.callbacks_va, BASE + CRAFT_TLS_CALLBACKS);
    assert_int_equal(tls.zero_fill, 0x10);
    assert_int_equal(tls.characteristics, 0);
    assert_int_equal(tls.ncallbacks, 2);
    assert_int_equal(tls.callbacks[0], BASE + 0x1030);
    assert_int_equal(tls.callbacks[1], BASE + 0x1040);
    pe_free_tls(&tls);
    assert_null(tls.callbacks);
    pe_close(&pe);

    /* No callback array and no template: present, nothing to call. */
    craft_put64(buf, off_of(CRAFT_TLS_DIR + 24), 0);
    craft_put64(buf, off_of(CRAFT_TLS_DIR), 0);
    craft_put64(buf, off_of(CRAFT_TLS_DIR + 8), 0);
    open_ok(&pe, buf, size);
    assert_int_equal(pe_read_tls(&pe, &tls), PE_OK);
    assert_true(tls.present);
    assert_int_equal(tls.ncallbacks, 0);
    assert_null(tls.callbacks);
    pe_free_tls(&tls);
    pe_close(&pe);
    free(buf);
}

struct res_log { size_t n, stop_after; struct pe_resource res[4]; };

static bool log_resource(void *ctx, const struct pe_resource *res)
{
    struct res_log *log = ctx;

    if (log->n < 4)
        log->res[log->n] = *res;
    return ++log->n != log->stop_after;
}

static void test_resources(void **state)
{
    static const uint16_t mytype[6] = { 'M', 'Y', 'T', 'Y', 'P', 'E' };
    struct res_log log = { 0 };
    struct pe_file pe;
    size_t size;
    uint8_t *buf = craft(false, CRAFT_ALL, &size);

    open_ok(&pe, buf, size);
    assert_int_equal(pe_walk_resources(&pe, log_resource, &log), PE_OK);
    assert_int_equal(log.n, 3);
    assert_non_null(log.res[0].type.name);
    assert_int_equal(log.res[0].type.name_len, 6);
    assert_memory_equal(log.res[0].type.name, mytype, sizeof(mytype));
    assert_ptr_equal(log.res[0].type.name, buf + off_of(CRAFT_RSRC + CRAFT_RES_NAME + 2));
    assert_null(log.res[0].name.name);
    assert_int_equal(log.res[0].name.id, 1);
    assert_int_equal(log.res[0].lang.id, 0x409);
    assert_int_equal(log.res[0].data_rva, CRAFT_RES_BYTES);
    assert_int_equal(log.res[0].data_size, 4);
    assert_int_equal(log.res[0].codepage, 1252);
    for (int i = 1; i < 3; i++) {
        assert_null(log.res[i].type.name);
        assert_int_equal(log.res[i].type.id, 3);
        assert_int_equal(log.res[i].name.id, 7);
        assert_int_equal(log.res[i].lang.id, i == 1 ? 0x407 : 0x409);
        assert_int_equal(log.res[i].data_rva, CRAFT_RES_BYTES + 4 * (uint32_t)i);
        assert_int_equal(log.res[i].codepage, 0);
    }
    memset(&log, 0, sizeof(log));
    log.stop_after = 2;
    assert_int_equal(pe_walk_resources(&pe, log_resource, &log), PE_OK);
    assert_int_equal(log.n, 2);
    assert_int_equal(pe_walk_resources(&pe, NULL, NULL), PE_OK);
    pe_close(&pe);
    free(buf);
}

static void test_pdata(void **state)
{
    const struct pe_runtime_function *rf;
    struct pe_file pe;
    size_t size, count;
    uint8_t *buf = craft(false, CRAFT_ALL, &size);

    open_ok(&pe, buf, size);
    assert_int_equal(pe_read_pdata(&pe, &rf, &count), PE_OK);
    assert_int_equal(count, 3);
    assert_ptr_equal(rf, buf + off_of(CRAFT_PDATA_RVA));
    assert_int_equal(rf[0].begin, 0x1000);
    assert_int_equal(rf[0].end, 0x1010);
    assert_int_equal(rf[0].unwind, CRAFT_UNWIND);
    assert_int_equal(rf[2].begin, 0x1020);
    assert_int_equal(rf[2].end, 0x1050);
    assert_int_equal(rf[2].unwind, CRAFT_UNWIND + 8);
    pe_close(&pe);

    /* Overlapping/unsorted entries: an error, but the table is still handed out. */
    craft_put32(buf, off_of(CRAFT_PDATA_RVA + 12), 0x100c);
    open_ok(&pe, buf, size);
    assert_int_equal(pe_read_pdata(&pe, &rf, &count), PE_ERR_PDATA);
    assert_int_equal(warn_status, PE_ERR_PDATA);
    assert_int_equal(count, 3);
    assert_ptr_equal(rf, buf + off_of(CRAFT_PDATA_RVA));
    pe_close(&pe);
    free(buf);
}

static void test_absent_directories(void **state)
{
    struct pe_file pe;
    size_t size;
    uint8_t *buf = craft(false, 0, &size);
    struct pe_imports im;
    struct pe_exports ex;
    struct pe_tls tls;
    const struct pe_runtime_function *rf;
    size_t n = 0;

    open_ok(&pe, buf, size);
    memset(&im, 0xff, sizeof(im));
    assert_int_equal(pe_read_imports(&pe, &im), PE_OK);
    assert_int_equal(im.ndlls, 0);
    assert_null(im.dlls);
    memset(&ex, 0xff, sizeof(ex));
    assert_int_equal(pe_read_exports(&pe, &ex), PE_OK);
    assert_int_equal(ex.nfuncs, 0);
    assert_null(ex.dll_name);
    memset(&tls, 0xff, sizeof(tls));
    assert_int_equal(pe_read_tls(&pe, &tls), PE_OK);
    assert_false(tls.present);
    assert_int_equal(pe_walk_relocs(&pe, count_reloc, &n), PE_OK);
    assert_int_equal(pe_walk_resources(&pe, touch_resource, &n), PE_OK);
    assert_int_equal(n, 0);
    assert_int_equal(pe_read_pdata(&pe, &rf, &n), PE_OK);
    assert_null(rf);
    assert_int_equal(n, 0);
    pe_close(&pe);
    free(buf);
}

/***********************************************************************
 * Corruptions, one field (or two) at a time
 */

struct patch { bool rva; uint32_t where; unsigned width; uint64_t value; };
struct corruption {
    const char *what;
    enum stage stage;
    enum pe_status expect;
    struct patch p[2];
    const char *msg;  /* if set, the warning must contain it: the row fails for the intended reason */
};
#define F(off, w, v) { false, (off), (w), (v) }
#define R(rva, w, v) { true, (rva), (w), (v) }
#define RES(off, w, v) R(CRAFT_RSRC + (off), w, v)

static const struct corruption corruptions[] = {
    /* DOS and NT headers */
    { "e_magic", ST_OPEN, PE_ERR_NOT_MZ, { F(0, 2, 0x5a4e) }, NULL },
    { "e_lfanew at EOF", ST_OPEN, PE_ERR_BAD_LFANEW, { F(0x3c, 4, CRAFT_FILE_SIZE) }, NULL },
    { "e_lfanew huge", ST_OPEN, PE_ERR_BAD_LFANEW, { F(0x3c, 4, 0xffffffff) }, NULL },
    { "e_lfanew inside the DOS header", ST_OPEN, PE_ERR_BAD_LFANEW, { F(0x3c, 4, 0x20) }, NULL },
    { "e_lfanew 10 bytes before EOF", ST_OPEN, PE_ERR_TRUNCATED, { F(0x3c, 4, CRAFT_FILE_SIZE - 10) }, NULL },
    { "PE signature", ST_OPEN, PE_ERR_NOT_PE, { F(CRAFT_NT, 4, 0x00014550) }, NULL },
    { "NumberOfSections 0xffff", ST_OPEN, PE_ERR_SECTIONS, { F(CRAFT_COFF + 2, 2, 0xffff) }, NULL },
    { "NumberOfSections 97", ST_OPEN, PE_ERR_SECTIONS, { F(CRAFT_COFF + 2, 2, 97) }, NULL },
    { "section table past SizeOfHeaders", ST_OPEN, PE_ERR_IMAGE_SIZE, { F(CRAFT_COFF + 2, 2, 30) }, NULL },
    { "one zeroed section header more", ST_OPEN, PE_ERR_SECTIONS, { F(CRAFT_COFF + 2, 2, 8) }, NULL },
    { "SizeOfOptionalHeader 0", ST_OPEN, PE_ERR_OPTIONAL_HEADER, { F(CRAFT_COFF + 16, 2, 0) }, NULL },
    { "SizeOfOptionalHeader 1", ST_OPEN, PE_ERR_OPTIONAL_HEADER, { F(CRAFT_COFF + 16, 2, 1) }, NULL },
    { "SizeOfOptionalHeader 111", ST_OPEN, PE_ERR_OPTIONAL_HEADER, { F(CRAFT_COFF + 16, 2, 111) }, NULL },
    { "SizeOfOptionalHeader short of 16 dirs", ST_OPEN, PE_ERR_OPTIONAL_HEADER,
      { F(CRAFT_COFF + 16, 2, 232) }, NULL },
    { "SizeOfOptionalHeader past EOF", ST_OPEN, PE_ERR_TRUNCATED, { F(CRAFT_COFF + 16, 2, 0xffff) }, NULL },
    { "optional header magic", ST_OPEN, PE_ERR_OPTIONAL_HEADER, { F(OPT(0), 2, 0x107) }, NULL },
    { "NumberOfRvaAndSizes huge (capped)", ST_OPEN, PE_OK, { F(OPT(108), 4, 0x10000) }, NULL },
    { "NumberOfRvaAndSizes 4 (later directories ignored)", ST_OPEN, PE_OK, { F(OPT(108), 4, 4) }, NULL },
    { "SectionAlignment 0", ST_OPEN, PE_ERR_ALIGNMENT, { F(OPT(32), 4, 0) }, NULL },
    { "SectionAlignment 0x1800", ST_OPEN, PE_ERR_ALIGNMENT, { F(OPT(32), 4, 0x1800) }, NULL },
    { "SectionAlignment 0x800 != FileAlignment", ST_OPEN, PE_ERR_ALIGNMENT, { F(OPT(32), 4, 0x800) }, NULL },
    { "FileAlignment 0", ST_OPEN, PE_ERR_ALIGNMENT, { F(OPT(36), 4, 0) }, NULL },
    { "FileAlignment 0x300", ST_OPEN, PE_ERR_ALIGNMENT, { F(OPT(36), 4, 0x300) }, NULL },
    { "FileAlignment > SectionAlignment", ST_OPEN, PE_ERR_ALIGNMENT, { F(OPT(36), 4, 0x2000) }, NULL },
    { "SizeOfImage 0", ST_OPEN, PE_ERR_IMAGE_SIZE, { F(OPT(56), 4, 0) }, NULL },
    { "SizeOfHeaders 0", ST_OPEN, PE_ERR_IMAGE_SIZE, { F(OPT(60), 4, 0) }, NULL },
    { "SizeOfHeaders > SizeOfImage", ST_OPEN, PE_ERR_IMAGE_SIZE, { F(OPT(60), 4, 0x9000) }, NULL },
    { "SizeOfHeaders below the section table", ST_OPEN, PE_ERR_IMAGE_SIZE, { F(OPT(60), 4, 0x200) }, NULL },
    { "SizeOfHeaders into .text", ST_OPEN, PE_ERR_SECTIONS, { F(OPT(60), 4, 0x1001) }, NULL },
    { "SizeOfImage cuts .bss", ST_OPEN, PE_ERR_SECTIONS, { F(OPT(56), 4, 0x70ff) }, NULL },
    { "SizeOfImage just holds .bss", ST_OPEN, PE_OK, { F(OPT(56), 4, 0x7100) }, NULL },
    { "entry point at SizeOfImage", ST_OPEN, PE_ERR_RVA, { F(OPT(16), 4, CRAFT_IMAGE_SIZE) }, NULL },
    /* Section table */
    { ".rdata at .text's address", ST_OPEN, PE_ERR_SECTIONS, { F(SEC(1, 12), 4, 0x1000) }, NULL },
    { ".rdata unaligned", ST_OPEN, PE_ERR_SECTIONS, { F(SEC(1, 12), 4, 0x2010) }, NULL },
    { ".text at RVA 0 (headers)", ST_OPEN, PE_ERR_SECTIONS, { F(SEC(0, 12), 4, 0) }, NULL },
    { ".text VirtualSize into .rdata", ST_OPEN, PE_ERR_SECTIONS, { F(SEC(0, 8), 4, 0x1001) }, NULL },
    { ".text VirtualSize up to .rdata", ST_OPEN, PE_OK, { F(SEC(0, 8), 4, 0x1000) }, NULL },
    { ".text VirtualSize wraps", ST_OPEN, PE_ERR_SECTIONS, { F(SEC(0, 8), 4, 0xfffff000) }, NULL },
    { ".bss VirtualAddress wraps", ST_OPEN, PE_ERR_SECTIONS, { F(SEC(6, 12), 4, 0xfffff000) }, NULL },
    { "sections out of order", ST_OPEN, PE_ERR_SECTIONS,
      { F(SEC(2, 12), 4, 0x4000), F(SEC(3, 12), 4, 0x3000) }, NULL },
    { ".reloc raw data at EOF", ST_OPEN, PE_ERR_SECTIONS, { F(SEC(5, 20), 4, CRAFT_FILE_SIZE) }, NULL },
    { ".reloc raw data far past EOF", ST_OPEN, PE_ERR_SECTIONS, { F(SEC(5, 20), 4, 0xfffffe00) }, NULL },
    { ".reloc raw size past EOF (clipped)", ST_OPEN, PE_OK, { F(SEC(5, 16), 4, 0xfffffff0) }, NULL },
    { ".bss raw offset past EOF, no raw data", ST_OPEN, PE_OK, { F(SEC(6, 20), 4, 0x100000) }, NULL },
    { ".data VirtualSize 0 (uses raw size)", ST_OPEN, PE_OK, { F(SEC(2, 8), 4, 0) }, NULL },
    /* Data directories */
    { "export directory wraps", ST_OPEN, PE_ERR_DATA_DIRECTORY, { F(DIR_SIZE(0), 4, 0xffffffff) }, NULL },
    { "reloc directory past SizeOfImage", ST_OPEN, PE_ERR_DATA_DIRECTORY, { F(DIR_RVA(5), 4, 0x7ff0) }, NULL },
    { "debug directory past SizeOfImage", ST_OPEN, PE_ERR_DATA_DIRECTORY,
      { F(DIR_RVA(6), 4, 0x9000), F(DIR_SIZE(6), 4, 28) }, NULL },
    { "security directory is a file offset", ST_OPEN, PE_OK,
      { F(DIR_RVA(4), 4, 0x100000), F(DIR_SIZE(4), 4, 0x1000) }, NULL },
    { "directory of size 0 ignored", ST_OPEN, PE_OK, { F(DIR_RVA(6), 4, 0xfffffff0) }, NULL },
    /* Imports */
    { "DLL name outside the image", ST_IMPORTS, PE_ERR_IMPORTS, { R(CRAFT_IMPORT_DESC + 12, 4, 0x9000) }, NULL },
    { "DLL name in .bss", ST_IMPORTS, PE_ERR_IMPORTS, { R(CRAFT_IMPORT_DESC + 12, 4, CRAFT_BSS) }, NULL },
    { "DLL name unterminated", ST_IMPORTS, PE_ERR_STRING,
      { R(CRAFT_IMPORT_DESC + 12, 4, CRAFT_UNTERMINATED) }, NULL },
    { "lookup table outside the image", ST_IMPORTS, PE_ERR_IMPORTS, { R(CRAFT_IMPORT_DESC, 4, 0x9000) }, NULL },
    { "lookup table not terminated", ST_IMPORTS, PE_ERR_IMPORTS,
      { R(CRAFT_IMPORT_DESC, 4, CRAFT_ORD_THUNKS) }, "not terminated" },
    { "second lookup table not terminated", ST_IMPORTS, PE_ERR_IMPORTS,
      { R(CRAFT_IMPORT_DESC + 20, 4, CRAFT_ORD_THUNKS) }, NULL },
    { "hint/name outside the image", ST_IMPORTS, PE_ERR_IMPORTS, { R(CRAFT_ILT1, 8, 0x9000) }, NULL },
    { "name starts at the end of .rdata", ST_IMPORTS, PE_ERR_IMPORTS, { R(CRAFT_ILT1, 8, 0x27fe) }, NULL },
    { "function name unterminated", ST_IMPORTS, PE_ERR_STRING,
      { R(CRAFT_ILT1, 8, CRAFT_UNTERMINATED - 2) }, NULL },
    { "name thunk reserved bits", ST_IMPORTS, PE_ERR_IMPORTS,
      { R(CRAFT_ILT1, 8, 0x100000000ull | CRAFT_HINTNAME1) }, "reserved" },
    { "name thunk bit 31", ST_IMPORTS, PE_ERR_IMPORTS, { R(CRAFT_ILT1, 8, 0x80000000ull | CRAFT_HINTNAME1) }, "reserved" },
    { "ordinal thunk reserved bits", ST_IMPORTS, PE_ERR_IMPORTS,
      { R(CRAFT_ILT1 + 8, 8, (1ull << 63) | 0x10007) }, "reserved" },
    { "IAT past SizeOfImage", ST_IMPORTS, PE_ERR_IMPORTS, { R(CRAFT_IMPORT_DESC + 16, 4, 0x7ff4) }, "IAT" },
    { "IAT ends at SizeOfImage", ST_IMPORTS, PE_OK, { R(CRAFT_IMPORT_DESC + 16, 4, 0x7ff0) }, NULL },
    { "descriptors run out of .rdata", ST_IMPORTS, PE_ERR_IMPORTS, { F(DIR_RVA(1), 4, 0x27ec) }, NULL },
    { "descriptors in .bss", ST_IMPORTS, PE_ERR_IMPORTS, { F(DIR_RVA(1), 4, CRAFT_BSS) }, NULL },
    /* Exports */
    { "directory Size < 40", ST_EXPORTS, PE_ERR_EXPORTS, { F(DIR_SIZE(0), 4, 39) }, NULL },
    { "directory in .bss", ST_EXPORTS, PE_ERR_EXPORTS, { F(DIR_RVA(0), 4, CRAFT_BSS) }, NULL },
    { "NumberOfFunctions over the cap", ST_EXPORTS, PE_ERR_EXPORTS, { R(CRAFT_EXPORT_DIR + 20, 4, 0x10001) }, NULL },
    { "NumberOfFunctions past .rdata", ST_EXPORTS, PE_ERR_EXPORTS, { R(CRAFT_EXPORT_DIR + 20, 4, 0x1000) }, NULL },
    { "AddressOfFunctions outside", ST_EXPORTS, PE_ERR_EXPORTS, { R(CRAFT_EXPORT_DIR + 28, 4, 0x9000) }, NULL },
    { "NumberOfNames past .rdata", ST_EXPORTS, PE_ERR_EXPORTS, { R(CRAFT_EXPORT_DIR + 24, 4, 0x1000) }, NULL },
    { "NumberOfNames huge", ST_EXPORTS, PE_ERR_EXPORTS, { R(CRAFT_EXPORT_DIR + 24, 4, 0xffffffff) }, NULL },
    { "AddressOfNames outside", ST_EXPORTS, PE_ERR_EXPORTS, { R(CRAFT_EXPORT_DIR + 32, 4, 0x9000) }, NULL },
    { "AddressOfNameOrdinals outside", ST_EXPORTS, PE_ERR_EXPORTS, { R(CRAFT_EXPORT_DIR + 36, 4, 0x9000) }, NULL },
    { "name index = NumberOfFunctions", ST_EXPORTS, PE_ERR_EXPORTS, { R(CRAFT_EXPORT_ORDS + 2, 2, 4) }, NULL },
    { "name index of an unused slot", ST_EXPORTS, PE_OK, { R(CRAFT_EXPORT_ORDS + 2, 2, 1) }, NULL },
    { "names not sorted", ST_EXPORTS, PE_ERR_EXPORTS,
      { R(CRAFT_EXPORT_NAMES, 4, CRAFT_EXPORT_BETA), R(CRAFT_EXPORT_NAMES + 4, 4, CRAFT_EXPORT_ALPHA) }, "sorted" },
    { "name outside", ST_EXPORTS, PE_ERR_EXPORTS, { R(CRAFT_EXPORT_NAMES + 8, 4, 0x9000) }, NULL },
    { "name unterminated", ST_EXPORTS, PE_ERR_STRING, { R(CRAFT_EXPORT_NAMES + 8, 4, CRAFT_UNTERMINATED) }, NULL },
    { "function at SizeOfImage", ST_EXPORTS, PE_ERR_EXPORTS, { R(CRAFT_EXPORT_FUNCS, 4, CRAFT_IMAGE_SIZE) }, NULL },
    { "function at the last image byte", ST_EXPORTS, PE_OK, { R(CRAFT_EXPORT_FUNCS, 4, CRAFT_IMAGE_SIZE - 1) }, NULL },
    { "forwarder without a dot", ST_EXPORTS, PE_ERR_EXPORTS, { R(CRAFT_FORWARDER + 5, 1, '_') }, "forwarder" },
    { "forwarder by ordinal", ST_EXPORTS, PE_OK, { R(CRAFT_FORWARDER + 6, 4, 0x003231 /* "12" */) }, NULL },
    { "DLL name outside", ST_EXPORTS, PE_ERR_EXPORTS, { R(CRAFT_EXPORT_DIR + 12, 4, 0x9000) }, NULL },
    { "DLL name unterminated", ST_EXPORTS, PE_ERR_STRING, { R(CRAFT_EXPORT_DIR + 12, 4, CRAFT_UNTERMINATED) }, NULL },
    /* Base relocations */
    { "SizeOfBlock 0", ST_RELOCS, PE_ERR_RELOCS, { R(CRAFT_RELOC + 4, 4, 0) }, NULL },
    { "SizeOfBlock 4", ST_RELOCS, PE_ERR_RELOCS, { R(CRAFT_RELOC + 4, 4, 4) }, NULL },
    { "SizeOfBlock odd", ST_RELOCS, PE_ERR_RELOCS, { R(CRAFT_RELOC + 4, 4, 15) }, NULL },
    { "SizeOfBlock odd, last block", ST_RELOCS, PE_ERR_RELOCS,
      { R(CRAFT_RELOC_BLOCK2 + 4, 4, 13), F(DIR_SIZE(5), 4, 29) }, "SizeOfBlock 0xd" },
    { "SizeOfBlock past the directory", ST_RELOCS, PE_ERR_RELOCS, { R(CRAFT_RELOC_BLOCK2 + 4, 4, 14) }, "SizeOfBlock" },
    { "SizeOfBlock huge", ST_RELOCS, PE_ERR_RELOCS, { R(CRAFT_RELOC + 4, 4, 0xfffffffe) }, NULL },
    { "stray bytes after the blocks", ST_RELOCS, PE_ERR_RELOCS, { F(DIR_SIZE(5), 4, 30) }, "stray" },
    { "entry past SizeOfImage", ST_RELOCS, PE_ERR_RELOCS, { R(CRAFT_RELOC_BLOCK2, 4, 0x7fd0) }, "outside SizeOfImage" },
    { "DIR64 entry 4 bytes short of room", ST_RELOCS, PE_ERR_RELOCS,
      { R(CRAFT_RELOC_BLOCK2, 4, 0x7fcc), R(CRAFT_RELOC_BLOCK2 + 10, 2, 0) }, "RVA 0x7ffc" },
    { "entry ending at SizeOfImage", ST_RELOCS, PE_OK, { R(CRAFT_RELOC_BLOCK2, 4, 0x7fc0) }, NULL },
    { "page RVA wraps", ST_RELOCS, PE_ERR_RELOCS, { R(CRAFT_RELOC_BLOCK2, 4, 0xfffffff0) }, NULL },
    { "HIGHADJ", ST_RELOCS, PE_ERR_RELOCS, { R(CRAFT_RELOC + 14, 2, 0x4000) }, "unsupported" },
    { "type 11", ST_RELOCS, PE_ERR_RELOCS, { R(CRAFT_RELOC + 14, 2, 0xb000) }, NULL },
    { "HIGH and LOW", ST_RELOCS, PE_OK, { R(CRAFT_RELOC + 14, 2, 0x1100), R(CRAFT_RELOC + 8, 2, 0x2010) }, NULL },
    { "directory in .bss", ST_RELOCS, PE_ERR_RELOCS, { F(DIR_RVA(5), 4, CRAFT_BSS) }, NULL },
    /* TLS */
    { "directory too small", ST_TLS, PE_ERR_TLS, { F(DIR_SIZE(9), 4, 39) }, NULL },
    { "directory in .bss", ST_TLS, PE_ERR_TLS, { F(DIR_RVA(9), 4, CRAFT_BSS) }, NULL },
    { "template start below ImageBase", ST_TLS, PE_ERR_TLS, { R(CRAFT_TLS_DIR, 8, 0x3000) }, NULL },
    { "template end before start", ST_TLS, PE_ERR_TLS, { R(CRAFT_TLS_DIR + 8, 8, BASE + 0x2fff) }, "template" },
    { "template end past the image", ST_TLS, PE_ERR_TLS, { R(CRAFT_TLS_DIR + 8, 8, BASE + 0x8001) }, NULL },
    { "template end at the image end", ST_TLS, PE_OK, { R(CRAFT_TLS_DIR + 8, 8, BASE + 0x8000) }, NULL },
    { "template end 2^64-1", ST_TLS, PE_ERR_TLS, { R(CRAFT_TLS_DIR + 8, 8, UINT64_MAX) }, NULL },
    { "index slot past the image", ST_TLS, PE_ERR_TLS, { R(CRAFT_TLS_DIR + 16, 8, BASE + 0x7ffd) }, NULL },
    { "callback array outside", ST_TLS, PE_ERR_TLS, { R(CRAFT_TLS_DIR + 24, 8, BASE + 0x9000) }, NULL },
    { "callback array in .bss", ST_TLS, PE_ERR_TLS, { R(CRAFT_TLS_DIR + 24, 8, BASE + CRAFT_BSS) }, NULL },
    { "callback array not terminated", ST_TLS, PE_ERR_TLS,
      { R(CRAFT_TLS_DIR + 24, 8, BASE + CRAFT_NONNULL_PTRS) }, "not terminated" },
    { "callback outside the image", ST_TLS, PE_ERR_TLS, { R(CRAFT_TLS_CALLBACKS + 8, 8, BASE + 0x8000) }, NULL },
    { "callback below ImageBase", ST_TLS, PE_ERR_TLS, { R(CRAFT_TLS_CALLBACKS, 8, 0x1030) }, NULL },
    /* Resources */
    { "root entry count past the directory", ST_RESOURCES, PE_ERR_RESOURCES,
      { RES(CRAFT_RES_ROOT + 14, 2, 0xffff) }, NULL },
    { "subdirectory past the directory", ST_RESOURCES, PE_ERR_RESOURCES,
      { RES(CRAFT_RES_ROOT + 20, 4, SUB | CRAFT_RSRC_SIZE) }, NULL },
    { "subdirectory offset huge", ST_RESOURCES, PE_ERR_RESOURCES, { RES(CRAFT_RES_ROOT + 20, 4, 0xffffffff) }, NULL },
    { "loop back to the root", ST_RESOURCES, PE_ERR_RESOURCES,
      { RES(CRAFT_RES_DIR_A + 20, 4, SUB | CRAFT_RES_ROOT) }, "overlaps" },
    { "directory points at itself", ST_RESOURCES, PE_ERR_RESOURCES,
      { RES(CRAFT_RES_DIR_A + 20, 4, SUB | CRAFT_RES_DIR_A) }, "overlaps" },
    { "shared subdirectory", ST_RESOURCES, PE_ERR_RESOURCES,
      { RES(CRAFT_RES_DIR_B + 20, 4, SUB | CRAFT_RES_DIR_A1) }, "overlaps" },
    { "fourth level", ST_RESOURCES, PE_ERR_RESOURCES,
      { RES(CRAFT_RES_DIR_A1 + 20, 4, SUB | 0x88) }, "deeper" },
    { "leaf at the type level", ST_RESOURCES, PE_ERR_RESOURCES,
      { RES(CRAFT_RES_ROOT + 28, 4, CRAFT_RES_DATA1) }, "level 0" },
    { "leaf at the name level", ST_RESOURCES, PE_ERR_RESOURCES,
      { RES(CRAFT_RES_DIR_B + 20, 4, CRAFT_RES_DATA1) }, "level 1" },
    { "data entry past the directory", ST_RESOURCES, PE_ERR_RESOURCES,
      { RES(CRAFT_RES_DIR_A1 + 20, 4, CRAFT_RSRC_SIZE - 8) }, NULL },
    { "data past SizeOfImage", ST_RESOURCES, PE_ERR_RESOURCES, { RES(CRAFT_RES_DATA0, 4, 0x7ffd) }, NULL },
    { "data ending at SizeOfImage", ST_RESOURCES, PE_OK, { RES(CRAFT_RES_DATA0, 4, 0x7ffc) }, NULL },
    { "data size wraps", ST_RESOURCES, PE_ERR_RESOURCES, { RES(CRAFT_RES_DATA0 + 4, 4, 0xffffffff) }, NULL },
    { "name past the directory", ST_RESOURCES, PE_ERR_RESOURCES,
      { RES(CRAFT_RES_ROOT + 16, 4, SUB | (CRAFT_RSRC_SIZE - 1)) }, NULL },
    { "name length past the directory", ST_RESOURCES, PE_ERR_RESOURCES, { RES(CRAFT_RES_NAME, 2, 0x7fff) }, NULL },
    { "name misaligned", ST_RESOURCES, PE_ERR_RESOURCES, { RES(CRAFT_RES_ROOT + 16, 4, SUB | 0x89) }, "misaligned" },
    { "empty name", ST_RESOURCES, PE_OK, { RES(CRAFT_RES_ROOT + 16, 4, SUB | 0x88) }, NULL },
    { "directory past the raw data", ST_RESOURCES, PE_ERR_RESOURCES, { F(DIR_SIZE(2), 4, 0x300) }, NULL },
    /* .pdata */
    { "begin == end", ST_PDATA, PE_ERR_PDATA, { R(CRAFT_PDATA_RVA + 4, 4, 0x1000) }, NULL },
    { "end past the image", ST_PDATA, PE_ERR_PDATA, { R(CRAFT_PDATA_RVA + 28, 4, 0x8001) }, NULL },
    { "end at the image end", ST_PDATA, PE_OK, { R(CRAFT_PDATA_RVA + 28, 4, 0x8000) }, NULL },
    { "unwind info past the image", ST_PDATA, PE_ERR_PDATA, { R(CRAFT_PDATA_RVA + 8, 4, 0x7ffe) }, NULL },
    { "unwind info ending at the image end", ST_PDATA, PE_OK, { R(CRAFT_PDATA_RVA + 8, 4, 0x7ffc) }, NULL },
    { "overlapping entries", ST_PDATA, PE_ERR_PDATA, { R(CRAFT_PDATA_RVA + 12, 4, 0x100c) }, "sorted" },
    { "size not a multiple of 12", ST_PDATA, PE_ERR_PDATA, { F(DIR_SIZE(3), 4, 30) }, NULL },
    { "directory past the raw data", ST_PDATA, PE_ERR_PDATA, { F(DIR_SIZE(3), 4, 0x300) }, NULL },
    { "table misaligned in memory", ST_PDATA, PE_ERR_PDATA, { F(SEC(3, 20), 4, 0x1002) }, "misaligned" },
    { "i386 machine", ST_PDATA, PE_ERR_PDATA, { F(CRAFT_COFF, 2, PE_MACHINE_I386) }, NULL },
};

static void apply(uint8_t *buf, const struct patch *p)
{
    size_t off = p->rva ? off_of(p->where) : p->where;

    assert_true(off + p->width <= CRAFT_FILE_SIZE);
    for (unsigned i = 0; i < p->width; i++)
        buf[off + i] = (uint8_t)(p->value >> (8 * i));
}

static const char *const stage_names[ST_COUNT] = {
    "open", "imports", "exports", "relocs", "tls", "resources", "pdata",
};

static void test_corruptions(void **state)
{
    for (size_t i = 0; i < sizeof(corruptions) / sizeof(corruptions[0]); i++) {
        const struct corruption *c = &corruptions[i];
        enum pe_status got;
        struct pe_file pe;
        size_t size;
        uint8_t *buf = craft(false, CRAFT_ALL, &size);

        for (int j = 0; j < 2; j++)
            if (c->p[j].width)
                apply(buf, &c->p[j]);
        reset_warn();
        got = pe_open(&pe, buf, size);
        if (c->stage != ST_OPEN || c->expect == PE_OK) {
            if (got != PE_OK)
                fail_msg("%s/%s: pe_open: %s (%s)", stage_names[c->stage], c->what,
                         pe_strerror(got), warn_msg);
            for (enum stage s = ST_IMPORTS; s < ST_COUNT; s++) {
                enum pe_status want = s == c->stage ? c->expect : PE_OK;

                reset_warn();
                got = run_stage(&pe, s);
                if (got != want)
                    fail_msg("%s/%s: %s gave \"%s\" instead of \"%s\" (%s)", stage_names[c->stage],
                             c->what, stage_names[s], pe_strerror(got), pe_strerror(want), warn_msg);
                if (got != PE_OK && (warn_count != 1 || warn_status != got))
                    fail_msg("%s/%s: %d warnings, last %d", stage_names[c->stage], c->what,
                             warn_count, warn_status);
                if (s == c->stage && c->msg && !strstr(warn_msg, c->msg))
                    fail_msg("%s/%s: warning \"%s\" lacks \"%s\"", stage_names[c->stage], c->what,
                             warn_msg, c->msg);
            }
            pe_close(&pe);
        } else {
            if (got != c->expect)
                fail_msg("open/%s: got \"%s\" instead of \"%s\" (%s)", c->what, pe_strerror(got),
                         pe_strerror(c->expect), warn_msg);
            if (warn_count != 1 || warn_status != got)
                fail_msg("open/%s: %d warnings, last %d", c->what, warn_count, warn_status);
            assert_null(pe.sections);
            assert_int_equal(pe.nsections, 0);
        }
        free(buf);
    }
}

/* Layout facts some rows rely on, checked here so that a change of craft.c cannot turn a row
 * into one that passes for another reason. */
static void test_corruption_premises(void **state)
{
    struct pe_file pe;
    size_t size, n = 0;
    uint8_t *buf = craft(false, CRAFT_ALL, &size);

    open_ok(&pe, buf, size);
    /* the ordinal thunks really run up to the end of .rdata's raw data */
    assert_int_equal(pe.sections[1].virtual_address + pe.sections[1].raw_size, 0x2800);
    assert_non_null(pe_rva_ptr(&pe, 0x27f8, 8));
    assert_null(pe_rva_ptr(&pe, 0x27f8, 9));
    /* the unterminated run fills .text to its virtual end */
    assert_null(memchr(buf + off_of(CRAFT_UNTERMINATED), 0, 16));
    assert_int_equal(CRAFT_UNTERMINATED + 16, pe.sections[0].virtual_address + pe.sections[0].virtual_size);
    /* the spare resource bytes used for the empty/misaligned names are zero */
    for (unsigned i = 0x88; i < CRAFT_RES_DATA0; i++)
        assert_int_equal(buf[off_of(CRAFT_RSRC + i)], 0);
    assert_int_equal((uintptr_t)(buf + off_of(CRAFT_RSRC)) % 2, 0);
    assert_int_equal(pe_walk_resources(&pe, touch_resource, &n), PE_OK);
    pe_close(&pe);
    free(buf);
}

/***********************************************************************
 * Truncation, allocation failure, limits
 */

static void run_all(const struct pe_file *pe)
{
    for (enum stage s = ST_IMPORTS; s < ST_COUNT; s++)
        run_stage(pe, s);
}

static void test_truncation(void **state)
{
    /* pe_open's verdict on the first len bytes of the PE32+ image, by range of len. */
    static const struct { size_t below; enum pe_status status; } verdicts[] = {
        { 0x40, PE_ERR_TRUNCATED },             /* DOS header incomplete */
        { 0x41, PE_ERR_BAD_LFANEW },            /* e_lfanew == file size */
        { 0x148, PE_ERR_TRUNCATED },            /* NT headers incomplete */
        { 0x1401, PE_ERR_SECTIONS },            /* section table, then raw data, past EOF */
        { CRAFT_FILE_SIZE + 1, PE_OK },         /* only .reloc clipped */
    };

    for (int pe32 = 0; pe32 < 2; pe32++) {
        size_t size, v = 0;
        uint8_t *full = craft(pe32, CRAFT_ALL, &size);

        for (size_t len = 0; len <= size; len++) {
            uint8_t *buf = malloc(len ? len : 1);
            struct pe_file pe;
            enum pe_status st;

            assert_non_null(buf);
            memcpy(buf, full, len);
            st = pe_open(&pe, buf, len);
            while (len >= verdicts[v].below)
                v++;
            if (!pe32 && st != verdicts[v].status)
                fail_msg("len %#zx: %s, expected %s", len, pe_strerror(st),
                         pe_strerror(verdicts[v].status));
            if (len <= 0x1400)
                assert_int_not_equal(st, PE_OK);
            if (st == PE_OK) {
                size_t n = 0;

                assert_int_equal(pe.sections[5].raw_size, len - 0x1400);
                assert_int_equal(pe_walk_relocs(&pe, count_reloc, &n),
                                 len < 0x1400 + CRAFT_RELOC_SIZE ? PE_ERR_RELOCS : PE_OK);
                run_all(&pe);
                pe_close(&pe);
            }
            free(buf);
        }
        free(full);
    }
}

static void test_nomem(void **state)
{
    size_t size;
    uint8_t *buf;
    int injected = 0;

    if (!__real_calloc)
        skip();  /* built without -Wl,--wrap=calloc */
    buf = craft(false, CRAFT_ALL, &size);
    for (long k = 0;; k++) {
        enum pe_status st[ST_COUNT];
        struct pe_file pe;
        bool hit;

        calloc_failures = 0;
        calloc_countdown = k;
        st[ST_OPEN] = pe_open(&pe, buf, size);
        for (enum stage s = ST_IMPORTS; s < ST_COUNT; s++)
            st[s] = st[ST_OPEN] ? PE_OK : run_stage(&pe, s);
        calloc_countdown = -1;
        hit = calloc_failures > 0;
        pe_close(&pe);
        for (enum stage s = ST_OPEN; s < ST_COUNT; s++)
            assert_true(st[s] == PE_OK || st[s] == PE_ERR_NOMEM);
        if (!hit) {
            for (enum stage s = ST_OPEN; s < ST_COUNT; s++)
                assert_int_equal(st[s], PE_OK);
            break;
        }
        assert_true(st[ST_OPEN] == PE_ERR_NOMEM || st[ST_IMPORTS] == PE_ERR_NOMEM ||
                    st[ST_EXPORTS] == PE_ERR_NOMEM || st[ST_TLS] == PE_ERR_NOMEM ||
                    st[ST_RESOURCES] == PE_ERR_NOMEM);
        injected++;
    }
    /* sections, DLL array, 2 function arrays, exports funcs+names, TLS callbacks, 2 resource walks */
    assert_int_equal(injected, 9);
    free(buf);
}

/* Appends a section ".big" of vsize bytes at RVA 0x8000 (raw data at the old end of the file,
 * zeroed) and grows SizeOfImage to cover it. */
#define BIG_RVA 0x8000u
static uint8_t *add_big_section(uint8_t *buf, size_t *size, uint32_t vsize)
{
    uint32_t raw = (vsize + 0x1ff) & ~0x1ffu;
    size_t hdr = SEC(CRAFT_NSECTIONS, 0);

    buf = realloc(buf, CRAFT_FILE_SIZE + raw);
    assert_non_null(buf);
    memset(buf + CRAFT_FILE_SIZE, 0, raw);
    memcpy(buf + hdr, ".big", 4);
    craft_put32(buf, hdr + 8, vsize);
    craft_put32(buf, hdr + 12, BIG_RVA);
    craft_put32(buf, hdr + 16, raw);
    craft_put32(buf, hdr + 20, CRAFT_FILE_SIZE);
    craft_put32(buf, hdr + 36, PE_SCN_CNT_INITIALIZED | PE_SCN_MEM_READ);
    craft_put16(buf, CRAFT_COFF + 2, CRAFT_NSECTIONS + 1);
    craft_put32(buf, OPT(56), BIG_RVA + ((vsize + 0xfff) & ~0xfffu));
    *size = CRAFT_FILE_SIZE + raw;
    return buf;
}

static size_t big_off(uint32_t rva)
{
    return CRAFT_FILE_SIZE + (rva - BIG_RVA);
}

static void test_limit_import_dlls(void **state)
{
    for (uint32_t n = 4096; n <= 4097; n++) {
        struct pe_imports im;
        struct pe_file pe;
        size_t size;
        uint8_t *buf = add_big_section(craft(false, CRAFT_ALL, &size), &size, 20 * (n + 1));

        for (uint32_t i = 0; i < n; i++) {
            craft_put32(buf, big_off(BIG_RVA + 20 * i), CRAFT_ILT2);
            craft_put32(buf, big_off(BIG_RVA + 20 * i + 12), CRAFT_DLLNAME2);
            craft_put32(buf, big_off(BIG_RVA + 20 * i + 16), CRAFT_IAT2);
        }
        craft_put32(buf, DIR_RVA(1), BIG_RVA);
        craft_put32(buf, DIR_SIZE(1), 20 * (n + 1));
        open_ok(&pe, buf, size);
        assert_int_equal(pe_read_imports(&pe, &im), n <= 4096 ? PE_OK : PE_ERR_IMPORTS);
        assert_int_equal(im.ndlls, n <= 4096 ? n : 0);
        pe_free_imports(&im);
        pe_close(&pe);
        free(buf);
    }
}

static void test_limit_import_funcs(void **state)
{
    for (uint32_t n = 65536; n <= 65537; n++) {
        struct pe_imports im;
        struct pe_file pe;
        size_t size;
        uint8_t *buf = add_big_section(craft(false, CRAFT_ALL, &size), &size, 0x100 + 8 * (n + 1));

        craft_put32(buf, big_off(BIG_RVA + 12), CRAFT_DLLNAME1);   /* no lookup table: IAT only */
        craft_put32(buf, big_off(BIG_RVA + 16), BIG_RVA + 0x100);
        for (uint32_t i = 0; i < n; i++)
            craft_put64(buf, big_off(BIG_RVA + 0x100 + 8 * i), (1ull << 63) | (i & 0xffff));
        craft_put32(buf, DIR_RVA(1), BIG_RVA);
        craft_put32(buf, DIR_SIZE(1), 40);
        open_ok(&pe, buf, size);
        assert_int_equal(pe_read_imports(&pe, &im), n <= 65536 ? PE_OK : PE_ERR_IMPORTS);
        if (n <= 65536) {
            assert_int_equal(im.dlls[0].nfuncs, n);
            assert_int_equal(im.dlls[0].funcs[n - 1].ordinal, (n - 1) & 0xffff);
            assert_int_equal(im.dlls[0].funcs[n - 1].iat_rva, BIG_RVA + 0x100 + 8 * (n - 1));
        }
        pe_free_imports(&im);
        pe_close(&pe);
        free(buf);
    }
}

static void test_limit_exports(void **state)
{
    for (uint32_t n = 65536; n <= 65537; n++) {
        struct pe_exports ex;
        struct pe_file pe;
        size_t size;
        uint8_t *buf = add_big_section(craft(false, CRAFT_ALL, &size), &size, 4 * n);

        for (uint32_t i = 0; i < n; i++)
            craft_put32(buf, big_off(BIG_RVA + 4 * i), 0x1000 + (i & 0xff));
        craft_put32(buf, off_of(CRAFT_EXPORT_DIR + 20), n);
        craft_put32(buf, off_of(CRAFT_EXPORT_DIR + 28), BIG_RVA);
        open_ok(&pe, buf, size);
        assert_int_equal(pe_read_exports(&pe, &ex), n <= 65536 ? PE_OK : PE_ERR_EXPORTS);
        assert_int_equal(ex.nfuncs, n <= 65536 ? n : 0);
        pe_free_exports(&ex);
        pe_close(&pe);
        free(buf);
    }
}

static void test_limit_tls_callbacks(void **state)
{
    for (uint32_t n = 1024; n <= 1025; n++) {
        struct pe_file pe;
        struct pe_tls tls;
        size_t size;
        uint8_t *buf = add_big_section(craft(false, CRAFT_ALL, &size), &size, 8 * (n + 1));

        for (uint32_t i = 0; i < n; i++)
            craft_put64(buf, big_off(BIG_RVA + 8 * i), BASE + 0x1000 + i % 0x100);
        craft_put64(buf, off_of(CRAFT_TLS_DIR + 24), BASE + BIG_RVA);
        open_ok(&pe, buf, size);
        assert_int_equal(pe_read_tls(&pe, &tls), n <= 1024 ? PE_OK : PE_ERR_TLS);
        assert_int_equal(tls.ncallbacks, n <= 1024 ? n : 0);
        pe_free_tls(&tls);
        pe_close(&pe);
        free(buf);
    }
}

/* A wide, valid resource tree: 2000 types of one name and one language each. */
static void test_resource_many_entries(void **state)
{
    const uint32_t types = 2000, root_len = 16 + 8 * types;
    const uint32_t sub_len = 16 + 8, data = root_len + 2 * types * sub_len;
    const uint32_t total = data + 16;
    size_t size, n = 0;
    struct pe_file pe;
    uint8_t *buf = add_big_section(craft(false, CRAFT_ALL, &size), &size, total);

    craft_put16(buf, big_off(BIG_RVA + 14), (uint16_t)types);
    for (uint32_t t = 0; t < types; t++) {
        uint32_t name_dir = root_len + 2 * t * sub_len, lang_dir = name_dir + sub_len;

        craft_put32(buf, big_off(BIG_RVA + 16 + 8 * t), t + 1);
        craft_put32(buf, big_off(BIG_RVA + 20 + 8 * t), SUB | name_dir);
        craft_put16(buf, big_off(BIG_RVA + name_dir + 14), 1);
        craft_put32(buf, big_off(BIG_RVA + name_dir + 16), 1);
        craft_put32(buf, big_off(BIG_RVA + name_dir + 20), SUB | lang_dir);
        craft_put16(buf, big_off(BIG_RVA + lang_dir + 14), 1);
        craft_put32(buf, big_off(BIG_RVA + lang_dir + 16), 0x409);
        craft_put32(buf, big_off(BIG_RVA + lang_dir + 20), data);  /* one shared data entry */
    }
    craft_put32(buf, big_off(BIG_RVA + data), CRAFT_RES_BYTES);
    craft_put32(buf, big_off(BIG_RVA + data + 4), 4);
    craft_put32(buf, DIR_RVA(2), BIG_RVA);
    craft_put32(buf, DIR_SIZE(2), total);
    open_ok(&pe, buf, size);
    assert_int_equal(pe_walk_resources(&pe, touch_resource, &n), PE_OK);
    assert_int_equal(n, types);
    pe_close(&pe);
    free(buf);
}

/***********************************************************************
 * Misc
 */

static void test_strerror(void **state)
{
    for (int a = PE_OK; a <= PE_ERR_STRING; a++) {
        const char *ma = pe_strerror((enum pe_status)a);

        assert_non_null(ma);
        assert_true(strlen(ma) > 4);
        for (int b = PE_OK; b < a; b++)
            assert_string_not_equal(ma, pe_strerror((enum pe_status)b));
    }
    assert_non_null(pe_strerror((enum pe_status)(PE_ERR_STRING + 1)));
    assert_non_null(pe_strerror((enum pe_status)-1));
}

static void test_open_null(void **state)
{
    struct pe_file pe;

    assert_int_equal(pe_open(&pe, NULL, 100), PE_ERR_TRUNCATED);
    assert_int_equal(pe_open(&pe, "MZ", 2), PE_ERR_TRUNCATED);
    assert_int_equal(pe_open(&pe, "ZM", 2), PE_ERR_NOT_MZ);
    pe_close(NULL);
    pe_free_imports(NULL);
    pe_free_exports(NULL);
    pe_free_tls(NULL);
}

/* An optional real image, e.g. a mingw-w64 build: VINHO_TEST_PE=/path/to/hello.exe. */
static void test_real_pe(void **state)
{
    const char *path = getenv("VINHO_TEST_PE");
    struct pe_file pe;
    uint8_t *buf;
    long len;
    FILE *f;

    if (!path || !*path)
        skip();
    f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    len = ftell(f);
    assert_true(len > 0);
    rewind(f);
    buf = malloc((size_t)len);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    reset_warn();
    if (pe_open(&pe, buf, (size_t)len) != PE_OK)
        fail_msg("%s: %s", path, warn_msg);
    assert_true(pe.nsections > 0);
    assert_true(pe.entry_rva == 0 || pe_section_of(&pe, pe.entry_rva) != NULL);
    for (enum stage s = ST_IMPORTS; s < ST_COUNT; s++) {
        enum pe_status st;

        reset_warn();
        if ((st = run_stage(&pe, s)) != PE_OK)
            fail_msg("%s: %s: %s (%s)", path, stage_names[s], pe_strerror(st), warn_msg);
    }
    pe_close(&pe);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headers_pe32plus),
        cmocka_unit_test(test_headers_pe32),
        cmocka_unit_test(test_rva_mapping),
        cmocka_unit_test(test_rva_string),
        cmocka_unit_test(test_imports),
        cmocka_unit_test(test_exports),
        cmocka_unit_test(test_export_table),
        cmocka_unit_test(test_relocs),
        cmocka_unit_test(test_tls),
        cmocka_unit_test(test_resources),
        cmocka_unit_test(test_pdata),
        cmocka_unit_test(test_absent_directories),
        cmocka_unit_test(test_corruption_premises),
        cmocka_unit_test(test_corruptions),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_nomem),
        cmocka_unit_test(test_limit_import_dlls),
        cmocka_unit_test(test_limit_import_funcs),
        cmocka_unit_test(test_limit_exports),
        cmocka_unit_test(test_limit_tls_callbacks),
        cmocka_unit_test(test_resource_many_entries),
        cmocka_unit_test(test_strerror),
        cmocka_unit_test(test_open_null),
        cmocka_unit_test(test_real_pe),
    };

    pe_set_warn_handler(record_warn);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
