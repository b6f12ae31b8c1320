/* scope.c: __C_specific_handler, the language handler of C's __try/__except/__finally as MSVC
 * and clang compile them: a scope table in the function's unwind data (Microsoft docs,
 * "x64 exception handling": language-specific handler data). */
#include "vinho/pe_side.h"
#include "seh.h"

DEFAULT_DEBUG_CHANNEL(seh);

struct scope_table {
    ULONG count;
    struct {
        ULONG begin, end;       /* the guarded code (RVAs) */
        ULONG handler;          /* filter or termination handler RVA; 1: EXCEPTION_EXECUTE_HANDLER */
        ULONG target;           /* the __except block (RVA); 0 for __finally */
    } scope[];
};

typedef LONG (*filter_func)(EXCEPTION_POINTERS *ptrs, ULONG64 frame);
typedef void (*termination_func)(BOOLEAN abnormal, ULONG64 frame);

/* Unwind phase: run the __finally blocks of the scopes pc is in, innermost first, up to the
 * __except block the unwind targets if it is in this frame. */
static EXCEPTION_DISPOSITION unwind_scopes(EXCEPTION_RECORD *rec, ULONG64 frame, DISPATCHER_CONTEXT *disp)
{
    const struct scope_table *table = disp->HandlerData;
    ULONG pc = (ULONG)(disp->ControlPc - disp->ImageBase);
    ULONG target = (ULONG)(disp->TargetIp - disp->ImageBase);

    for (ULONG i = disp->ScopeIndex; i < table->count; i++) {
        if (pc < table->scope[i].begin || pc >= table->scope[i].end)
            continue;
        if ((rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND) && table->scope[i].target == target)
            break;
        if (table->scope[i].target)
            continue;
        /* The next scope is where a collided unwind resumes: this one has run. */
        disp->ScopeIndex = i + 1;
        TRACE("calling __finally %#llx for frame %#llx\n", disp->ImageBase + table->scope[i].handler, frame);
        ((termination_func)(disp->ImageBase + table->scope[i].handler))(TRUE, frame);
    }
    return ExceptionContinueSearch;
}

/***********************************************************************
 *           __C_specific_handler   (NTDLL.@)
 *
 * Dispatch: calls the filters of the __except scopes pc is in; the first that accepts gets
 * its block run after an unwind to this frame (rax holding the exception code), one that
 * returns EXCEPTION_CONTINUE_EXECUTION resumes the faulting context. Unwind: __finally blocks.
 */
/* excpt.h declares it _CRTIMP (imported from the CRT); this is the definition. */
#pragma GCC diagnostic ignored "-Wattributes"
EXCEPTION_DISPOSITION NTAPI __C_specific_handler(EXCEPTION_RECORD *rec, void *frame_ptr, CONTEXT *ctx,
                                                 DISPATCHER_CONTEXT *disp)
{
    const struct scope_table *table = disp->HandlerData;
    ULONG64 frame = (ULONG64)frame_ptr;
    ULONG pc = (ULONG)(disp->ControlPc - disp->ImageBase);
    EXCEPTION_POINTERS ptrs = { rec, ctx };

    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND))
        return unwind_scopes(rec, frame, disp);
    for (ULONG i = 0; i < table->count; i++) {
        LONG res = EXCEPTION_EXECUTE_HANDLER;
        if (pc < table->scope[i].begin || pc >= table->scope[i].end || !table->scope[i].target)
            continue;
        if (table->scope[i].handler != EXCEPTION_EXECUTE_HANDLER) {
            TRACE("calling filter %#llx for frame %#llx\n", disp->ImageBase + table->scope[i].handler,
                  frame);
            res = ((filter_func)(disp->ImageBase + table->scope[i].handler))(&ptrs, frame);
            TRACE("filter returned %ld\n", res);
        }
        if (res < 0)
            return ExceptionContinueExecution;
        if (res > 0) {
            TRACE("unwinding to the __except block %#llx of frame %#llx\n",
                  disp->ImageBase + table->scope[i].target, frame);
            RtlUnwindEx(frame_ptr, (void *)(disp->ImageBase + table->scope[i].target), rec,
                        (void *)(ULONG_PTR)rec->ExceptionCode, disp->ContextRecord, disp->HistoryTable);
        }
    }
    return ExceptionContinueSearch;
}
