/* signal.c: until signals become Windows exceptions (the exceptions issue), a fault ends the
 * process the way an unhandled exception ends it on Windows: with the exception's code as exit
 * status, after one line naming the code, the address as module+offset, and the faulting access. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <ucontext.h>
#include "loader/loader.h"

static const struct { int sig; ULONG code; const char *name; } fault_codes[] = {
    { SIGSEGV, 0xC0000005, "access violation" },
    { SIGBUS,  0xC0000005, "access violation" },
    { SIGILL,  0xC000001D, "illegal instruction" },
    { SIGFPE,  0xC0000094, "integer divide by zero" },
    { SIGTRAP, 0x80000003, "breakpoint" },
};

static void fault_handler(int sig, siginfo_t *info, void *ucontext)
{
    ucontext_t *uc = ucontext;
    void *pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
    struct module *mod = module_from_address(pc);
    char line[512];
    ULONG code = 0xC0000005;
    const char *name = "access violation";
    int n;

    for (size_t i = 0; i < sizeof(fault_codes) / sizeof(fault_codes[0]); i++)
        if (fault_codes[i].sig == sig) {
            code = fault_codes[i].code;
            name = fault_codes[i].name;
        }
    if (sig == SIGFPE && info->si_code == FPE_INTOVF) {
        code = 0xC0000095;
        name = "integer overflow";
    }
    if (mod)
        n = snprintf(line, sizeof(line), "vinho: unhandled exception 0x%08x (%s) at %s+0x%lx", code,
                     name, mod->name, (unsigned long)((uint8_t *)pc - mod->base));
    else
        n = snprintf(line, sizeof(line), "vinho: unhandled exception 0x%08x (%s) at %p%s", code,
                     name, pc, pc ? " (in vinho itself: please report this)" : "");
    if (sig == SIGSEGV || sig == SIGBUS)
        n += snprintf(line + n, sizeof(line) - n, ", %s address %p",
                      (uc->uc_mcontext.gregs[REG_ERR] & 2) ? "writing" : "reading", info->si_addr);
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
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    for (size_t i = 0; i < sizeof(fault_codes) / sizeof(fault_codes[0]); i++)
        sigaction(fault_codes[i].sig, &sa, NULL);
}
