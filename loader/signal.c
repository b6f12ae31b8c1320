/* signal.c: hardware faults become Windows exceptions. A fault in PE code is turned into an
 * EXCEPTION_RECORD and a CONTEXT on the faulting thread's stack, and the thread resumes in
 * ntdll's KiUserExceptionDispatcher, where dispatch is PE code (dlls/ntdll/exception.c). A
 * fault in ELF code during a gate call makes that call return STATUS_ACCESS_VIOLATION; one
 * outside a gate call is a bug of vinho's: reported with an ELF backtrace, then the exit. */
#define UNW_LOCAL_ONLY
#include <asm/prctl.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <libunwind.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <ucontext.h>
#include "loader/loader.h"
#include "ntcalls/ntcalls.h"
#include "ntcalls/process.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(seh);

#define STATUS_ACCESS_VIOLATION_ 0xC0000005u
#define STATUS_STACK_OVERFLOW_   0xC00000FDu

/* What KiUserExceptionDispatcher finds at its rsp (dlls/ntdll/seh.h: SEH_FRAME_*): home space,
 * the CONTEXT (x64 layout, Microsoft's winnt.h), a machine frame, the EXCEPTION_RECORD. */
struct win_record {
    uint32_t code, flags;
    uint64_t nested, address;
    uint32_t nparams, pad;
    uint64_t params[15];
};
struct exception_frame {
    uint64_t home[6];
    struct vn_context context;
    uint64_t machine[6];            /* rip, cs, eflags, rsp, ss, padding */
    struct win_record record;
    uint64_t pad;
};
_Static_assert(sizeof(struct win_record) == 0x98, "EXCEPTION_RECORD size");
_Static_assert(offsetof(struct exception_frame, context) == 0x30, "SEH_FRAME_CONTEXT");
_Static_assert(offsetof(struct exception_frame, machine) == 0x500, "SEH_FRAME_MACHINE");
_Static_assert(offsetof(struct exception_frame, record) == 0x530, "SEH_FRAME_RECORD");
_Static_assert(sizeof(struct exception_frame) == 0x5d0, "SEH_FRAME_SIZE");

/* Room left below the faulting rsp: Windows has no red zone, but a leaf function may still
 * peek just below its stack pointer. */
#define BELOW_RSP 128
/* Stack made usable for the handlers of a stack overflow (Windows commits the guard page and
 * keeps a reserve for this), or the thread's SetThreadStackGuarantee and a page if more. */
#define OVERFLOW_ROOM 0x8000

static void *dispatcher;            /* ntdll's KiUserExceptionDispatcher */
static __thread volatile sig_atomic_t reporting;   /* a report is being written on this thread */

static struct vn_teb *current_teb(void)
{
    struct vn_teb *teb = NULL;
    if (syscall(SYS_arch_prctl, ARCH_GET_GS, &teb) < 0)
        return NULL;
    return teb;
}

/* A fault in ELF code during a gate call (a bad pointer from the PE caller): the call returns
 * STATUS_ACCESS_VIOLATION, as Windows' kernel returns it for a bad user buffer. */
static bool resume_gate_caller(ucontext_t *uc, void *fault_addr)
{
    struct gate_frame *f;
    greg_t *r = uc->uc_mcontext.gregs;

    if (!vinho_gate_depth)
        return false;
    f = &vinho_gate_frames[--vinho_gate_depth];
    WARN("fault at %p reading or writing %p in a gate call: it returns STATUS_ACCESS_VIOLATION\n",
         (void *)r[REG_RIP], fault_addr);
    r[REG_RIP] = (greg_t)f->resume;
    r[REG_RSP] = f->rsp + 8;
    r[REG_RAX] = (greg_t)STATUS_ACCESS_VIOLATION_;
    r[REG_RBX] = f->rbx;
    r[REG_RBP] = f->rbp;
    r[REG_RDI] = f->rdi;
    r[REG_RSI] = f->rsi;
    r[REG_R12] = f->r12;
    r[REG_R13] = f->r13;
    r[REG_R14] = f->r14;
    r[REG_R15] = f->r15;
    if (uc->uc_mcontext.fpregs)
        memcpy(&uc->uc_mcontext.fpregs->_xmm[6], f->xmm, sizeof(f->xmm));
    return true;
}

/* The exception a SIGSEGV/SIGBUS is: an access violation with the kind of access, or a
 * general protection fault (no address: Windows reports all ones), or a privileged one. */
