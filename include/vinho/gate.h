/* gate.h: the ELF side's prototypes of every gate call, and the table's indices. */
#ifndef VINHO_GATE_H
#define VINHO_GATE_H

#include "vinho/ntdefs.h"

struct vn_create_process;

enum ntcall_index {
#define NTCALL(name, nargs, params) NTC_##name,
#include "vinho/ntcalls.def"
#undef NTCALL
    NTC_COUNT
};

#define NTCALL(name, nargs, params) NTSTATUS WINAPI name params;
#include "vinho/ntcalls.def"
#undef NTCALL

/* The table the loader hands to ntdll (loader/gate.c). */
extern void *const ntcall_table[NTC_COUNT];
/* Names and argument counts, for +relay tracing and for tests. */
extern const char *const ntcall_names[NTC_COUNT];
extern const unsigned char ntcall_nargs[NTC_COUNT];

#endif
