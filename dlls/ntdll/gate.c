/* gate.c: ntdll's exports of the gate calls: each jumps through the table the loader stores in
 * __vinho_gate, to the ELF function of the same name (include/vinho/ntcalls.def). */
#include "vinho/pe_side.h"

void **__vinho_gate;

enum {
#define NTCALL(name, nargs, params) GATE_##name,
#include "vinho/ntcalls.def"
#undef NTCALL
};

/* The arguments stay in the registers and stack slots the caller put them in. */
#define NTCALL(name, nargs, params) \
    __attribute__((naked)) NTSTATUS NTAPI name params \
    { \
        __asm__ volatile("movq __vinho_gate(%%rip), %%rax\n\t" \
                         "jmpq *%c0(%%rax)" :: "i"(GATE_##name * 8)); \
    }
#include "vinho/ntcalls.def"
#undef NTCALL