static void segv_exception(siginfo_t *info, ucontext_t *uc, struct win_record *rec)
{
    greg_t *r = uc->uc_mcontext.gregs;
    const uint8_t *pc = (const uint8_t *)r[REG_RIP];
    greg_t err = r[REG_ERR];

    if (info->si_code == SI_KERNEL && module_from_address(pc)) {
        uint8_t op = pc[0];
        if (op == 0xf4 || op == 0xfa || op == 0xfb || (op >= 0xe4 && op <= 0xe7) || op >= 0xec) {
            rec->code = 0xC0000096;     /* STATUS_PRIVILEGED_INSTRUCTION: hlt, cli, sti, in, out */
            return;
        }
    }
    rec->code = STATUS_ACCESS_VIOLATION_;
    rec->nparams = 2;
    rec->params[0] = (err & 16) ? 8 : (err & 2) ? 1 : 0;   /* execute, write, read */
    rec->params[1] = info->si_code == SI_KERNEL ? ~0ull : (uint64_t)info->si_addr;
}

static const int greg_of[16] = {        /* x86 register number -> ucontext index */
    REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
    REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
};

/* The divisor of the idiv at pc (REX.W or 32-bit, register or memory operand), sign-extended;
 * false if pc holds something else. */
static bool idiv_divisor(const uint8_t *pc, const greg_t *r, int64_t *divisor, bool *wide)
{
    uint8_t rex = (*pc & 0xf0) == 0x40 ? *pc++ : 0, modrm, mod, rm;
    uint64_t addr = 0;

    if (pc[0] != 0xf7 || ((pc[1] >> 3) & 7) != 7)
        return false;
    modrm = pc[1];
    pc += 2;
    *wide = rex & 8;
    mod = modrm >> 6;
    rm = (modrm & 7) | ((rex & 1) << 3);
    if (mod == 3) {
        *divisor = *wide ? (int64_t)r[greg_of[rm]] : (int32_t)r[greg_of[rm]];
        return true;
    }
    if ((modrm & 7) == 4) {                 /* SIB */
        uint8_t sib = *pc++;
        int index = ((sib >> 3) & 7) | ((rex & 2) << 2), base = (sib & 7) | ((rex & 1) << 3);
        if (index != 4)
            addr += (uint64_t)r[greg_of[index]] << (sib >> 6);
        if ((sib & 7) == 5 && mod == 0)
            addr += *(const int32_t *)pc, pc += 4;
        else
            addr += r[greg_of[base]];
    } else if ((modrm & 7) == 5 && mod == 0) {
        addr = (uint64_t)(pc + 4) + *(const int32_t *)pc;   /* rip-relative */
        pc += 4;
    } else {
        addr = r[greg_of[rm]];
    }
    if (mod == 1)
        addr += *(const int8_t *)pc;
    else if (mod == 2)
        addr += *(const int32_t *)pc;
    *divisor = *wide ? *(const int64_t *)addr : *(const int32_t *)addr;
    return true;
}

/* #DE is both x / 0 and INT_MIN / -1; Windows tells them apart. */
static uint32_t divide_code(const ucontext_t *uc)
{
    const greg_t *r = uc->uc_mcontext.gregs;
    int64_t divisor;
    bool wide;
    if (module_from_address((void *)r[REG_RIP]) && idiv_divisor((const uint8_t *)r[REG_RIP], r, &divisor, &wide) &&
        divisor == -1)
        return 0xC0000095;                  /* STATUS_INTEGER_OVERFLOW */
    return 0xC0000094;
}

static uint32_t fpe_code(int si_code)
{
    switch (si_code) {
    case FPE_INTDIV: return 0xC0000094;
    case FPE_INTOVF: return 0xC0000095;
    case FPE_FLTDIV: return 0xC000008E;
    case FPE_FLTOVF: return 0xC0000091;
    case FPE_FLTUND: return 0xC0000093;
    case FPE_FLTRES: return 0xC000008F;
    case FPE_FLTINV: return 0xC0000090;
    case FPE_FLTSUB: return 0xC000008C;     /* STATUS_ARRAY_BOUNDS_EXCEEDED */
    default:         return 0xC00002B5;     /* STATUS_FLOAT_MULTIPLE_TRAPS */
    }
}

/* The record of the signal; false if the signal is not an exception (never happens for the
 * signals we catch). */
