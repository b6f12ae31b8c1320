/* loader/ldr_res.dll.c: a DLL with one resource (RT_RCDATA #1, language 0x409: "hello") and a
 * DllMain that reports calls, for loader/load_datafile_resource. The resource directory is built
 * by hand in the .rsrc section (the linker points the resource data directory at it), so the
 * suite needs no resource compiler. Offsets in the directory count from the section's start. */
#include <windows.h>
#include <stdio.h>

__asm__(".section .rsrc,\"dr\"\n"
        "    .balign 4\n"
        "res_root:\n"
        "    .long 0, 0\n"                  /* Characteristics, TimeDateStamp */
        "    .short 0, 0, 0, 1\n"           /* version; 0 named entries, 1 id entry */
        "    .long 10\n"                    /* RT_RCDATA */
        "    .long 0x80000000 + (res_type - res_root)\n"
        "res_type:\n"
        "    .long 0, 0\n"
        "    .short 0, 0, 0, 1\n"
        "    .long 1\n"                     /* name #1 */
        "    .long 0x80000000 + (res_name - res_root)\n"
        "res_name:\n"
        "    .long 0, 0\n"
        "    .short 0, 0, 0, 1\n"
        "    .long 0x409\n"                 /* English (United States) */
        "    .long res_data_entry - res_root\n"
        "res_data_entry:\n"
        "    .rva res_bytes\n"              /* OffsetToData is an RVA */
        "    .long 5, 0, 0\n"               /* Size, CodePage, Reserved */
        "res_bytes:\n"
        "    .ascii \"hello\"\n"
        "    .text\n");

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    printf("ldr_res DllMain reason=%lu\n", (unsigned long)reason);
    fflush(stdout);
    return TRUE;
}

int res_export(void)
{
    return 7;
}
