/* seh_vectored.c: vectored exception handlers (Microsoft docs, "Vectored Exception Handling"
 * and AddVectoredExceptionHandler): a handler sees a deliberate NULL write as
 * EXCEPTION_ACCESS_VIOLATION with ExceptionInformation[0] = 1 (write) and [1] = the address,
 * fixes the context (points the register at valid memory) and continues execution; a second
 * handler added first runs first (AddVectoredExceptionHandler's First parameter); an int3 is
 * reported at its own address (the handler steps over it); RaiseException passes its
 * parameters and a handler may continue it; RtlCaptureStackBackTrace sees the call chain.
 * Checked with Wine 8.0. */
#include <windows.h>
#include <stdio.h>

static int target;
static int order[8], norder;

static LONG CALLBACK fixer(EXCEPTION_POINTERS *ptrs)
{
    EXCEPTION_RECORD *rec = ptrs->ExceptionRecord;
    CONTEXT *ctx = ptrs->ContextRecord;
    order[norder++] = 2;
    if (rec->ExceptionCode == EXCEPTION_ACCESS_VIOLATION) {
        printf("access violation: write=%d address=%p params=%lu\n", (int)rec->ExceptionInformation[0],
               (void *)rec->ExceptionInformation[1], rec->NumberParameters);
        printf("rip at the store: %s, rax %#llx\n", ctx->Rip == (ULONG64)rec->ExceptionAddress ? "yes" : "no",
               ctx->Rax);
        ctx->Rax = (ULONG64)&target;    /* the store goes through rax: point it at target */
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    if (rec->ExceptionCode == EXCEPTION_BREAKPOINT) {
        printf("breakpoint at the int3: %s\n", *(BYTE *)rec->ExceptionAddress == 0xcc &&
               ctx->Rip == (ULONG64)rec->ExceptionAddress ? "yes" : "no");
        ctx->Rip++;
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
