/* suspend_stress.c: threads ping-pong auto-reset events and semaphores (as Go's Ms sleep on
 * their wait event) while another thread suspends each of them, reads its context, sets it back
 * unchanged and resumes it, in a loop (as Go's async preemption does). No wake-up may be lost:
 * every pair finishes its rounds. SuspendThread/GetThreadContext/SetThreadContext/ResumeThread:
 * learn.microsoft.com ("SuspendThread ... suspends the thread"; the waits it interrupts go on). */
#include <stdio.h>
#include <windows.h>

#define PAIRS 3
#define ROUNDS 4000
#define WORKERS (PAIRS * 2)

struct side {
    HANDLE wake;            /* this side sleeps on it */
    HANDLE other;           /* the other side's */
    HANDLE extra;           /* a second event it never gets (WaitForMultipleObjects) */
    int kind;               /* 0 auto-reset event, 1 semaphore, 2 event with a timed 2-handle wait */
    LONG rounds;
};

static struct side sides[WORKERS];
static HANDLE threads[WORKERS];
static volatile LONG done;
static volatile LONG64 preemptions, set_ok;

static void signal_side(struct side *s)
{
    if (s->kind == 1)
        ReleaseSemaphore(s->other, 1, NULL);
    else
        SetEvent(s->other);
}

/* Sleeps until woken as Go's semasleep does: infinite, or with a timeout in a loop. */
static BOOL sleep_side(struct side *s)
{
    if (s->kind != 2)
        return WaitForSingleObject(s->wake, INFINITE) == WAIT_OBJECT_0;
    for (;;) {
        HANDLE h[2] = { s->wake, s->extra };
        DWORD r = WaitForMultipleObjects(2, h, FALSE, 5);
        if (r == WAIT_OBJECT_0)
            return TRUE;
        if (r != WAIT_TIMEOUT)
            return FALSE;
    }
}

static DWORD WINAPI worker(void *arg)
{
    struct side *s = arg;
    BOOL first = (s - sides) % 2 == 0;
    for (int i = 0; i < ROUNDS; i++) {
        if (first)
            signal_side(s);
        if (!sleep_side(s))
            return 1;
        if (!first)
            signal_side(s);
        s->rounds++;
    }
    return 0;
}

/* Every other round only suspends and resumes (the thread may not even have stopped yet). */
static DWORD WINAPI preempter(void *arg)
{
    for (unsigned round = 0; !done; round++)
        for (int i = 0; i < WORKERS && !done; i++) {
            CONTEXT ctx;
            if (SuspendThread(threads[i]) == (DWORD)-1)
                continue;
            memset(&ctx, 0, sizeof(ctx));
            ctx.ContextFlags = CONTEXT_CONTROL | CONTEXT_INTEGER;
            if (round % 2 == 0 && GetThreadContext(threads[i], &ctx)) {
                preemptions++;
                if (SetThreadContext(threads[i], &ctx))
                    set_ok++;
            }
            ResumeThread(threads[i]);
        }
    return 0;
}

int main(void)
{
    HANDLE pre;
    DWORD r;
    int failed = 0;

    for (int p = 0; p < PAIRS; p++) {
        struct side *a = &sides[2 * p], *b = &sides[2 * p + 1];
        a->kind = b->kind = p % 3;
        if (a->kind == 1) {
            a->wake = CreateSemaphoreA(NULL, 0, 1, NULL);
            b->wake = CreateSemaphoreA(NULL, 0, 1, NULL);
        } else {
            a->wake = CreateEventA(NULL, FALSE, FALSE, NULL);
            b->wake = CreateEventA(NULL, FALSE, FALSE, NULL);
        }
        a->extra = b->extra = CreateEventA(NULL, FALSE, FALSE, NULL);
        a->other = b->wake;
        b->other = a->wake;
    }
    for (int i = 0; i < WORKERS; i++)
        threads[i] = CreateThread(NULL, 0, worker, &sides[i], 0, NULL);
    pre = CreateThread(NULL, 0, preempter, NULL, 0, NULL);
    /* Generous: a lost wake-up leaves the pairs asleep for good. */
    r = WaitForMultipleObjects(WORKERS, threads, TRUE, 120000);
    done = 1;
    WaitForSingleObject(pre, INFINITE);
    printf("workers ended: %s\n", r == WAIT_OBJECT_0 ? "yes" : "no (a wake-up was lost)");
    for (int i = 0; i < WORKERS; i++) {
        DWORD code = 99;
        GetExitCodeThread(threads[i], &code);
        if (sides[i].rounds != ROUNDS || code) {
            printf("side %d: %ld rounds, exit %lu\n", i, sides[i].rounds, code);
            failed = 1;
        }
    }
    printf("every side made %d rounds: %s\n", ROUNDS, failed ? "no" : "yes");
    printf("contexts read: %s, set back: %s\n", preemptions > 0 ? "yes" : "no",
           set_ok == preemptions ? "all" : "not all");
    return failed || r != WAIT_OBJECT_0;
}
