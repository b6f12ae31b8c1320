/* context.c: the register context of a suspended thread: NtGetContextThread, NtSetContextThread.
 *
 * SuspendThread of another thread sends it SIG_SUSPEND (thread.c). In PE code the handler stops
 * there, publishing the signal context: that is the thread's real interrupted state, and a
 * SetThreadContext writes it, so the thread resumes where and as it says (Go's runtime injects
 * its asyncPreempt call that way). In vinho's code (a gate call) the thread must not stop, as it
 * may hold one of our locks: it publishes the context the PE caller will see when the call returns
 * (its gate frame: return address, stack, the registers the ABI preserves; the volatile ones are
 * reported as 0) and stops at that return (loader/gateguard.S). Such a context cannot be changed
 * yet: SetThreadContext then fails with STATUS_NOT_IMPLEMENTED unless it changes nothing. */
#include <limits.h>
#include <signal.h>
#include <linux/futex.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(thread);

#define STATUS_THREAD_IS_TERMINATING ((NTSTATUS)0xC000004B)
#define CONTEXT_AMD64 0x00100000
#define CONTEXT_CONTROL 0x1
#define CONTEXT_INTEGER 0x2
#define CONTEXT_SEGMENTS 0x4
#define CONTEXT_FLOATING_POINT 0x8
#define CONTEXT_DEBUG_REGISTERS 0x10

enum { SUSPEND_RUNNING, SUSPEND_STOPPED, SUSPEND_IN_GATE };


/* The gate frame of loader/loader.h. */
struct frame {
    uint64_t resume, rsp, rbx, rbp, rdi, rsi, r12, r13, r14, r15;
    uint8_t xmm[10][16];
};

/* The fxsave bytes a context carries: x87, MXCSR, xmm0-15. Linux keeps its own marks in the
 * rest of the 512 bytes of a signal frame, which must stay as they are. */
#define FXSAVE_REGS 416
#define FXSAVE_MXCSR 24

static long futex(int *addr, int op, int val, const struct timespec *timeout)
{
    return syscall(SYS_futex, addr, op, val, timeout, NULL, 0);
}

/* Says where the thread is for the latest suspension (suspend_seq), for wait_stopped(). */
static void publish(struct thread *t, void *uc, const void *frame, int kind)
{
    t->suspend_uc = uc;
    t->suspend_frame = frame;
    t->suspend_kind = kind;
    __atomic_store_n(&t->suspend_state, __atomic_load_n(&t->suspend_seq, __ATOMIC_ACQUIRE),
                     __ATOMIC_RELEASE);
    futex(&t->suspend_state, FUTEX_WAKE_PRIVATE, INT_MAX, NULL);
}

/* Waits while suspended with the context published: uc (PE code) or frame (a gate return). A
 * new suspension may come while it still waits for the end of the last one (Resume then Suspend
 * before it woke): it is woken to publish again. It sleeps on suspend_gen, read before it looks
 * at the count: the count alone can go 1, 0, 1 between that look and the sleep, and the signal
 * of the new suspension stays blocked while this runs in the handler, so it would never publish
 * for it and GetThreadContext would wait for good. */
static void stop(struct thread *t, void *uc, const void *frame)
{
    int gen;
    for (;;) {
        gen = __atomic_load_n(&t->suspend_gen, __ATOMIC_ACQUIRE);
        publish(t, uc, frame, SUSPEND_STOPPED);
        if (__atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE) <= 0 || t->terminate_pending)
            break;
        futex(&t->suspend_gen, FUTEX_WAIT_PRIVATE, gen, NULL);
    }
    t->suspend_kind = SUSPEND_RUNNING;
}

static void bump_gen(struct thread *t)
{
    __atomic_add_fetch(&t->suspend_gen, 1, __ATOMIC_ACQ_REL);
    futex(&t->suspend_gen, FUTEX_WAKE_PRIVATE, INT_MAX, NULL);
}

void context_suspend_requested(struct thread *t)
{
    __atomic_add_fetch(&t->suspend_seq, 1, __ATOMIC_ACQ_REL);
    bump_gen(t);
}

void context_resumed(struct thread *t)
{
    bump_gen(t);
}

