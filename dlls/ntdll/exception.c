/* exception.c: raising exceptions, vectored handlers and the unhandled-exception filter.
 * Frame-based handlers (.pdata unwinding) come with the SEH work; until then an exception that
 * no vectored handler or filter takes ends the process with its code, as an unhandled one does. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(seh);

struct vectored_handler {
    struct vectored_handler *next;
    PVECTORED_EXCEPTION_HANDLER func;
};

static struct vectored_handler *vectored_handlers;
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

/***********************************************************************
 *           RtlAddVectoredExceptionHandler   (NTDLL.@)
 */
PVOID NTAPI RtlAddVectoredExceptionHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER func)
{
    struct vectored_handler *h = RtlAllocateHeap(process_heap(), 0, sizeof(*h)), **p;
    if (!h)
        return NULL;
    h->func = func;
    lock();
    for (p = &vectored_handlers; !first && *p; p = &(*p)->next)
        ;
    h->next = *p;
    *p = h;
    unlock();
    TRACE("%p first %u -> %p\n", func, first, h);
    return h;
}

/***********************************************************************
 *           RtlRemoveVectoredExceptionHandler   (NTDLL.@)
 */
ULONG NTAPI RtlRemoveVectoredExceptionHandler(PVOID handle)
{
    struct vectored_handler **p, *found = NULL;
    lock();
    for (p = &vectored_handlers; *p; p = &(*p)->next)
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

static LONG call_vectored_handlers(EXCEPTION_POINTERS *ptrs)
{
    /* The list is only appended to or unlinked under the lock; nodes of handlers that were
     * removed while running are freed, so walk a snapshot taken under the lock. */
    PVECTORED_EXCEPTION_HANDLER funcs[64];
    int n = 0;
    lock();
    for (struct vectored_handler *h = vectored_handlers; h && n < 64; h = h->next)
        funcs[n++] = h->func;
    unlock();
    for (int i = 0; i < n; i++)
        if (funcs[i](ptrs) == EXCEPTION_CONTINUE_EXECUTION)
            return EXCEPTION_CONTINUE_EXECUTION;
    return EXCEPTION_CONTINUE_SEARCH;
}

static void __attribute__((noreturn)) unhandled(EXCEPTION_RECORD *rec)
{
    char line[160];
    static const char hex[] = "0123456789abcdef";
    ULONG_PTR addr = (ULONG_PTR)rec->ExceptionAddress;
    int n = 0;
    const char *msg = "vinho: unhandled exception 0x";
    while (*msg)
        line[n++] = *msg++;
    for (int i = 28; i >= 0; i -= 4)
        line[n++] = hex[(rec->ExceptionCode >> i) & 15];
    msg = " at 0x";
    while (*msg)
        line[n++] = *msg++;
    for (int i = 44; i >= 0; i -= 4)
        line[n++] = hex[(addr >> i) & 15];
    line[n++] = '\n';
    if (rec->ExceptionCode != EXCEPTION_VINHO_STUB)
        __vinho_debug_write(line, n);
    NtTerminateProcess(NtCurrentProcess(), rec->ExceptionCode);
    for (;;)
        ;
}

/* Dispatch without frame handlers: vectored handlers, then the unhandled-exception filter. */
static void dispatch(EXCEPTION_RECORD *rec, CONTEXT *context)
{
    EXCEPTION_POINTERS ptrs = { rec, context };
    LONG ret;

    TRACE("code %#lx flags %#lx address %p\n", rec->ExceptionCode, rec->ExceptionFlags,
          rec->ExceptionAddress);
    if (call_vectored_handlers(&ptrs) == EXCEPTION_CONTINUE_EXECUTION &&
        !(rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE))
        return;
    FIXME_ONCE("frame-based exception handlers are not called yet\n");
    if (unhandled_filter) {
        ret = unhandled_filter(&ptrs);
        if (ret == EXCEPTION_CONTINUE_EXECUTION && !(rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE))
            return;
        if (ret == EXCEPTION_EXECUTE_HANDLER)
            NtTerminateProcess(NtCurrentProcess(), rec->ExceptionCode);
    }
    unhandled(rec);
}

/***********************************************************************
 *           RtlRaiseException   (NTDLL.@)
 */
void NTAPI RtlRaiseException(EXCEPTION_RECORD *rec)
{
    CONTEXT context;
    RtlCaptureContext(&context);
    if (!rec->ExceptionAddress)
        rec->ExceptionAddress = __builtin_return_address(0);
    dispatch(rec, &context);
}