static void make_record(int sig, siginfo_t *info, ucontext_t *uc, struct win_record *rec)
{
    greg_t *r = uc->uc_mcontext.gregs;
    memset(rec, 0, sizeof(*rec));
    rec->address = r[REG_RIP];
    switch (sig) {
    case SIGSEGV:
    case SIGBUS:
        segv_exception(info, uc, rec);
        break;
    case SIGILL:
        rec->code = info->si_code == ILL_PRVOPC ? 0xC0000096 : 0xC000001D;
        break;
    case SIGFPE:
        rec->code = info->si_code == FPE_INTDIV ? divide_code(uc) : fpe_code(info->si_code);
        break;
    case SIGTRAP:
        if (info->si_code == TRAP_TRACE || info->si_code == TRAP_HWBKPT) {
            rec->code = 0x80000004;     /* STATUS_SINGLE_STEP */
            r[REG_EFL] &= ~0x100;       /* the trap flag is spent */
        } else {
            rec->code = 0x80000003;     /* STATUS_BREAKPOINT: the address of the int3 itself */
            if (r[REG_RIP] && ((const uint8_t *)r[REG_RIP])[-1] == 0xcc)
                rec->address = --r[REG_RIP];
            rec->nparams = 1;           /* BREAKPOINT_BREAK */
        }
        break;
    }
}

static void fill_context(ucontext_t *uc, struct vn_context *c)
{
    greg_t *r = uc->uc_mcontext.gregs;
    memset(c, 0, sizeof(*c));
    c->flags = 0x10001f;    /* CONTEXT_AMD64 | CONTROL | INTEGER | SEGMENTS | FLOATING_POINT | DEBUG */
    c->cs = 0x33;           /* Windows x64 user selectors (Linux uses the same cs and ss) */
    c->ss = c->ds = c->es = c->gs = 0x2b;
    c->fs = 0x53;
    c->eflags = (uint32_t)r[REG_EFL];
    c->rax = r[REG_RAX]; c->rcx = r[REG_RCX]; c->rdx = r[REG_RDX]; c->rbx = r[REG_RBX];
    c->rsp = r[REG_RSP]; c->rbp = r[REG_RBP]; c->rsi = r[REG_RSI]; c->rdi = r[REG_RDI];
    c->r8 = r[REG_R8];   c->r9 = r[REG_R9];   c->r10 = r[REG_R10]; c->r11 = r[REG_R11];
    c->r12 = r[REG_R12]; c->r13 = r[REG_R13]; c->r14 = r[REG_R14]; c->r15 = r[REG_R15];
    c->rip = r[REG_RIP];
    if (uc->uc_mcontext.fpregs) {
        memcpy(c->fxsave, uc->uc_mcontext.fpregs, sizeof(c->fxsave));
        c->mxcsr = uc->uc_mcontext.fpregs->mxcsr;
    }
}

/* A fault in the stack's reserve (below StackLimit) or on a guard page a program put in its
 * stack: commit room for the handlers below the fault and lower StackLimit, as Windows does
 * when its guard page is hit. False if the stack is exhausted beyond that room. */
static uint64_t overflow_room(const struct vn_teb *teb)
{
    uint64_t guarantee = ((uint64_t)teb->GuaranteedStackBytes + 0xfff) & ~0xfffull;
    return guarantee + 0x1000 > OVERFLOW_ROOM ? guarantee + 0x1000 : OVERFLOW_ROOM;
}

static bool grow_for_overflow(struct vn_teb *teb, uint64_t addr)
{
    uint64_t page = addr & ~0xfffull, lowest = (uint64_t)teb->DeallocationStack + 0x1000;
    uint64_t start, room = overflow_room(teb);
    void *base;
    SIZE_T size;
    ULONG old;

    if (page < lowest + room / 2)
        return false;
    start = page - room >= lowest ? page - room : lowest;
    base = (void *)start;
    size = page + 0x1000 - start;
    if (NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &size, MEM_COMMIT, PAGE_READWRITE) ||
        NtProtectVirtualMemory(NtCurrentProcess(), &base, &size, PAGE_READWRITE, &old))
        return false;
    if ((void *)start < teb->StackLimit)
        teb->StackLimit = (void *)start;
    TRACE("stack overflow at %#lx: stack limit now %p\n", (unsigned long)addr, teb->StackLimit);
    return true;
}

