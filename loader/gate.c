/* gate.c: the dispatch table the loader hands to PE ntdll: the NT calls of ntcalls/ and the
 * loader services of loader/ldr.c, built from include/vinho/ntcalls.def. */
#include "vinho/gate.h"

void *const ntcall_table[NTC_COUNT] = {
#define NTCALL(name, nargs, params) [NTC_##name] = (void *)name,
#include "vinho/ntcalls.def"
#undef NTCALL
};

const char *const ntcall_names[NTC_COUNT] = {
#define NTCALL(name, nargs, params) [NTC_##name] = #name,
#include "vinho/ntcalls.def"
#undef NTCALL
};

const unsigned char ntcall_nargs[NTC_COUNT] = {
#define NTCALL(name, nargs, params) [NTC_##name] = nargs,
#include "vinho/ntcalls.def"
#undef NTCALL
};

/* Guarded entries (loader/gateguard.S): "mov r11, function; jmp vinho_gate_guard" per call. */
#include <string.h>
#include <sys/mman.h>
#include "loader/loader.h"
#include "ntcalls/ntcalls.h"

__thread struct gate_frame vinho_gate_frames[32];
__thread unsigned vinho_gate_depth;
__thread int vinho_suspend_pending;     /* gateguard.S stops at the next gate return */
void vinho_gate_guard(void);

/* gateguard.S: a gate call returns to PE code while a SuspendThread waits for the thread
 * (ntcalls/context.c); frame: the one it returns through. ms_abi keeps the PE caller's rdi, rsi
 * and xmm6-15. */
void __attribute__((ms_abi)) vinho_gate_suspend_point(const struct gate_frame *frame)
{
    vinho_suspend_pending = 0;
    context_gate_suspend_point(frame);
}

void *const *gate_guarded_table(void)
{
    static void **table;
    uint8_t *code;
    void *guard = (void *)vinho_gate_guard;

    if (table)
        return (void *const *)table;
    table = mmap(NULL, NTC_COUNT * (sizeof(void *) + 32), PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (table == MAP_FAILED) {
        table = NULL;
        return ntcall_table;    /* unguarded, but working */
    }
    code = (uint8_t *)(table + NTC_COUNT);
    for (int i = 0; i < NTC_COUNT; i++) {
        uint8_t *p = code + i * 32;
        memcpy(p, "\x49\xbb", 2);                  /* mov r11, imm64 */
        memcpy(p + 2, &ntcall_table[i], 8);
        memcpy(p + 10, "\x48\xb8", 2);             /* mov rax, imm64 */
        memcpy(p + 12, &guard, 8);
        memcpy(p + 20, "\xff\xe0", 2);             /* jmp rax */
        table[i] = p;
    }
    mprotect(table, NTC_COUNT * (sizeof(void *) + 32), PROT_READ | PROT_EXEC);
    return (void *const *)table;
}