void context_suspend_signal(struct thread *t, void *uc)
{
    const struct thread_hooks *hooks = thread_get_hooks();
    const void *pc = uc ? (const void *)((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP] : NULL;
    const void *frame = hooks->gate_frame ? hooks->gate_frame(pc) : NULL;

    if (__atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE) <= 0)
        return;     /* resumed before the signal came */
    if (uc && __atomic_load_n(&t->suspend_state, __ATOMIC_ACQUIRE) ==
              __atomic_load_n(&t->suspend_seq, __ATOMIC_ACQUIRE))
        return;     /* already stopped for it, at a gate return (its signal was blocked) */
    if (uc && frame) {
        if (hooks->suspend_at_gate_return)
            hooks->suspend_at_gate_return();
        publish(t, NULL, frame, SUSPEND_IN_GATE);
        return;
    }
    stop(t, uc, uc ? NULL : frame);
}

/* The gate return of a call during which SuspendThread came. SIG_SUSPEND stays blocked while it
 * stops here: a suspension that comes meanwhile is published by this loop, with the PE caller's
 * context, not by a handler stopping inside this ELF code. */
void context_gate_suspend_point(const void *frame)
{
    struct thread *t = thread_current();
    sigset_t block, old;
    if (__atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE) <= 0)
        return;
    sigemptyset(&block);
    sigaddset(&block, SIG_SUSPEND);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    stop(t, NULL, frame);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

static void context_from_uc(const ucontext_t *uc, struct vn_context *ctx)
{
    const greg_t *r = uc->uc_mcontext.gregs;
    ctx->rax = r[REG_RAX]; ctx->rcx = r[REG_RCX]; ctx->rdx = r[REG_RDX]; ctx->rbx = r[REG_RBX];
    ctx->rsp = r[REG_RSP]; ctx->rbp = r[REG_RBP]; ctx->rsi = r[REG_RSI]; ctx->rdi = r[REG_RDI];
    ctx->r8 = r[REG_R8]; ctx->r9 = r[REG_R9]; ctx->r10 = r[REG_R10]; ctx->r11 = r[REG_R11];
    ctx->r12 = r[REG_R12]; ctx->r13 = r[REG_R13]; ctx->r14 = r[REG_R14]; ctx->r15 = r[REG_R15];
    ctx->rip = r[REG_RIP];
    ctx->eflags = (uint32_t)r[REG_EFL];
    if (uc->uc_mcontext.fpregs) {
        memcpy(ctx->fxsave, uc->uc_mcontext.fpregs, FXSAVE_REGS);
        ctx->mxcsr = uc->uc_mcontext.fpregs->mxcsr;
    }
}

/* The PE caller's context when the gate call of frame returns. */
static void context_from_frame(const struct frame *f, struct vn_context *ctx)
{
    ctx->rip = f->resume;
    ctx->rsp = f->rsp + 8;
    ctx->rbx = f->rbx; ctx->rbp = f->rbp; ctx->rdi = f->rdi; ctx->rsi = f->rsi;
    ctx->r12 = f->r12; ctx->r13 = f->r13; ctx->r14 = f->r14; ctx->r15 = f->r15;
    ctx->eflags = 0x202;
    ctx->mxcsr = 0x1f80;
    memcpy(ctx->fxsave + FXSAVE_MXCSR, &ctx->mxcsr, 4);
    memcpy(ctx->fxsave + 160 + 6 * 16, f->xmm, sizeof(f->xmm));    /* xmm6-15 */
}

/* Waits until t (suspended) has published its context for the latest suspension. */
static NTSTATUS wait_stopped(struct thread *t)
{
    struct timespec tick = { 0, 50 * 1000000 };
    int want = __atomic_load_n(&t->suspend_seq, __ATOMIC_ACQUIRE), state;
    while ((state = __atomic_load_n(&t->suspend_state, __ATOMIC_ACQUIRE)) != want) {
        if (t->exited || t->terminate_pending)
            return STATUS_THREAD_IS_TERMINATING;
        if (__atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE) <= 0)
            return STATUS_UNSUCCESSFUL;     /* resumed meanwhile by another thread */
        futex(&t->suspend_state, FUTEX_WAIT_PRIVATE, state, &tick);
    }
    return STATUS_SUCCESS;
}