/* A guard page hit in the thread's stack (one that grows by guard pages, as Windows makes every
 * thread's and as Rust's corosensei makes wasmer's): Windows commits it, puts the guard on the page
 * below and lowers StackLimit, without an exception, while the new guard leaves room for the
 * overflow's handlers (the thread's SetThreadStackGuarantee, at least OVERFLOW_ROOM) above the
 * reserve's last page; past that it is a stack overflow (false: grow_for_overflow makes that
 * room). The caller has cleared the guard. */
static bool move_stack_guard(struct vn_teb *teb, uint64_t addr)
{
    uint64_t page = addr & ~0xfffull, guard = page - 0x1000;
    void *base = (void *)guard;
    SIZE_T size = 0x1000;
    ULONG old;

    if (guard < (uint64_t)teb->DeallocationStack + 0x1000 + overflow_room(teb))
        return false;
    if (NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &size, MEM_COMMIT, PAGE_READWRITE) ||
        NtProtectVirtualMemory(NtCurrentProcess(), &base, &size, PAGE_READWRITE | PAGE_GUARD, &old))
        return false;
    if ((void *)page < teb->StackLimit)
        teb->StackLimit = (void *)page;
    TRACE("stack guard page at %#lx: stack limit now %p\n", (unsigned long)guard, teb->StackLimit);
    return true;
}

/* Moves the thread onto its own stack below the fault, with the exception frame, and lets the
 * signal return into KiUserExceptionDispatcher. */
/* Windows dispatches on whatever stack the thread was using, if it can write the frame there:
 * programs that run on stacks of their own (Go's goroutine stacks, fibers, coroutines) get their
 * exceptions too. The thread's own stack must be above its limit (below is an overflow, handled
 * before); elsewhere the frame's memory is probed by a read from /dev/zero into it, which fails
 * with EFAULT instead of faulting (the bytes are below the red zone: free stack). */
static int zero_fd = -1;

static bool usable_stack(const struct vn_teb *teb, uint64_t sp, size_t size)
{
    if (sp >= (uint64_t)teb->DeallocationStack && sp < (uint64_t)teb->StackBase)
        return sp >= (uint64_t)teb->StackLimit;
    return zero_fd >= 0 && pread(zero_fd, (void *)sp, size, 0) == (ssize_t)size;
}

static bool resume_in_dispatcher(ucontext_t *uc, const struct win_record *rec)
{
    greg_t *r = uc->uc_mcontext.gregs;
    struct vn_teb *teb = current_teb();
    uint64_t sp = (((uint64_t)r[REG_RSP] - BELOW_RSP) & ~15ull) - sizeof(struct exception_frame);
    struct exception_frame *f = (struct exception_frame *)sp;

    if (!dispatcher)
        dispatcher = ntdll_export("KiUserExceptionDispatcher");
    if (!dispatcher || !teb || !usable_stack(teb, sp, sizeof(*f)))
        return false;
    fill_context(uc, &f->context);
    f->record = *rec;
    f->machine[0] = f->context.rip;
    f->machine[1] = 0x33;
    f->machine[2] = f->context.eflags;
    f->machine[3] = f->context.rsp;
    f->machine[4] = 0x2b;
    TRACE("code %#x at %p (rsp %#lx): dispatching from %p\n", rec->code, (void *)rec->address,
          (unsigned long)f->context.rsp, (void *)f);
    r[REG_RSP] = (greg_t)sp;
    r[REG_RIP] = (greg_t)dispatcher;
    r[REG_EFL] &= ~0x100;
    return true;
}

/* libunwind, loaded when a report needs it rather than at every start (it and the liblzma it
 * links cost two more libraries to map and relocate for each process). The names are those the
 * header's unw_* macros stand for (_ULx86_64_init_local2 on x86-64), so they follow the header. */
#define UNW_NAME_(x) #x
#define UNW_NAME(x) UNW_NAME_(x)
static struct {
    int (*init_local2)(unw_cursor_t *, unw_context_t *, int);
    int (*get_reg)(unw_cursor_t *, unw_regnum_t, unw_word_t *);
    int (*get_proc_name)(unw_cursor_t *, char *, size_t, unw_word_t *);
    int (*step)(unw_cursor_t *);
} unw;

