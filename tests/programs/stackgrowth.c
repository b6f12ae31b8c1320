/* stackgrowth.c: a thread's stack that grows by guard pages (Windows makes every thread's so;
 * Rust's corosensei makes wasmer's stacks so and points the TEB at them): a hit on the guard page
 * inside the TEB's stack range commits it, moves the guard one page down and lowers StackLimit,
 * with no exception; the same hit outside the stack range raises STATUS_GUARD_PAGE_VIOLATION.
 * The stack range is given by the TEB fields (NtTib.StackBase/StackLimit, DeallocationStack at
 * 0x1478), as Windows decides by the faulting address. Debian's Wine 8.0 prints the same. */
#include <windows.h>
#include <stdio.h>

#define PAGE 0x1000
static LONG exceptions;
static DWORD last_code;

static LONG CALLBACK count(EXCEPTION_POINTERS *info)
{
    exceptions++;
    last_code = info->ExceptionRecord->ExceptionCode;
    /* a guard violation has cleared its guard: the access can be made again */
    return last_code == STATUS_GUARD_PAGE_VIOLATION ? EXCEPTION_CONTINUE_EXECUTION
                                                    : EXCEPTION_CONTINUE_SEARCH;
}

static const char *describe(char *p)
{
    MEMORY_BASIC_INFORMATION mbi;
    static char text[64];
    VirtualQuery(p, &mbi, sizeof(mbi));
    snprintf(text, sizeof(text), "%s %#lx", mbi.State == MEM_COMMIT ? "committed" :
             mbi.State == MEM_RESERVE ? "reserved" : "free", mbi.Protect);
    return text;
}

int main(void)
{
    char *teb;
    NT_TIB *tib;
    void **dealloc;
    void *saved_base, *saved_limit, *saved_dealloc;
    char *stack = VirtualAlloc(NULL, 64 * PAGE, MEM_RESERVE, PAGE_READWRITE);
    char *top = stack + 64 * PAGE, *guard = top - 5 * PAGE, *other;
    volatile char *p;
    DWORD old;

    __asm__ volatile("movq %%gs:0x30, %0" : "=r"(teb));    /* NtCurrentTeb, without a warning */
    tib = (NT_TIB *)teb;
    dealloc = (void **)(teb + 0x1478);
    saved_base = tib->StackBase;
    saved_limit = tib->StackLimit;
    saved_dealloc = *dealloc;
    AddVectoredExceptionHandler(1, count);
    VirtualAlloc(top - 4 * PAGE, 4 * PAGE, MEM_COMMIT, PAGE_READWRITE);
    VirtualAlloc(guard, PAGE, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD);

    tib->StackBase = top;
    tib->StackLimit = top - 4 * PAGE;
    *dealloc = stack;
    p = guard + 0x10;
    *p = 1;                             /* the guard page: the stack grows */
    p = guard - PAGE + 0x20;
    *p = 2;                             /* the new guard page: it grows again */
    printf("exceptions %ld\n", exceptions);
    printf("limit lowered by the two pages: %d\n", (char *)tib->StackLimit == guard - PAGE);
    printf("page hit first: %s\n", describe(guard));
    printf("page hit second: %s\n", describe(guard - PAGE));
    printf("new guard: %s\n", describe(guard - 2 * PAGE));
    printf("below it: %s\n", describe(guard - 3 * PAGE));
    tib->StackBase = saved_base;
    tib->StackLimit = saved_limit;
    *dealloc = saved_dealloc;

    /* Outside the stack range the guard page is an exception, once. */
    other = VirtualAlloc(NULL, PAGE, MEM_COMMIT, PAGE_READWRITE);
    VirtualProtect(other, PAGE, PAGE_READWRITE | PAGE_GUARD, &old);
    p = other;
    *p = 3;
    printf("outside the stack: exceptions %ld, code %#lx, now %s\n", exceptions, last_code,
           describe(other));
    return 0;
}