/* Reads the context of t, suspended (or the caller itself, in this gate call). */
static NTSTATUS read_context(struct thread *t, struct vn_context *ctx, bool *in_gate)
{
    const struct thread_hooks *hooks = thread_get_hooks();
    NTSTATUS status;

    memset(ctx, 0, sizeof(*ctx));
    ctx->cs = 0x33;
    ctx->ss = ctx->ds = ctx->es = ctx->gs = 0x2b;
    ctx->fs = 0x53;
    if (t == thread_current()) {
        const struct frame *f = hooks->gate_frame ? hooks->gate_frame(NULL) : NULL;
        if (!f)
            return STATUS_UNSUCCESSFUL;
        context_from_frame(f, ctx);
        *in_gate = true;
        return STATUS_SUCCESS;
    }
    if ((status = wait_stopped(t)))
        return status;
    if (t->suspend_uc && t->suspend_kind == SUSPEND_STOPPED) {
        context_from_uc(t->suspend_uc, ctx);
        *in_gate = false;
    } else if (t->suspend_frame) {
        context_from_frame(t->suspend_frame, ctx);
        *in_gate = true;
    } else {
        FIXME("thread %04x stopped outside PE code and system calls: no context\n", t->tid);
        return STATUS_UNSUCCESSFUL;
    }
    return STATUS_SUCCESS;
}

/* The parts of ctx that flags ask for, from src. */
static void copy_parts(struct vn_context *dst, const struct vn_context *src, ULONG flags)
{
    if (flags & CONTEXT_CONTROL) {
        dst->cs = src->cs; dst->ss = src->ss; dst->eflags = src->eflags;
        dst->rsp = src->rsp; dst->rip = src->rip;
    }
    if (flags & CONTEXT_INTEGER) {
        dst->rax = src->rax; dst->rcx = src->rcx; dst->rdx = src->rdx; dst->rbx = src->rbx;
        dst->rbp = src->rbp; dst->rsi = src->rsi; dst->rdi = src->rdi;
        dst->r8 = src->r8; dst->r9 = src->r9; dst->r10 = src->r10; dst->r11 = src->r11;
        dst->r12 = src->r12; dst->r13 = src->r13; dst->r14 = src->r14; dst->r15 = src->r15;
    }
    if (flags & CONTEXT_SEGMENTS) {
        dst->ds = src->ds; dst->es = src->es; dst->fs = src->fs; dst->gs = src->gs;
    }
    if (flags & CONTEXT_FLOATING_POINT) {
        dst->mxcsr = src->mxcsr;
        memcpy(dst->fxsave, src->fxsave, FXSAVE_REGS);
    }
    if (flags & CONTEXT_DEBUG_REGISTERS)
        memcpy(dst->dr, src->dr, sizeof(dst->dr));
}

/* Suspends t for the duration of a context call, unless the caller did (or it is the caller). */
static bool hold(HANDLE handle, struct thread *t)
{
    if (t == thread_current() || __atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE) > 0)
        return false;
    return NtSuspendThread(handle, NULL) == STATUS_SUCCESS;
}

/***********************************************************************
 *           NtGetContextThread
 *
 * The parts of the context ContextFlags asks for. A running thread is suspended while it is read.
 */
NTSTATUS WINAPI NtGetContextThread(HANDLE handle, void *context)
{
    struct vn_context *out = context, ctx;
    struct thread *t;
    ULONG flags;
    bool held, in_gate;
    NTSTATUS status;

    if (!out)
        return STATUS_INVALID_PARAMETER;
    flags = out->flags;
    if ((status = thread_get(handle, &t)))
        return status;
    TRACE("thread %04x flags %#x\n", t->tid, flags);
    if (!t->started && t != thread_current()) {
        FIXME("the context of a thread that never ran is not implemented\n");
        object_unref(&t->obj);
        return STATUS_NOT_IMPLEMENTED;
    }
    held = hold(handle, t);
    status = read_context(t, &ctx, &in_gate);
    if (held)
        NtResumeThread(handle, NULL);
    object_unref(&t->obj);
    if (status)
        return status;
    TRACE("thread %04x: rip %#lx rsp %#lx%s\n", t->tid, (unsigned long)ctx.rip,
          (unsigned long)ctx.rsp, in_gate ? " (in a system call)" : "");
    copy_parts(out, &ctx, flags);      /* no lock held: the caller's memory */
    out->flags = flags & (CONTEXT_AMD64 | 0x1f);
    return STATUS_SUCCESS;
}

