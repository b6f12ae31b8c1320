/* seh_vectored.c: vectored exception handlers (Microsoft docs, "Vectored Exception Handling"
 * and AddVectoredExceptionHandler): a handler sees a deliberate NULL write as
 * EXCEPTION_ACCESS_VIOLATION with ExceptionInformation[0] = 1 (write) and [1] = the address,
 * fixes the context (points the register at valid memory) and continues execution; a second
 * handler added first runs first (AddVectoredExceptionHandler's First parameter); an int3 is
 * reported at its own address (the handler steps over it); RaiseException passes its
 * parameters and a handler may continue it; RtlCaptureStackBackTrace sees the call chain;
 * setting the trap flag in a context gives STATUS_SINGLE_STEP after one instruction; SSE
 * exceptions unmasked in MXCSR give the float code of the exception (divide by zero,
 * overflow). A backtrace taken in a handler continues through the exception dispatcher into
 * the faulting frame. The handler masks them again in both MxCsr fields of the
 * CONTEXT (Wine reads the one in FltSave). A PAGE_GUARD page raises
 * STATUS_GUARD_PAGE_VIOLATION once, then reads as its plain protection ("Creating Guard Pages").
 * Checked with Wine 8.0. */
#include <windows.h>
#include <stdio.h>

static int target;
static ULONG64 step_from;
static volatile int *volatile guarded;
static volatile double zero = 0.0, one = 1.0, big = 1e308;

static void unmask(unsigned bit)
{
    unsigned m;
    __asm__ volatile("stmxcsr %0" : "=m"(m));
    m &= ~bit;
    __asm__ volatile("ldmxcsr %0" :: "m"(m));
}
static int order[8], norder;

static LONG CALLBACK fixer(EXCEPTION_POINTERS *ptrs)
{
    EXCEPTION_RECORD *rec = ptrs->ExceptionRecord;
    CONTEXT *ctx = ptrs->ContextRecord;
    if (norder < 8)
        order[norder++] = 2;
    if (rec->ExceptionCode == EXCEPTION_ACCESS_VIOLATION) {
        printf("access violation: write=%d address=%p params=%lu\n", (int)rec->ExceptionInformation[0],
               (void *)rec->ExceptionInformation[1], rec->NumberParameters);
        printf("rip at the store: %s, rax %#llx\n", ctx->Rip == (ULONG64)rec->ExceptionAddress ? "yes" : "no",
               ctx->Rax);
        void *trace[16];
        int n = RtlCaptureStackBackTrace(0, 16, trace, NULL), found = 0;
        for (int i = 0; i < n; i++)
            found |= trace[i] == rec->ExceptionAddress;
        printf("a backtrace from the handler reaches the faulting instruction: %s\n", found ? "yes" : "no");
        ctx->Rax = (ULONG64)&target;    /* the store goes through rax: point it at target */
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    if (rec->ExceptionCode == EXCEPTION_BREAKPOINT) {
        printf("breakpoint at the int3: %s\n", *(BYTE *)rec->ExceptionAddress == 0xcc &&
               ctx->Rip == (ULONG64)rec->ExceptionAddress ? "yes" : "no");
        ctx->Rip++;
        ctx->EFlags |= 0x100;   /* trap flag: single-step the next instruction */
        step_from = ctx->Rip;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    if (rec->ExceptionCode == EXCEPTION_SINGLE_STEP) {
        printf("single step: one instruction on: %s, trap flag %s\n",
               ctx->Rip > step_from && ctx->Rip <= step_from + 15 ? "yes" : "no",
               ctx->EFlags & 0x100 ? "still set" : "clear");
        ctx->EFlags &= ~0x100;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    if (rec->ExceptionCode == STATUS_GUARD_PAGE_VIOLATION) {
        printf("guard page: read=%d at the page: %s\n", rec->ExceptionInformation[0] == 0,
               rec->ExceptionInformation[1] == (ULONG_PTR)guarded ? "yes" : "no");
        return EXCEPTION_CONTINUE_EXECUTION;   /* the guard is gone: the read now succeeds */
    }
    if (rec->ExceptionCode >= 0xC000008D && rec->ExceptionCode <= 0xC0000093) {
        printf("float exception %#lx\n", rec->ExceptionCode);
        ctx->MxCsr = ctx->FltSave.MxCsr = (ctx->MxCsr | 0x1f80) & ~0x3f;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    if (rec->ExceptionCode == 0xE0001234) {
        printf("raised: flags %lu params %lu: %lu %lu %lu\n", rec->ExceptionFlags, rec->NumberParameters,
               (unsigned long)rec->ExceptionInformation[0], (unsigned long)rec->ExceptionInformation[1],
               (unsigned long)rec->ExceptionInformation[2]);
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

static LONG CALLBACK first(EXCEPTION_POINTERS *ptrs)
{
    if (norder < 8)
        order[norder++] = 1;
    return EXCEPTION_CONTINUE_SEARCH;
}

static __attribute__((noipa)) int level3(void **trace, int *n)
{
    *n = RtlCaptureStackBackTrace(0, 8, trace, NULL);
    return 1;
}
static __attribute__((noipa)) int level2(void **trace, int *n) { return level3(trace, n) + 1; }
static __attribute__((noipa)) int level1(void **trace, int *n) { return level2(trace, n) + 1; }

int main(void)
{
    ULONG_PTR args[3] = { 10, 20, 30 };
    void *trace[8];
    int n = 0;
    void *h1 = AddVectoredExceptionHandler(0, fixer);
    void *h0 = AddVectoredExceptionHandler(1, first);

    __asm__ volatile("xorl %%eax, %%eax\n\tmovl $42, (%%rax)" ::: "rax", "memory");
    printf("continued: target=%d order=%d%d\n", target, order[0], order[1]);
    __asm__ volatile("int3");
    printf("after int3\n");
    unmask(0x200);
    volatile double r = one / zero;
    unmask(0x400);
    r = big * big;
    (void)r;
    guarded = VirtualAlloc(NULL, 0x1000, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD);
    printf("guarded page reads %d\n", *guarded);
    printf("and again without an exception: %d\n", *guarded);
    RaiseException(0xE0001234, 0, 3, args);
    printf("after RaiseException\n");
    RemoveVectoredExceptionHandler(h0);
    level1(trace, &n);
    HMODULE self = GetModuleHandleA(NULL), mod[3] = { 0 };
    for (int i = 0; i < 3 && i + 1 < n; i++)
        GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                           trace[i + 1], &mod[i]);
    printf("backtrace depth >= 5: %s, level2, level1, main in this program: %s\n", n >= 5 ? "yes" : "no",
           mod[0] == self && mod[1] == self && mod[2] == self ? "yes" : "no");
    RemoveVectoredExceptionHandler(h1);
    return 0;
}
