/* exception.c: exception dispatch on the PE side: raising, vectored and continue handlers,
 * frame-based handlers found through .pdata, unwinding (RtlUnwindEx), restoring a context, and
 * the entry point the ELF side resumes at after turning a signal into an exception. */
#include "vinho/pe_side.h"
#include "seh.h"

DEFAULT_DEBUG_CHANNEL(seh);

struct vectored_handler {
    struct vectored_handler *next;
    PVECTORED_EXCEPTION_HANDLER func;
};

static struct vectored_handler *vectored_handlers, *continue_handlers;
static LPTOP_LEVEL_EXCEPTION_FILTER unhandled_filter;
static volatile LONG vectored_lock;

static void lock(void)
{
    while (__atomic_exchange_n(&vectored_lock, 1, __ATOMIC_ACQUIRE))
        NtYieldExecution();
}

static void unlock(void)
{
    __atomic_store_n(&vectored_lock, 0, __ATOMIC_RELEASE);
}

/***********************************************************************
 *           RtlCaptureContext   (NTDLL.@)
 */
__asm__(".globl RtlCaptureContext\n"
        "RtlCaptureContext:\n\t"
        "pushfq\n\t"
        "movq %rax, 0x78(%rcx)\n\t"
        "movq %rcx, 0x80(%rcx)\n\t"
        "movq %rdx, 0x88(%rcx)\n\t"
        "movq %rbx, 0x90(%rcx)\n\t"
        "leaq 16(%rsp), %rax\n\t"
        "movq %rax, 0x98(%rcx)\n\t"
        "movq %rbp, 0xa0(%rcx)\n\t"
        "movq %rsi, 0xa8(%rcx)\n\t"
        "movq %rdi, 0xb0(%rcx)\n\t"
        "movq %r8, 0xb8(%rcx)\n\t"
        "movq %r9, 0xc0(%rcx)\n\t"
        "movq %r10, 0xc8(%rcx)\n\t"
        "movq %r11, 0xd0(%rcx)\n\t"
        "movq %r12, 0xd8(%rcx)\n\t"
        "movq %r13, 0xe0(%rcx)\n\t"
        "movq %r14, 0xe8(%rcx)\n\t"
        "movq %r15, 0xf0(%rcx)\n\t"
        "movq 8(%rsp), %rax\n\t"
        "movq %rax, 0xf8(%rcx)\n\t"
        "popq %rax\n\t"
        "movl %eax, 0x44(%rcx)\n\t"
        "movl $0x10000f, 0x30(%rcx)\n\t"      /* CONTEXT_FULL | CONTEXT_SEGMENTS */
        "fxsave 0x100(%rcx)\n\t"
        "stmxcsr 0x34(%rcx)\n\t"
        "movw %cs, 0x38(%rcx)\n\t"
        "movw %ds, 0x3a(%rcx)\n\t"
        "movw %es, 0x3c(%rcx)\n\t"
        "movw %fs, 0x3e(%rcx)\n\t"
        "movw %gs, 0x40(%rcx)\n\t"
        "movw %ss, 0x42(%rcx)\n\t"
        "movq 0x78(%rcx), %rax\n\t"
        "ret");

/* Loads every register of a CONTEXT and resumes at its Rip: iretq sets rip, rsp and eflags in
 * one step, so no register and no byte below the target rsp is needed as scratch. */