static void context_to_uc(ucontext_t *uc, const struct vn_context *ctx, ULONG flags)
{
    greg_t *r = uc->uc_mcontext.gregs;
    if (flags & CONTEXT_CONTROL) {
        r[REG_RIP] = ctx->rip;
        r[REG_RSP] = ctx->rsp;
        /* The flags a program may change: status flags, TF, DF; IF stays set. */
        r[REG_EFL] = (r[REG_EFL] & ~0xdd5) | (ctx->eflags & 0xdd5);
    }
    if (flags & CONTEXT_INTEGER) {
        r[REG_RAX] = ctx->rax; r[REG_RCX] = ctx->rcx; r[REG_RDX] = ctx->rdx; r[REG_RBX] = ctx->rbx;
        r[REG_RBP] = ctx->rbp; r[REG_RSI] = ctx->rsi; r[REG_RDI] = ctx->rdi;
        r[REG_R8] = ctx->r8; r[REG_R9] = ctx->r9; r[REG_R10] = ctx->r10; r[REG_R11] = ctx->r11;
        r[REG_R12] = ctx->r12; r[REG_R13] = ctx->r13; r[REG_R14] = ctx->r14; r[REG_R15] = ctx->r15;
    }
    if ((flags & CONTEXT_FLOATING_POINT) && uc->uc_mcontext.fpregs) {
        uint32_t mxcsr = ctx->mxcsr & 0xffff;   /* reserved bits would make sigreturn fail */
        memcpy(uc->uc_mcontext.fpregs, ctx->fxsave, FXSAVE_REGS);
        uc->uc_mcontext.fpregs->mxcsr = mxcsr;
    }
}

/***********************************************************************
 *           NtSetContextThread
 *
 * Changes the parts of a suspended thread's context that ContextFlags names (control, integer,
 * floating point; segments are fixed on x64, debug registers are not implemented); it resumes
 * with them.
 */
NTSTATUS WINAPI NtSetContextThread(HANDLE handle, const void *context)
{
    struct vn_context ctx, cur;
    struct thread *t;
    bool held, in_gate;
    NTSTATUS status;

    if (!context)
        return STATUS_INVALID_PARAMETER;
    memcpy(&ctx, context, sizeof(ctx));    /* the caller's memory, read with no lock held */
    if ((status = thread_get(handle, &t)))
        return status;
    TRACE("thread %04x flags %#x rip %#lx rsp %#lx\n", t->tid, ctx.flags, (unsigned long)ctx.rip,
          (unsigned long)ctx.rsp);
    if (!t->started && t != thread_current()) {
        FIXME("the context of a thread that never ran is not implemented\n");
        status = STATUS_NOT_IMPLEMENTED;
        goto out;
    }
    if (ctx.flags & CONTEXT_DEBUG_REGISTERS & ~CONTEXT_AMD64)
        FIXME_ONCE("debug registers are not implemented: ignored\n");
    held = hold(handle, t);
    if (!(status = read_context(t, &cur, &in_gate))) {
        struct vn_context wanted = cur;
        ULONG parts = ctx.flags & (CONTEXT_CONTROL | CONTEXT_INTEGER | CONTEXT_FLOATING_POINT);
        copy_parts(&wanted, &ctx, parts);
        if (!in_gate) {
            context_to_uc(t->suspend_uc, &wanted, parts);
        } else if (memcmp(&wanted, &cur, sizeof(cur))) {
            FIXME("changing the context of a thread in a system call is not implemented\n");
            status = STATUS_NOT_IMPLEMENTED;
        }
    }
    if (held)
        NtResumeThread(handle, NULL);
out:
    object_unref(&t->obj);
    return status;
}