static bool load_unwinder(void)
{
    static const char *const sonames[] = { "libunwind.so.8", "libunwind.so" };
    void *lib = NULL;

    if (unw.step)
        return true;
    for (size_t i = 0; !lib && i < sizeof(sonames) / sizeof(sonames[0]); i++)
        lib = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return false;
    unw.init_local2 = (int (*)(unw_cursor_t *, unw_context_t *, int))dlsym(lib, UNW_NAME(unw_init_local2));
    unw.get_reg = (int (*)(unw_cursor_t *, unw_regnum_t, unw_word_t *))dlsym(lib, UNW_NAME(unw_get_reg));
    unw.get_proc_name = (int (*)(unw_cursor_t *, char *, size_t, unw_word_t *))
                        dlsym(lib, UNW_NAME(unw_get_proc_name));
    unw.step = (int (*)(unw_cursor_t *))dlsym(lib, UNW_NAME(unw_step));
    if (unw.init_local2 && unw.get_reg && unw.get_proc_name && unw.step)
        return true;
    unw.step = NULL;
    return false;
}

/* The ELF frames from a machine context (a fault's), with symbol names (libunwind reads them from
 * the symbol tables of the ELF objects), one line each to fd. Returns the number of frames, or
 * -1 when libunwind cannot be loaded (the report then has no ELF backtrace). */
int signal_elf_backtrace(int fd, ucontext_t *uc)
{
    unw_cursor_t cursor;
    char line[512], name[256];
    unw_word_t ip, off;
    Dl_info elf;
    int i = 0;

    if (!load_unwinder() || unw.init_local2(&cursor, (unw_context_t *)uc, UNW_INIT_SIGNAL_FRAME) < 0)
        return -1;
    (void)!write(fd, "ELF backtrace:\n", 15);
    for (; i < 64; i++) {
        int n;
        if (unw.get_reg(&cursor, UNW_REG_IP, &ip) < 0 || !ip)
            break;
        if (unw.get_proc_name(&cursor, name, sizeof(name), &off) < 0)
            strcpy(name, "?"), off = 0;
        if (!dladdr((void *)ip, &elf) || !elf.dli_fname)
            elf.dli_fname = "?";
        n = snprintf(line, sizeof(line), "  #%-2d %016lx %s+0x%lx (%s)\n", i, (unsigned long)ip, name,
                     (unsigned long)off, elf.dli_fname);
        (void)!write(fd, line, n);
        if (unw.step(&cursor) <= 0) {
            i++;
            break;
        }
    }
    return i;
}

/* Ends the process from the ELF side: a fault in vinho's code, or one that cannot be dispatched. */
static void __attribute__((noreturn)) fatal(const struct win_record *rec, ucontext_t *uc, bool elf_code)
{
    void *pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
    struct module *mod = module_from_address(pc);
    char line[512];
    Dl_info elf;
    int n;

    if (mod)
        n = snprintf(line, sizeof(line), "vinho: unhandled exception 0x%08x at %s+0x%lx, which cannot "
                     "be dispatched (no usable stack)", rec->code, mod->name,
                     (unsigned long)((uint8_t *)pc - mod->base));
    else if (elf_code && dladdr(pc, &elf) && elf.dli_fname)
        n = snprintf(line, sizeof(line), "vinho: exception 0x%08x at %p in %s%s%s (vinho's side: "
                     "please report this)", rec->code, pc, elf.dli_fname, elf.dli_sname ? ":" : "",
                     elf.dli_sname ? elf.dli_sname : "");
    else
        n = snprintf(line, sizeof(line), "vinho: unhandled exception 0x%08x at %p, which cannot be "
                     "dispatched", rec->code, pc);
    if (rec->code == STATUS_ACCESS_VIOLATION_)
        n += snprintf(line + n, sizeof(line) - n, ", %s address 0x%lx",
                      rec->params[0] == 8 ? "executing" : rec->params[0] == 1 ? "writing" : "reading",
                      (unsigned long)rec->params[1]);
    line[n++] = '\n';
    (void)!write(2, line, n);
    if (elf_code && signal_elf_backtrace(2, uc) < 0)
        (void)!write(2, "(no ELF backtrace: libunwind cannot be loaded)\n", 47);
    process_exit(rec->code);     /* a vinho parent sees the whole code (docs/processes.md) */
}

static bool is_elf_code(void *pc)
{
    Dl_info elf;
    return !module_from_address(pc) && dladdr(pc, &elf) && elf.dli_fname;
}