__asm__(".globl seh_load_context\n"
        "seh_load_context:\n\t"
        "fxrstor 0x100(%rcx)\n\t"
        "ldmxcsr 0x34(%rcx)\n\t"       /* CONTEXT.MxCsr is what handlers change */
        "movl %ss, %eax\n\t"
        "pushq %rax\n\t"
        "pushq 0x98(%rcx)\n\t"           /* Rsp */
        "movl 0x44(%rcx), %eax\n\t"      /* EFlags */
        "pushq %rax\n\t"
        "movl %cs, %eax\n\t"
        "pushq %rax\n\t"
        "pushq 0xf8(%rcx)\n\t"           /* Rip */
        "movq 0x78(%rcx), %rax\n\t"
        "movq 0x88(%rcx), %rdx\n\t"
        "movq 0x90(%rcx), %rbx\n\t"
        "movq 0xa0(%rcx), %rbp\n\t"
        "movq 0xa8(%rcx), %rsi\n\t"
        "movq 0xb0(%rcx), %rdi\n\t"
        "movq 0xb8(%rcx), %r8\n\t"
        "movq 0xc0(%rcx), %r9\n\t"
        "movq 0xc8(%rcx), %r10\n\t"
        "movq 0xd0(%rcx), %r11\n\t"
        "movq 0xd8(%rcx), %r12\n\t"
        "movq 0xe0(%rcx), %r13\n\t"
        "movq 0xe8(%rcx), %r14\n\t"
        "movq 0xf0(%rcx), %r15\n\t"
        "movq 0x80(%rcx), %rcx\n\t"
        "iretq");
void seh_load_context(const CONTEXT *ctx) __attribute__((noreturn));

/* Unwind info of a frame laid out as SEH_FRAME_* says: unwinding it restores the CONTEXT's
 * nonvolatile registers and the rip and rsp of its machine frame. */
#define SEH_FRAME_UNWIND \
        ".seh_pushframe\n\t"\
        ".seh_stackalloc 0x500\n\t"\
        ".seh_savereg %rbx, 0xc0\n\t"\
        ".seh_savereg %rbp, 0xd0\n\t"\
        ".seh_savereg %rsi, 0xd8\n\t"\
        ".seh_savereg %rdi, 0xe0\n\t"\
        ".seh_savereg %r12, 0x108\n\t"\
        ".seh_savereg %r13, 0x110\n\t"\
        ".seh_savereg %r14, 0x118\n\t"\
        ".seh_savereg %r15, 0x120\n\t"\
        ".seh_savexmm %xmm6, 0x230\n\t"\
        ".seh_savexmm %xmm7, 0x240\n\t"\
        ".seh_savexmm %xmm8, 0x250\n\t"\
        ".seh_savexmm %xmm9, 0x260\n\t"\
        ".seh_savexmm %xmm10, 0x270\n\t"\
        ".seh_savexmm %xmm11, 0x280\n\t"\
        ".seh_savexmm %xmm12, 0x290\n\t"\
        ".seh_savexmm %xmm13, 0x2a0\n\t"\
        ".seh_savexmm %xmm14, 0x2b0\n\t"\
        ".seh_savexmm %xmm15, 0x2c0\n\t"

/* The entry the ELF side resumes a faulting thread at, rsp at a frame of SEH_FRAME_SIZE bytes
 * (seh.h): home space, the CONTEXT, a machine frame (the faulting rip and rsp) and the
 * EXCEPTION_RECORD. Its unwind info restores the faulting context, so that walks from code
 * it calls (a nested exception, a backtrace in a handler) continue into the faulting frames. */
__asm__(".globl KiUserExceptionDispatcher\n"
        ".def KiUserExceptionDispatcher; .scl 2; .type 32; .endef\n"
        ".seh_proc KiUserExceptionDispatcher\n"
        "KiUserExceptionDispatcher:\n\t"
        SEH_FRAME_UNWIND
        ".seh_endprologue\n\t"
        "leaq 0x530(%rsp), %rcx\n\t"
        "leaq 0x30(%rsp), %rdx\n\t"
        "call seh_user_dispatch\n\t"
        "int3\n\t"
        ".seh_endproc");

/* Calls disp->LanguageHandler(rec, frame, ctx, disp). Its own handlers see exceptions and
 * unwinds that cross the call: in dispatch, a nested exception; in unwind, a collided one.
 * The outer DISPATCHER_CONTEXT is kept at establisher frame + 0x20 for them. */
