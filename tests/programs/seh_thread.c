/* seh_thread.c: exceptions in threads other than the main one: a vectored handler continues a
 * NULL write in a CreateThread thread with a fixed context, and catches a stack overflow of
 * another thread (the thread then ends with ExitThread's code). Checked with Wine 8.0 for the
 * first part; Wine 8 prints nothing for the overflow of a thread (the documented exception is
 * STATUS_STACK_OVERFLOW, "Thread Stack Size" and "Exception Handling" docs). */
#include <windows.h>
#include <stdio.h>

static int target;
static volatile int depth, limit = -1;     /* never reached: not an infinite recursion to gcc */

static LONG CALLBACK handler(EXCEPTION_POINTERS *p)
{
    if (p->ExceptionRecord->ExceptionCode == EXCEPTION_ACCESS_VIOLATION) {
        printf("access violation in the thread\n");
        p->ContextRecord->Rax = (ULONG64)&target;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    if (p->ExceptionRecord->ExceptionCode == EXCEPTION_STACK_OVERFLOW) {
        printf("stack overflow in the thread after %s frames\n", depth > 50 ? "many" : "few");
        fflush(stdout);
        ExitThread(7);
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

static int recurse(int n)
{
    volatile char b[512];
    b[0] = (char)n;
    depth = n;
    if (n == limit)
        return 0;
    return recurse(n + 1) + b[0];
}

static DWORD WINAPI proc(void *arg)
{
    if (arg)
        return recurse(0);
    __asm__ volatile("xorl %%eax, %%eax\n\tmovl $9, (%%rax)" ::: "rax", "memory");
    printf("thread continued: %d\n", target);
    return 3;
}

static void run(void *arg)
{
    DWORD code;
    HANDLE t = CreateThread(NULL, 0, proc, arg, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    printf("exit code %lu\n", code);
    fflush(stdout);
    CloseHandle(t);
}

int main(void)
{
    AddVectoredExceptionHandler(1, handler);
    run(NULL);
    run((void *)1);
    return 0;
}
