/* stub.c: code for imports we lack. Each one, when called, names itself and raises through
 * ntdll's __vinho_unimplemented, so a program that imports much but calls little still runs. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "loader/loader.h"

#define STUB_SIZE 48

static uint8_t *page, *next;

static void put_imm64(uint8_t **p, const uint8_t op[2], const void *value)
{
    (*p)[0] = op[0];
    (*p)[1] = op[1];
    memcpy(*p + 2, &value, 8);
    *p += 10;
}

void *stub_make(const char *importer, const char *dll, const char *func)
{
    static const uint8_t mov_rcx[2] = { 0x48, 0xb9 }, mov_rdx[2] = { 0x48, 0xba },
                         mov_rax[2] = { 0x48, 0xb8 };
    void *target = ntdll_export("__vinho_unimplemented");
    uint8_t *p;

    if (!target)
        return NULL;    /* --check, or no ntdll: nothing will run */
    if (!page || next + STUB_SIZE > page + 0x10000) {
        page = mmap(NULL, 0x10000, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (page == MAP_FAILED)
            return page = NULL;
        next = page;
    }
    p = next;
    put_imm64(&p, mov_rcx, strdup(dll));
    put_imm64(&p, mov_rdx, strdup(func));
    memcpy(p, "\x4c\x8b\x04\x24", 4);   /* mov r8, [rsp]: the caller's address */
    p += 4;
    put_imm64(&p, mov_rax, target);
    memcpy(p, "\xff\xe0", 2);           /* jmp rax */
    void *stub = next;
    next += STUB_SIZE;
    (void)importer;
    return stub;
}