__asm__(".def seh_call_handler; .scl 2; .type 32; .endef\n"
        ".seh_proc seh_call_handler\n"
        "seh_call_handler:\n\t"
        "subq $0x28, %rsp\n\t"
        ".seh_stackalloc 0x28\n\t"
        ".seh_handler seh_nested_handler, @except\n\t"
        ".seh_endprologue\n\t"
        "movq %r9, 0x20(%rsp)\n\t"
        "call *0x30(%r9)\n\t"
        "nop\n\t"
        "addq $0x28, %rsp\n\t"
        "ret\n\t"
        ".seh_endproc\n"
        ".def seh_call_unwind_handler; .scl 2; .type 32; .endef\n"
        ".seh_proc seh_call_unwind_handler\n"
        "seh_call_unwind_handler:\n\t"
        "subq $0x28, %rsp\n\t"
        ".seh_stackalloc 0x28\n\t"
        ".seh_handler seh_collided_handler, @unwind\n\t"
        ".seh_endprologue\n\t"
        "movq %r9, 0x20(%rsp)\n\t"
        "call *0x30(%r9)\n\t"
        "nop\n\t"
        "addq $0x28, %rsp\n\t"
        "ret\n\t"
        ".seh_endproc");
EXCEPTION_DISPOSITION seh_call_handler(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                       DISPATCHER_CONTEXT *disp);
EXCEPTION_DISPOSITION seh_call_unwind_handler(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                              DISPATCHER_CONTEXT *disp);

/* The handler of seh_call_handler's frame: an exception raised inside a handler. */
EXCEPTION_DISPOSITION seh_nested_handler(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                         DISPATCHER_CONTEXT *disp)
{
    DISPATCHER_CONTEXT *outer = *(DISPATCHER_CONTEXT **)(frame + 0x20);
    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND))
        return ExceptionContinueSearch;
    disp->EstablisherFrame = outer->EstablisherFrame;
    return ExceptionNestedException;
}

/* The handler of seh_call_unwind_handler's frame: an unwind started inside a termination
 * handler ran into the unwind that called it; it takes over from where that one was. */
EXCEPTION_DISPOSITION seh_collided_handler(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                           DISPATCHER_CONTEXT *disp)
{
    DISPATCHER_CONTEXT *outer = *(DISPATCHER_CONTEXT **)(frame + 0x20);
    if (!(rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)))
        return ExceptionContinueSearch;
    disp->ControlPc = outer->ControlPc;
    disp->ImageBase = outer->ImageBase;
    disp->FunctionEntry = outer->FunctionEntry;
    disp->EstablisherFrame = outer->EstablisherFrame;
    disp->ContextRecord = outer->ContextRecord;
    disp->LanguageHandler = outer->LanguageHandler;
    disp->HandlerData = outer->HandlerData;
    disp->HistoryTable = outer->HistoryTable;
    disp->ScopeIndex = outer->ScopeIndex;
    return ExceptionCollidedUnwind;
}

/* RtlRestoreContext with STATUS_UNWIND_CONSOLIDATE: copies the context into a frame like the
 * dispatcher's below the current stack, so that unwinding from the callback reaches the target
 * context, calls rec->ExceptionInformation[0](rec) and resumes the context at what it returns. */
__asm__(".globl seh_consolidate\n"
        "seh_consolidate:\n\t"
        "movq %rdx, %r8\n\t"
        "subq $0x5d0, %rsp\n\t"
        "andq $-16, %rsp\n\t"
        "movq %rcx, %rsi\n\t"
        "leaq 0x30(%rsp), %rdi\n\t"
        "movl $0x9a, %ecx\n\t"          /* sizeof(CONTEXT) / 8 */
        "rep movsq\n\t"
        "movq 0x128(%rsp), %rax\n\t"    /* CONTEXT.Rip */
        "movq %rax, 0x500(%rsp)\n\t"
        "movq 0xc8(%rsp), %rax\n\t"     /* CONTEXT.Rsp */
        "movq %rax, 0x518(%rsp)\n\t"
        "movl 0x74(%rsp), %eax\n\t"     /* CONTEXT.EFlags: a second unwind through this */
        "movq %rax, 0x510(%rsp)\n\t"    /* frame takes them from the machine frame */
        "movq %r8, %rcx\n\t"
        "jmp seh_consolidate_frame\n"
        ".def seh_consolidate_frame; .scl 3; .type 32; .endef\n"
        ".seh_proc seh_consolidate_frame\n"
        "seh_consolidate_frame:\n\t"
        SEH_FRAME_UNWIND
        ".seh_endprologue\n\t"
        "call *0x20(%rcx)\n\t"
        "movq %rax, 0x128(%rsp)\n\t"
        "leaq 0x30(%rsp), %rcx\n\t"
        "call seh_load_context\n\t"
        "int3\n\t"
        ".seh_endproc");
