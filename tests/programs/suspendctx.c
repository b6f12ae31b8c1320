/* suspendctx.c: SuspendThread + GetThreadContext + SetThreadContext + ResumeThread on a running
 * thread, as Go's runtime preempts goroutines: the context of a thread stopped in the middle of
 * a loop is its real one (Rip in the loop, Rsp on its stack), and a context set while it is
 * suspended is where it resumes (here: a call pushed onto its stack, which returns into the loop).
 * A thread suspended inside a system call (Sleep) reports a context too. Documented:
 * learn.microsoft.com GetThreadContext ("call SuspendThread before GetThreadContext") and
 * SuspendThread/ResumeThread (they return the previous suspend count). Checked under Wine 8.0. */
#include <stdio.h>
#include <windows.h>

static volatile LONG stop, redirected;
static volatile LONG64 counter;
static volatile ULONG_PTR worker_sp;

/* Runs in place of the interrupted code, then returns into it: keeps every register and flag. */
void redirect_target(void);
__asm__(".globl redirect_target\n"
        "redirect_target:\n"
        "  pushfq\n"
        "  lock incl redirected(%rip)\n"
        "  popfq\n"
        "  ret\n");

static __attribute__((noinline)) void spin(void)
{
    while (!stop)
        counter++;
}

static DWORD WINAPI worker(void *arg)
{
    volatile int local;
    worker_sp = (ULONG_PTR)&local;
    spin();
    return 0;
}

static DWORD WINAPI sleeper(void *arg)
{
    while (!stop)
        Sleep(10);
    return 0;
}

static void running_thread(void)
{
    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    CONTEXT ctx;
    DWORD prev, prev2;
    LONG64 seen;
    BOOL ok;

    while (!counter)
        Sleep(1);
    prev = SuspendThread(t);
    prev2 = SuspendThread(t);
    printf("suspend counts: %lu %lu\n", prev, prev2);
    memset(&ctx, 0, sizeof(ctx));
    ctx.ContextFlags = CONTEXT_CONTROL | CONTEXT_INTEGER;
    ok = GetThreadContext(t, &ctx);
    printf("get: %d\n", ok != 0);
    printf("rip in spin: %d\n", ctx.Rip >= (DWORD64)spin && ctx.Rip < (DWORD64)spin + 64);
    printf("rsp near the thread's frame: %d\n",
           ctx.Rsp < worker_sp && worker_sp - ctx.Rsp < 4096);
    seen = counter;
    Sleep(50);
    printf("stopped while suspended: %d\n", counter == seen);
    ctx.Rsp -= 8;
    *(DWORD64 *)ctx.Rsp = ctx.Rip;          /* as if the loop had called redirect_target */
    ctx.Rip = (DWORD64)redirect_target;
    printf("set: %d\n", SetThreadContext(t, &ctx) != 0);
    prev = ResumeThread(t);
    prev2 = ResumeThread(t);
    printf("resume counts: %lu %lu\n", prev, prev2);
    while (!redirected)
        Sleep(1);
    seen = counter;
    while (counter == seen)
        Sleep(1);
    printf("redirect ran: %ld, loop went on\n", redirected);
    stop = 1;
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    stop = 0;
}

static void sleeping_thread(void)
{
    HANDLE t = CreateThread(NULL, 0, sleeper, NULL, 0, NULL);
    CONTEXT ctx;
    Sleep(50);
    SuspendThread(t);
    memset(&ctx, 0, sizeof(ctx));
    ctx.ContextFlags = CONTEXT_CONTROL;
    printf("get in a system call: %d\n", GetThreadContext(t, &ctx) != 0);
    printf("set it back unchanged: %d\n", SetThreadContext(t, &ctx) != 0);
    ResumeThread(t);
    stop = 1;
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
}

int main(void)
{
    running_thread();
    sleeping_thread();
    return 0;
}
