/* seh.h: what ntdll's exception dispatch, unwinding and crash report share. */
#ifndef VINHO_NTDLL_SEH_H
#define VINHO_NTDLL_SEH_H

#include "vinho/pe_side.h"

/* The frame loader/signal.c builds on the faulting thread's stack before it resumes in
 * KiUserExceptionDispatcher (offsets from rsp at its entry; the ELF side uses the same). */
#define SEH_FRAME_CONTEXT   0x30
#define SEH_FRAME_MACHINE   0x500
#define SEH_FRAME_RECORD    0x530
#define SEH_FRAME_SIZE      0x5d0

PEXCEPTION_ROUTINE seh_unwind_frame(ULONG type, CONTEXT *ctx, ULONG64 *base, RUNTIME_FUNCTION **func,
                                    void **data, ULONG64 *frame, UNWIND_HISTORY_TABLE *history);
BOOLEAN seh_known_code(ULONG64 pc, UNWIND_HISTORY_TABLE *history);
void seh_crash_report(const EXCEPTION_RECORD *rec, const CONTEXT *ctx);
const char *seh_code_name(ULONG code);
void seh_consolidate(CONTEXT *ctx, EXCEPTION_RECORD *rec) __attribute__((noreturn));
BOOLEAN NTAPI RtlDispatchException(EXCEPTION_RECORD *rec, CONTEXT *ctx);
void NTAPI RtlRestoreContext(CONTEXT *ctx, EXCEPTION_RECORD *rec);
PRUNTIME_FUNCTION NTAPI RtlLookupFunctionEntry(ULONG64 pc, ULONG64 *base, UNWIND_HISTORY_TABLE *history);

#endif
