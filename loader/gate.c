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
