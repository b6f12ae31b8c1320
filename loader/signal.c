/* signal.c: until signals become Windows exceptions (the exceptions issue), a fault ends the
 * process the way an unhandled exception ends it on Windows: with the exception's code as exit
 * status, after one line naming the code, the address as module+offset, and the faulting access. */
#include <asm/prctl.h>
#include <dlfcn.h>
#include <signal.h>
#include <sys/syscall.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <ucontext.h>
#include "loader/loader.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(seh);

static const struct { int sig; ULONG code; const char *name; } fault_codes[] = {
    { SIGSEGV, 0xC0000005, "access violation" },
    { SIGBUS,  0xC0000005, "access violation" },
    { SIGILL,  0xC000001D, "illegal instruction" },
    { SIGFPE,  0xC0000094, "integer divide by zero" },
    { SIGTRAP, 0x80000003, "breakpoint" },
};

static volatile sig_atomic_t reporting;    /* the handler is at work (faults may nest) */

/* A fault in the guard region below the thread's stack (TEB DeallocationStack..StackLimit). */
static bool in_stack_guard(void *addr)
{
    struct vn_teb *teb = NULL;
    if (syscall(SYS_arch_prctl, ARCH_GET_GS, &teb) < 0 || !teb)
        return false;
    return (char *)addr >= (char *)teb->DeallocationStack && (char *)addr < (char *)teb->StackLimit;
}

/* A fault in ELF code during a gate call (a bad pointer from the PE caller): the call returns
 * STATUS_ACCESS_VIOLATION, as Windows' kernel returns it for a bad user buffer. */
static bool resume_gate_caller(ucontext_t *uc, void *fault_addr)
{
    struct gate_frame *f;
    greg_t *r = uc->uc_mcontext.gregs;

    if (!vinho_gate_depth)
        return false;
    reporting = 0;  /* handled: the next fault is a new one */
    f = &vinho_gate_frames[--vinho_gate_depth];
    WARN("fault at %p reading or writing %p in a gate call: it returns STATUS_ACCESS_VIOLATION\n",
         (void *)r[REG_RIP], fault_addr);
    r[REG_RIP] = (greg_t)f->resume;
    r[REG_RSP] = f->rsp + 8;
    r[REG_RAX] = (greg_t)0xC0000005;
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

static void fault_handler(int sig, siginfo_t *info, void *ucontext)
{
    /* The program may have scribbled over vinho's own memory (one address space, as on Wine):
     * a fault while looking at it ends the process with a short line instead of a signal. */
    if (reporting) {
        static const char msg[] = "vinho: unhandled exception; a second fault while reporting it "
                                  "(the program's memory writes may have damaged vinho's state)\n";
        (void)!write(2, msg, sizeof(msg) - 1);
        _exit(0xC0000005 & 0xff);
    }
    reporting = 1;
    ucontext_t *uc = ucontext;
    void *pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
    struct module *mod = module_from_address(pc);
    char line[512];
    ULONG code = 0xC0000005;
    const char *name = "access violation";
    Dl_info elf;
    int n;

    if ((sig == SIGSEGV || sig == SIGBUS) && !mod && resume_gate_caller(uc, info->si_addr))
        return;
    for (size_t i = 0; i < sizeof(fault_codes) / sizeof(fault_codes[0]); i++)
        if (fault_codes[i].sig == sig) {
            code = fault_codes[i].code;
            name = fault_codes[i].name;
        }
    if (sig == SIGSEGV && in_stack_guard(info->si_addr)) {
        code = 0xC00000FD;
        name = "stack overflow";
    }
    if (sig == SIGFPE && info->si_code == FPE_INTOVF) {
        code = 0xC0000095;
        name = "integer overflow";
    }
    if (mod)
        n = snprintf(line, sizeof(line), "vinho: unhandled exception 0x%08x (%s) at %s+0x%lx", code,
                     name, mod->name, (unsigned long)((uint8_t *)pc - mod->base));
    else if (dladdr(pc, &elf) && elf.dli_fname)  /* ELF code: vinho's own, or a library it uses */
        n = snprintf(line, sizeof(line), "vinho: unhandled exception 0x%08x (%s) at %p in %s%s%s "
                     "(vinho's side: please report this)", code, name, pc, elf.dli_fname,
                     elf.dli_sname ? ":" : "", elf.dli_sname ? elf.dli_sname : "");
    else    /* a jump to where no code is: the program's own doing */
        n = snprintf(line, sizeof(line), "vinho: unhandled exception 0x%08x (%s) at %p, outside any module",
                     code, name, pc);
    if (sig == SIGSEGV || sig == SIGBUS) {
        greg_t err = uc->uc_mcontext.gregs[REG_ERR];
        n += snprintf(line + n, sizeof(line) - n, ", %s address %p",
                      (err & 16) ? "executing" : (err & 2) ? "writing" : "reading", info->si_addr);
    }
    line[n++] = '\n';
    (void)!write(2, line, n);
    _exit(code & 0xff);
}

void signal_init(void)
{
    static char altstack[65536];    /* a fault from a stack overflow still gets its line */
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
    struct sigaction sa;

    sigaltstack(&ss, NULL);
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = fault_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;   /* a fault while reporting one: see above */
    for (size_t i = 0; i < sizeof(fault_codes) / sizeof(fault_codes[0]); i++)
        sigaction(fault_codes[i].sig, &sa, NULL);
}

/* A thread made by NtCreateThreadEx (ntcalls/thread.c): its own alternate stack, so that a fault
 * from a stack overflow on it still gets its report. Thread-local: it goes with the thread. */
void signal_thread_init(void)
{
    static __thread char altstack[65536] __attribute__((aligned(16)));
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
    sigaltstack(&ss, NULL);
}
