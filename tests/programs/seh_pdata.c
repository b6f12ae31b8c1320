/* seh_pdata.c: frame-based exception handlers named in .pdata/.xdata (the assembler's
 * .seh_handler, which puts UNW_FLAG_EHANDLER/UNW_FLAG_UHANDLER and the handler's address in the
 * function's UNWIND_INFO), built by gcc alone, no __try: a handler that fixes the context and
 * continues (ExceptionContinueExecution), one that returns ExceptionContinueSearch for a frame
 * it does not want, and one that unwinds to a recovery point of its own frame with RtlUnwindEx,
 * through a C callee's frame, being called again with EXCEPTION_UNWINDING and
 * EXCEPTION_TARGET_UNWIND. Microsoft docs: "x64 exception handling" (language-specific handler,
 * the unwind flags), RtlUnwindEx. Checked with Wine 8.0. */
#include <stdio.h>
#include <windows.h>

static volatile LONG scratch;
static int first_calls, search_calls, pass_unwinds, unwind_calls, target_unwinds;
static DWORD seen_code;
static ULONG_PTR seen_write, seen_addr;

/* Continues after fixing the register the faulting store goes through (rbx). */
EXCEPTION_DISPOSITION fix_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                  DISPATCHER_CONTEXT *dc)
{
    first_calls++;
    seen_code = rec->ExceptionCode;
    seen_write = rec->ExceptionInformation[0];
    seen_addr = rec->ExceptionInformation[1];
    ctx->Rbx = (ULONG_PTR)&scratch;
    return ExceptionContinueExecution;
}

/* Wants nothing: the search goes on to the caller's frame. */
EXCEPTION_DISPOSITION pass_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                   DISPATCHER_CONTEXT *dc)
{
    if (rec->ExceptionFlags & EXCEPTION_UNWINDING)
        pass_unwinds++;
    else
        search_calls++;
    return ExceptionContinueSearch;
}

void unwind_recover(void);

/* Unwinds to unwind_recover in its own frame, with 42 in rax. */
EXCEPTION_DISPOSITION unwind_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                     DISPATCHER_CONTEXT *dc)
{
    if (rec->ExceptionFlags & EXCEPTION_UNWINDING) {
        unwind_calls++;
        if (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND)
            target_unwinds++;
        return ExceptionContinueSearch;
    }
    seen_code = rec->ExceptionCode;
    RtlUnwindEx(frame, (void *)unwind_recover, rec, (void *)42, dc->ContextRecord,
                dc->HistoryTable);
    return ExceptionContinueSearch;     /* not reached */
}

/* Writes to NULL: no handler of its own, its frame is unwound through. */
__attribute__((noinline)) void deep_fault(volatile LONG *p)
{
    *p = 7;
}

/* LONG store_through(LONG *p): *p = 5 through rbx (a fault there is fixed and continued). */
LONG store_through(volatile LONG *p);
/* LONG call_deep(void): calls deep_fault(NULL) under pass_handler; nobody below catches it. */
LONG call_deep(void);
/* LONG catch_deep(void): calls call_deep; returns 42 from its recovery point, else 0. */
LONG catch_deep(void);

__asm__(
    ".text\n"
    ".globl store_through\n"
    ".def store_through; .scl 2; .type 32; .endef\n"
    ".seh_proc store_through\n"
    "store_through:\n"
    "  pushq %rbx\n"
    "  .seh_pushreg %rbx\n"
    "  .seh_endprologue\n"
    "  .seh_handler fix_handler, @except\n"
    "  movq %rcx, %rbx\n"
    "  movl $5, (%rbx)\n"
    "  movl $5, %eax\n"
    "  popq %rbx\n"
    "  ret\n"
    ".seh_endproc\n"

    ".globl call_deep\n"
    ".def call_deep; .scl 2; .type 32; .endef\n"
    ".seh_proc call_deep\n"
    "call_deep:\n"
    "  subq $40, %rsp\n"
    "  .seh_stackalloc 40\n"
    "  .seh_endprologue\n"
    "  .seh_handler pass_handler, @except, @unwind\n"
    "  xorl %ecx, %ecx\n"
    "  call deep_fault\n"
    "  xorl %eax, %eax\n"
    "  addq $40, %rsp\n"
    "  ret\n"
    ".seh_endproc\n"

    ".globl catch_deep\n"
    ".globl unwind_recover\n"
    ".def catch_deep; .scl 2; .type 32; .endef\n"
    ".seh_proc catch_deep\n"
    "catch_deep:\n"
    "  pushq %rbp\n"
    "  .seh_pushreg %rbp\n"
    "  subq $32, %rsp\n"
    "  .seh_stackalloc 32\n"
    "  .seh_endprologue\n"
    "  .seh_handler unwind_handler, @except, @unwind\n"
    "  call call_deep\n"
    "  xorl %eax, %eax\n"
    "unwind_recover:\n"
    "  addq $32, %rsp\n"
    "  popq %rbp\n"
    "  ret\n"
    ".seh_endproc\n");

int main(void)
{
    LONG r;

    r = store_through(NULL);
    printf("continued: returned %ld, scratch %ld\n", r, scratch);
    printf("fix handler: %d call(s), code %#lx, write %lu, address %#lx\n", first_calls,
           seen_code, (unsigned long)seen_write, (unsigned long)seen_addr);

    seen_code = 0;
    r = catch_deep();
    printf("unwound: returned %ld, code %#lx\n", r, seen_code);
    printf("pass handler: searched %d, unwinding %d; unwind handler: unwinding %d, target %d\n",
           search_calls, pass_unwinds, unwind_calls, target_unwinds);
    return 0;
}