void seh_consolidate(CONTEXT *ctx, EXCEPTION_RECORD *rec) __attribute__((noreturn));

static PVOID add_handler(struct vectored_handler **list, ULONG first, PVECTORED_EXCEPTION_HANDLER func)
{
    struct vectored_handler *h = RtlAllocateHeap(process_heap(), 0, sizeof(*h)), **p;
    if (!h)
        return NULL;
    h->func = func;
    lock();
    for (p = list; !first && *p; p = &(*p)->next)
        ;
    h->next = *p;
    *p = h;
    unlock();
    TRACE("%p first %u -> %p\n", func, first, h);
    return h;
}

static ULONG remove_handler(struct vectored_handler **list, PVOID handle)
{
    struct vectored_handler **p, *found = NULL;
    lock();
    for (p = list; *p; p = &(*p)->next)
        if (*p == handle) {
            found = *p;
            *p = found->next;
            break;
        }
    unlock();
    if (found)
        RtlFreeHeap(process_heap(), 0, found);
    return found != NULL;
}

/***********************************************************************
 *           RtlAddVectoredExceptionHandler   (NTDLL.@)
 */
PVOID NTAPI RtlAddVectoredExceptionHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER func)
{
    return add_handler(&vectored_handlers, first, func);
}

/***********************************************************************
 *           RtlRemoveVectoredExceptionHandler   (NTDLL.@)
 */
ULONG NTAPI RtlRemoveVectoredExceptionHandler(PVOID handle)
{
    return remove_handler(&vectored_handlers, handle);
}

/***********************************************************************
 *           RtlAddVectoredContinueHandler   (NTDLL.@)
 */
PVOID NTAPI RtlAddVectoredContinueHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER func)
{
    return add_handler(&continue_handlers, first, func);
}

/***********************************************************************
 *           RtlRemoveVectoredContinueHandler   (NTDLL.@)
 */
ULONG NTAPI RtlRemoveVectoredContinueHandler(PVOID handle)
{
    return remove_handler(&continue_handlers, handle);
}

/***********************************************************************
 *           RtlSetUnhandledExceptionFilter   (NTDLL.@)
 */
void NTAPI RtlSetUnhandledExceptionFilter(LPTOP_LEVEL_EXCEPTION_FILTER filter)
{
    unhandled_filter = filter;
}

LPTOP_LEVEL_EXCEPTION_FILTER NTAPI __vinho_get_unhandled_filter(void)
{
    return unhandled_filter;
}

