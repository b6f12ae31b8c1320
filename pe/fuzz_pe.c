/* fuzz_pe.c: libFuzzer target for the PE reader: every reader on every input (build: make fuzz). */
#include <stdint.h>
#include <string.h>

#include "pe.h"

static volatile size_t sink;

static bool on_reloc(void *ctx, unsigned type, uint32_t rva)
{
    const struct pe_file *pe = ctx;

    if (rva >= pe->size_of_image)
        __builtin_trap();  /* the reader promised the entry lies inside the image */
    sink += type;
    return true;
}

static bool on_resource(void *ctx, const struct pe_resource *res)
{
    const struct pe_res_id *ids[3] = { &res->type, &res->name, &res->lang };

    for (int i = 0; i < 3; i++)  /* touch every unit so that ASan checks the extent */
        for (unsigned j = 0; ids[i]->name && j < ids[i]->name_len; j++)
            sink += ids[i]->name[j];
    return true;
}

static void fuzz_imports(const struct pe_file *pe)
{
    struct pe_imports im;

    if (pe_read_imports(pe, &im) == PE_OK) {
        for (size_t i = 0; i < im.ndlls; i++) {
            sink += strlen(im.dlls[i].name);
            for (size_t j = 0; j < im.dlls[i].nfuncs; j++)
                if (im.dlls[i].funcs[j].name)
                    sink += strlen(im.dlls[i].funcs[j].name);
        }
    }
    pe_free_imports(&im);
}

/* The loader's in-place reading: any entry and any lookup, without a crash; on a directory
 * pe_read_exports accepts (sorted), every name it lists is found at the same index. */
static void fuzz_export_table(const struct pe_file *pe, const struct pe_exports *checked)
{
    struct pe_export_table t;
    struct pe_export_func f;

    if (pe_open_export_table(pe, &t) != PE_OK)
        return;
    for (uint32_t i = 0; i < t.nfuncs && i < 4096; i++)
        if (pe_export_table_entry(&t, i, &f) == PE_OK && f.forwarder)
            sink += strlen(f.forwarder);
    sink += pe_export_table_find(&t, "a") + pe_export_table_find(&t, "zzzz");
    for (uint32_t i = 0; checked && i < checked->nnames; i++)
        if (pe_export_table_find(&t, checked->names[i].name) != pe_find_export(checked, checked->names[i].name))
            __builtin_trap();
}

static void fuzz_exports(const struct pe_file *pe)
{
    struct pe_exports ex;
    bool ok = pe_read_exports(pe, &ex) == PE_OK;

    fuzz_export_table(pe, ok ? &ex : NULL);
    if (ok) {
        if (ex.dll_name)
            sink += strlen(ex.dll_name);
        for (uint32_t i = 0; i < ex.nfuncs; i++)
            if (ex.funcs[i].forwarder)
                sink += strlen(ex.funcs[i].forwarder);
        for (uint32_t i = 0; i < ex.nnames; i++)
            if (pe_find_export(&ex, ex.names[i].name) < 0)
                __builtin_trap();  /* every listed name must be found again */
    }
    pe_free_exports(&ex);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct pe_runtime_function *rf;
    struct pe_file pe;
    struct pe_tls tls;
    size_t count;

    if (pe_open(&pe, data, size) != PE_OK)
        return 0;
    sink += pe.entry_rva;
    fuzz_imports(&pe);
    fuzz_exports(&pe);
    pe_walk_relocs(&pe, on_reloc, &pe);
    if (pe_read_tls(&pe, &tls) == PE_OK)
        for (size_t i = 0; i < tls.ncallbacks; i++)
            sink += tls.callbacks[i];
    pe_free_tls(&tls);
    pe_walk_resources(&pe, on_resource, NULL);
    if (pe_read_pdata(&pe, &rf, &count) == PE_OK || rf)
        for (size_t i = 0; i < count; i++)
            sink += rf[i].begin ^ rf[i].end ^ rf[i].unwind;
    for (uint32_t rva = 0; rva < pe.size_of_image && rva < 0x10000; rva += 0x101) {
        const char *s = pe_rva_string(&pe, rva, 64);

        if (s)
            sink += strlen(s);
    }
    pe_close(&pe);
    return 0;
}