static void fault_handler(int sig, siginfo_t *info, void *ucontext)
{
    ucontext_t *uc = ucontext;
    void *pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
    struct vn_teb *teb;
    struct win_record rec;

    /* The program may have scribbled over vinho's own memory (one address space, as on Wine):
     * a fault while reporting one ends the process with a short line instead of a loop. */
    if (reporting) {
        static const char msg[] = "vinho: a second fault while reporting an exception "
                                  "(the program's memory writes may have damaged vinho's state)\n";
        (void)!write(2, msg, sizeof(msg) - 1);
        process_exit(STATUS_ACCESS_VIOLATION_);
    }
    if (info->si_code <= 0) {
        /* Sent by kill() or raise(), not a fault: Windows has no such thing; the signal's
         * default action (the process ends by the signal) is what a Linux user expects. */
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    if (sig == SIGSEGV && user_shared_data_fault(info->si_addr, uc->uc_mcontext.gregs[REG_ERR] & 2))
        return;     /* the first access to KUSER_SHARED_DATA made it: the access is made again */
    if ((sig == SIGSEGV || sig == SIGBUS) && !module_from_address(pc) &&
        resume_gate_caller(uc, info->si_addr))
        return;
    make_record(sig, info, uc, &rec);
    if (is_elf_code(pc)) {
        reporting = 1;
        fatal(&rec, uc, true);
    }
    teb = current_teb();
    if (sig == SIGSEGV && teb && (uint64_t)info->si_addr >= (uint64_t)teb->DeallocationStack &&
        (uint64_t)info->si_addr < (uint64_t)teb->StackBase) {
        if (virtual_clear_guard(info->si_addr) && move_stack_guard(teb, (uint64_t)info->si_addr))
            return;     /* the stack grew: the access is made again */
        if (!grow_for_overflow(teb, (uint64_t)info->si_addr)) {
            static const char msg[] = "vinho: unhandled exception 0xc00000fd (stack overflow): "
                                      "no stack left for its handlers\n";
            (void)!write(2, msg, sizeof(msg) - 1);
            process_exit(STATUS_STACK_OVERFLOW_);
        }
        memset(&rec, 0, sizeof(rec));
        rec.code = STATUS_STACK_OVERFLOW_;
        rec.address = (uint64_t)pc;
        rec.nparams = 2;                    /* Windows gives the access as for a violation */
        rec.params[0] = (uc->uc_mcontext.gregs[REG_ERR] & 2) ? 1 : 0;
        rec.params[1] = (uint64_t)info->si_addr;
    } else if (sig == SIGSEGV && virtual_clear_guard(info->si_addr)) {
        rec.code = 0x80000001;              /* STATUS_GUARD_PAGE_VIOLATION, once per arming */
        rec.nparams = 2;
        rec.params[0] = (uc->uc_mcontext.gregs[REG_ERR] & 2) ? 1 : 0;
        rec.params[1] = (uint64_t)info->si_addr;
    }
    if (!resume_in_dispatcher(uc, &rec)) {
        reporting = 1;
        fatal(&rec, uc, false);
    }
}

void signal_init(void)
{
    static char altstack[65536];    /* the handler runs even when the stack is exhausted */
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
    static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
    struct sigaction sa;

    sigaltstack(&ss, NULL);
    if (zero_fd < 0)
        zero_fd = open("/dev/zero", O_RDONLY | O_CLOEXEC);
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = fault_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;   /* a fault while reporting one: see above */
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        sigaction(sigs[i], &sa, NULL);
}

/* A thread made by NtCreateThreadEx (ntcalls/thread.c): its own alternate stack, so that a fault
 * from a stack overflow on it still gets its report. The stack is given by the thread (a buffer on
 * its Linux stack), not kept in static TLS: ld.so and pthread_create zero the whole static TLS
 * block of every thread, the main thread and the clock thread included. */
void signal_thread_init(void *altstack, size_t size)
{
    stack_t ss = { .ss_sp = altstack, .ss_size = size };
    sigset_t faults;
    sigaltstack(&ss, NULL);
    /* The thread starts with every signal blocked (ntcalls/thread.c, until its TEB is set);
     * a blocked fault signal would kill the process instead of becoming an exception. */
    sigemptyset(&faults);
    sigaddset(&faults, SIGSEGV);
    sigaddset(&faults, SIGBUS);
    sigaddset(&faults, SIGILL);
    sigaddset(&faults, SIGFPE);
    sigaddset(&faults, SIGTRAP);
    pthread_sigmask(SIG_UNBLOCK, &faults, NULL);
}