/* Calls the handlers of a list until one continues execution. */
static LONG call_vectored(struct vectored_handler **list, EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    /* Nodes of handlers removed while running are freed: walk a snapshot taken under the lock. */
    EXCEPTION_POINTERS ptrs = { rec, ctx };
    PVECTORED_EXCEPTION_HANDLER funcs[64];
    int n = 0;
    lock();
    for (struct vectored_handler *h = *list; h && n < 64; h = h->next)
        funcs[n++] = h->func;
    unlock();
    for (int i = 0; i < n; i++) {
        TRACE("calling vectored handler %p\n", funcs[i]);
        if (funcs[i](&ptrs) == EXCEPTION_CONTINUE_EXECUTION) {
            TRACE("vectored handler %p continues execution at %#llx\n", funcs[i], ctx->Rip);
            return EXCEPTION_CONTINUE_EXECUTION;
        }
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

static BOOL frame_in_stack(ULONG64 frame)
{
    struct vn_teb *teb = vn_teb();
    return frame >= (ULONG64)teb->StackLimit && frame < (ULONG64)teb->StackBase && !(frame & 7);
}

static void __attribute__((noreturn)) raise_status(NTSTATUS status, EXCEPTION_RECORD *nested)
{
    EXCEPTION_RECORD rec = { 0 };
    rec.ExceptionCode = status;
    rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
    rec.ExceptionRecord = nested;
    RtlRaiseException(&rec);
    for (;;)
        ;
}

static void fill_dispatch(DISPATCHER_CONTEXT *disp, ULONG64 pc, ULONG64 base, RUNTIME_FUNCTION *func,
                          ULONG64 frame, ULONG64 target_ip, CONTEXT *ctx, PEXCEPTION_ROUTINE handler,
                          void *data, UNWIND_HISTORY_TABLE *history)
{
    disp->ControlPc = pc;
    disp->ImageBase = base;
    disp->FunctionEntry = func;
    disp->EstablisherFrame = frame;
    disp->TargetIp = target_ip;
    disp->ContextRecord = ctx;
    disp->LanguageHandler = handler;
    disp->HandlerData = data;
    disp->HistoryTable = history;
    disp->ScopeIndex = 0;
}

/* Walks the frames from ctx and calls their exception handlers. */
static BOOLEAN dispatch_frames(EXCEPTION_RECORD *rec, CONTEXT *orig)
{
    CONTEXT ctx = *orig;
    DISPATCHER_CONTEXT disp;
    UNWIND_HISTORY_TABLE history = { 0 };
    ULONG64 nested_frame = 0, frame;
    RUNTIME_FUNCTION *func;
    EXCEPTION_DISPOSITION res;
    PEXCEPTION_ROUTINE handler;
    void *data;

    for (int depth = 0; ; depth++) {
        ULONG64 pc = ctx.Rip, base;
        if ((depth && !seh_known_code(pc, &history)) || !frame_in_stack(ctx.Rsp)) {
            TRACE("pc %#llx rsp %#llx: end of the walk\n", pc, ctx.Rsp);
            break;
        }
        handler = seh_unwind_frame(UNW_FLAG_EHANDLER, &ctx, &base, &func, &data, &frame, &history);
        if (!frame_in_stack(frame)) {
            TRACE("frame %#llx is outside the stack: end of the walk\n", frame);
            rec->ExceptionFlags |= EXCEPTION_STACK_INVALID;
            break;
        }
        if (handler) {
            fill_dispatch(&disp, pc, base, func, frame, 0, orig, handler, data, &history);
            TRACE("calling handler %p for frame %#llx (pc %#llx) flags %#lx\n", handler, frame, pc,
                  rec->ExceptionFlags);
            res = seh_call_handler(rec, frame, orig, &disp);
            TRACE("handler %p returned %d\n", handler, res);
            if (nested_frame == frame) {
                rec->ExceptionFlags &= ~EXCEPTION_NESTED_CALL;
                nested_frame = 0;
            }
            switch (res) {
            case ExceptionContinueExecution:
                if (rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE)
                    raise_status(STATUS_NONCONTINUABLE_EXCEPTION, rec);
                return TRUE;
            case ExceptionContinueSearch:
                break;
            case ExceptionNestedException:
                rec->ExceptionFlags |= EXCEPTION_NESTED_CALL;
                if (disp.EstablisherFrame > nested_frame)
                    nested_frame = disp.EstablisherFrame;
                break;
            default:
                raise_status(STATUS_INVALID_DISPOSITION, rec);
            }
        }
        if (!ctx.Rip)
            break;
    }
    return FALSE;
}

/***********************************************************************
 *           RtlDispatchException   (NTDLL.@)
 *
 * First chance: vectored handlers, then the frames' handlers. TRUE: continue with ctx.
 */
BOOLEAN NTAPI RtlDispatchException(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    BOOLEAN handled;

    TRACE("code %#lx flags %#lx address %p rip %#llx rsp %#llx\n", rec->ExceptionCode,
          rec->ExceptionFlags, rec->ExceptionAddress, ctx->Rip, ctx->Rsp);
    if (call_vectored(&vectored_handlers, rec, ctx) == EXCEPTION_CONTINUE_EXECUTION) {
        /* A noncontinuable exception cannot be continued: EXCEPTION_NONCONTINUABLE_EXCEPTION
         * goes through the handlers in its place (RaiseException's documentation). That one a
         * vectored handler may continue (with a context of its own), else the chain never ends. */
        if ((rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE) &&
            rec->ExceptionCode != (DWORD)STATUS_NONCONTINUABLE_EXCEPTION)
            raise_status(STATUS_NONCONTINUABLE_EXCEPTION, rec);
        handled = TRUE;
    } else {
        handled = dispatch_frames(rec, ctx);
    }
    if (handled)
        call_vectored(&continue_handlers, rec, ctx);
    TRACE("code %#lx %s\n", rec->ExceptionCode, handled ? "handled" : "not handled");
    return handled;
}

/* Nobody handled the exception: the unhandled-exception filter, then the crash report and the
 * end of the process with the exception's code. */
static void __attribute__((noreturn)) unhandled(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    EXCEPTION_POINTERS ptrs = { rec, ctx };
    static LONG reporting, report_started;

    if (unhandled_filter && !__atomic_exchange_n(&reporting, 1, __ATOMIC_ACQ_REL)) {
        LONG ret;
        TRACE("calling the unhandled-exception filter %p\n", unhandled_filter);
        ret = unhandled_filter(&ptrs);
        if (ret == EXCEPTION_CONTINUE_EXECUTION && !(rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE)) {
            __atomic_store_n(&reporting, 0, __ATOMIC_RELEASE);
            seh_load_context(ctx);
        }
        if (ret == EXCEPTION_EXECUTE_HANDLER)   /* the filter took care of reporting */
            NtTerminateProcess(NtCurrentProcess(), rec->ExceptionCode);
        __atomic_store_n(&reporting, 0, __ATOMIC_RELEASE);
    }
    /* A fault while reporting (a stack too damaged to walk) ends the process without a
     * second report. */
    if (rec->ExceptionCode != EXCEPTION_VINHO_STUB && !__atomic_exchange_n(&report_started, 1, __ATOMIC_ACQ_REL))
        seh_crash_report(rec, ctx);
    NtTerminateProcess(NtCurrentProcess(), rec->ExceptionCode);
    for (;;)
        ;
}

/* Called by KiUserExceptionDispatcher with the exception the ELF side made of a signal. */
void __attribute__((noreturn, used)) seh_user_dispatch(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    if (RtlDispatchException(rec, ctx))
        seh_load_context(ctx);
    unhandled(rec, ctx);
}

/***********************************************************************
 *           RtlRaiseException   (NTDLL.@)
 *
 * Dispatches rec as raised by the caller: handlers see the caller's context, and a handler
 * that continues execution returns from this call.
 */
void NTAPI RtlRaiseException(EXCEPTION_RECORD *rec)
{
    CONTEXT ctx;
    ULONG64 base, frame;
    RUNTIME_FUNCTION *func;
    void *data;

    RtlCaptureContext(&ctx);
    seh_unwind_frame(UNW_FLAG_NHANDLER, &ctx, &base, &func, &data, &frame, NULL);
    rec->ExceptionAddress = (void *)ctx.Rip;
    if (RtlDispatchException(rec, &ctx))
        seh_load_context(&ctx);
    unhandled(rec, &ctx);
}

/* The x64 _JUMP_BUFFER of setjmp.h (what msvcrt's _setjmp fills and its longjmp passes in a
 * STATUS_LONGJUMP record after unwinding to its Frame). */
struct jump_buffer {
    ULONG64 frame, rbx, rsp, rbp, rsi, rdi, r12, r13, r14, r15, rip;
    ULONG mxcsr;
    USHORT fpcsr, spare;
    M128A xmm[10];              /* xmm6-xmm15 */
};

static void load_jump_buffer(CONTEXT *ctx, const struct jump_buffer *jb)
{
    TRACE("longjmp to %#llx rsp %#llx\n", jb->rip, jb->rsp);
    ctx->Rbx = jb->rbx;
    ctx->Rsp = jb->rsp;
    ctx->Rbp = jb->rbp;
    ctx->Rsi = jb->rsi;
    ctx->Rdi = jb->rdi;
    ctx->R12 = jb->r12;
    ctx->R13 = jb->r13;
    ctx->R14 = jb->r14;
    ctx->R15 = jb->r15;
    ctx->Rip = jb->rip;
    ctx->MxCsr = ctx->FltSave.MxCsr = jb->mxcsr;
    ctx->FltSave.ControlWord = jb->fpcsr;
    memcpy(&ctx->Xmm6, jb->xmm, sizeof(jb->xmm));
}

/***********************************************************************
 *           RtlRestoreContext   (NTDLL.@)
 *
 * Resumes at ctx. With an unwind-consolidation record, first calls its callback (on this
 * stack, whose frames stay alive for it: C++ catch blocks run this way) and resumes at the
 * address it returns. With a STATUS_LONGJUMP record, the registers of the jump buffer it
 * points to replace those of ctx (longjmp after its unwind).
 */
void NTAPI RtlRestoreContext(CONTEXT *ctx, EXCEPTION_RECORD *rec)
{
    if (rec && rec->ExceptionCode == (DWORD)STATUS_UNWIND_CONSOLIDATE && rec->NumberParameters >= 1) {
        TRACE("consolidating: callback %#llx\n", (ULONG64)rec->ExceptionInformation[0]);
        seh_consolidate(ctx, rec);
    }
    if (rec && rec->ExceptionCode == (DWORD)STATUS_LONGJUMP && rec->NumberParameters >= 1)
        load_jump_buffer(ctx, (const struct jump_buffer *)rec->ExceptionInformation[0]);
    TRACE("resuming at %#llx rsp %#llx\n", ctx->Rip, ctx->Rsp);
    seh_load_context(ctx);
}

/***********************************************************************
 *           NtContinue   (NTDLL.@)
 *
 * The PE side resumes contexts itself; alerts are not delivered here (alertable waits do).
 */
NTSTATUS NTAPI NtContinue(CONTEXT *ctx, BOOLEAN alert)
{
    seh_load_context(ctx);
}

/* One handler call of an unwind. Returns the disposition; on a collided unwind, ctx and disp
 * are those of the unwind that was interrupted, its frame unwound into *next. */
static EXCEPTION_DISPOSITION call_unwind_handler(EXCEPTION_RECORD *rec, CONTEXT *ctx, CONTEXT *next,
                                                 DISPATCHER_CONTEXT *disp, ULONG64 *frame, ULONG64 target)
{
    EXCEPTION_DISPOSITION res;
    for (;;) {
        if (*frame == target)
            rec->ExceptionFlags |= EXCEPTION_TARGET_UNWIND;
        else
            rec->ExceptionFlags &= ~EXCEPTION_TARGET_UNWIND;
        TRACE("calling unwind handler %p for frame %#llx (pc %#llx) flags %#lx\n",
              disp->LanguageHandler, *frame, disp->ControlPc, rec->ExceptionFlags);
        res = seh_call_unwind_handler(rec, *frame, ctx, disp);
        TRACE("unwind handler %p returned %d\n", disp->LanguageHandler, res);
        rec->ExceptionFlags &= ~EXCEPTION_COLLIDED_UNWIND;
        if (res != ExceptionCollidedUnwind)
            return res;
        /* Go on with the interrupted unwind's frame: its handler is called again. */
        *ctx = *disp->ContextRecord;
        disp->ContextRecord = ctx;
        *next = *ctx;
        RtlVirtualUnwind(UNW_FLAG_NHANDLER, disp->ImageBase, disp->ControlPc, disp->FunctionEntry,
                         next, NULL, frame, NULL);
        rec->ExceptionFlags |= EXCEPTION_COLLIDED_UNWIND;
    }
}

/***********************************************************************
 *           RtlUnwindEx   (NTDLL.@)
 *
 * Unwinds the stack up to the establisher frame target (all of it if NULL), calling the
 * termination handlers on the way, then resumes in that frame at target_ip with rax = retval.
 */
void NTAPI RtlUnwindEx(PVOID target, PVOID target_ip, EXCEPTION_RECORD *rec, PVOID retval,
                       CONTEXT *ctx, UNWIND_HISTORY_TABLE *history)
{
    EXCEPTION_RECORD local_rec;
    UNWIND_HISTORY_TABLE local_history;
    DISPATCHER_CONTEXT disp;
    CONTEXT other, *next = &other, *swap;
    ULONG64 frame, base;
    RUNTIME_FUNCTION *func;
    PEXCEPTION_ROUTINE handler;
    void *data;

    if (!history) {     /* the frames were found by the dispatch; remember them here at least */
        memset(&local_history, 0, sizeof(local_history));
        history = &local_history;
    }
    RtlCaptureContext(ctx);
    seh_unwind_frame(UNW_FLAG_NHANDLER, ctx, &base, &func, &data, &frame, history);  /* to our caller */
    if (!rec) {
        memset(&local_rec, 0, sizeof(local_rec));
        local_rec.ExceptionCode = STATUS_UNWIND;
        local_rec.ExceptionAddress = (void *)ctx->Rip;
        rec = &local_rec;
    }
    rec->ExceptionFlags |= EXCEPTION_UNWINDING | (target ? 0 : EXCEPTION_EXIT_UNWIND);
    TRACE("target frame %p ip %p code %#lx retval %p\n", target, target_ip, rec->ExceptionCode, retval);

    /* ctx and next take turns as the frame's context and its caller's: one copy per frame. */
    for (;;) {
        ULONG64 pc = ctx->Rip;
        if (!seh_known_code(pc, history)) {
            if (!target)
                break;      /* an exit unwind: the end of the PE frames */
            ERR("pc %#llx: the walk left PE code before the target frame %p\n", pc, target);
            raise_status(STATUS_INVALID_UNWIND_TARGET, rec);
        }
        *next = *ctx;
        handler = seh_unwind_frame(UNW_FLAG_UHANDLER, next, &base, &func, &data, &frame, history);
        if (!frame_in_stack(frame) || (target && frame > (ULONG64)target)) {
            if (!target)
                break;      /* an exit unwind: the end of the stack */
            ERR("frame %#llx is beyond the target frame %p\n", frame, target);
            raise_status(frame_in_stack(frame) ? STATUS_INVALID_UNWIND_TARGET : STATUS_BAD_STACK, rec);
        }
        if (handler) {
            fill_dispatch(&disp, pc, base, func, frame, (ULONG64)target_ip, ctx, handler, data, history);
            if (call_unwind_handler(rec, ctx, next, &disp, &frame, (ULONG64)target) != ExceptionContinueSearch)
                raise_status(STATUS_INVALID_DISPOSITION, rec);
            rec->ExceptionFlags &= ~EXCEPTION_TARGET_UNWIND;
        }
        if (frame == (ULONG64)target)
            break;
        swap = ctx;
        ctx = next;
        next = swap;
    }
    ctx->Rax = (ULONG64)retval;
    ctx->Rip = (ULONG64)target_ip;
    TRACE("unwound to frame %p: resuming at %p\n", target, target_ip);
    RtlRestoreContext(ctx, rec);
}

/***********************************************************************
 *           RtlUnwind   (NTDLL.@)
 */
void NTAPI RtlUnwind(PVOID target, PVOID target_ip, EXCEPTION_RECORD *rec, PVOID retval)
{
    CONTEXT ctx;
    RtlUnwindEx(target, target_ip, rec, retval, &ctx, NULL);
}
