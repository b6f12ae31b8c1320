/* thread.c: threads: NtCreateThreadEx (a pthread running PE code on a Windows stack, with its own
 * TEB at the GS base), exit and termination, suspension, user APCs and thread information.
 * docs/threads.md describes the design. */
#include <asm/prctl.h>
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "ntcalls/process.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(thread);

#define STILL_ACTIVE ((NTSTATUS)0x103)
#define STATUS_CANT_TERMINATE_SELF ((NTSTATUS)0xC00000DB)
#define STATUS_SUSPEND_COUNT_EXCEEDED ((NTSTATUS)0xC000004A)
#define STATUS_THREAD_IS_TERMINATING ((NTSTATUS)0xC000004B)
#define MAXIMUM_SUSPEND_COUNT 127
#define THREAD_CREATE_FLAGS_CREATE_SUSPENDED 0x1
#define STACK_GUARD 0x10000             /* never committed: an overflow faults there, and the
                                           exception handlers get room from it (loader/signal.c) */
#define ELF_STACK_SIZE 0x50000          /* the pthread's own stack: start-up, exit, signals */
#define SIGNAL_STACK_SIZE 0x10000       /* the part of it that is the alternate signal stack */

static struct thread_hooks hooks;
static pthread_mutex_t thread_lock = PTHREAD_MUTEX_INITIALIZER;
static struct thread thread_list = { .next = &thread_list, .prev = &thread_list };
static int live_threads = 1;            /* the main thread, made lazily */
static __thread struct thread *current;
static __thread bool ended_in_handler;  /* the thread ended in a signal handler: not kept */
static int affinity_changes;            /* atomic: a parked thread may need its creator's mask */

/* thread_run_on_stack(func, arg, stack_top, frame): calls func(arg) (Windows x64 convention) on
 * the given stack, after saving in frame where to come back; thread_unwind(frame) comes back there
 * from anywhere on the thread (the thread's end), as if func had returned. */
void thread_run_on_stack(void *func, void *arg, void *stack_top, uint64_t *frame);
void thread_unwind(uint64_t *frame) __attribute__((noreturn));
__asm__(
    ".text\n"
    ".globl thread_run_on_stack\n"
    ".type thread_run_on_stack, @function\n"
    "thread_run_on_stack:\n"
    "    pushq %rbp\n    pushq %rbx\n    pushq %r12\n    pushq %r13\n    pushq %r14\n    pushq %r15\n"
    "    movq %rsp, (%rcx)\n"
    "    movq %rcx, %r12\n"
    "    movq %rdx, %rsp\n"
    "    andq $-16, %rsp\n"
    "    subq $32, %rsp\n"
    "    movq %rsi, %rcx\n"
    "    callq *%rdi\n"
    "    movq %r12, %rdi\n"
    ".globl thread_unwind\n"
    "thread_unwind:\n"
    "    movq (%rdi), %rsp\n"
    "    popq %r15\n    popq %r14\n    popq %r13\n    popq %r12\n    popq %rbx\n    popq %rbp\n"
    "    ret\n"
    ".size thread_run_on_stack, .-thread_run_on_stack\n");

static long futex(int *addr, int op, int val)
{
    return syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

/* ---- thread objects ---- */

static void list_remove(struct thread *t);

static void thread_destroy(struct object *obj)
{
    struct thread *t = (struct thread *)obj;
    struct apc *apc;
    pthread_mutex_lock(&thread_lock);
    if (t->next)
        list_remove(t);
    pthread_mutex_unlock(&thread_lock);
    while ((apc = t->apcs)) {
        t->apcs = apc->next;
        free(apc);
    }
    free(t->description);
    free(t);
}

static bool thread_signaled(struct object *obj, struct thread *waiter)
{
    return ((struct thread *)obj)->exited;
}

static const struct object_ops thread_ops = { "thread", thread_destroy, thread_signaled, NULL };

static struct thread *thread_alloc(void)
{
    struct thread *t = calloc(1, sizeof(*t));
    if (!t)
        return NULL;
    object_init(&t->obj, OBJ_THREAD, &thread_ops);
    t->exit_code = STILL_ACTIVE;
    t->apcs_tail = &t->apcs;
    t->priority = 0;
    t->affinity = ~(ULONG_PTR)0;
    return t;
}

static void list_add(struct thread *t)  /* thread_lock held */
{
    t->next = thread_list.next;
    t->prev = &thread_list;
    thread_list.next->prev = t;
    thread_list.next = t;
}

static void list_remove(struct thread *t)   /* thread_lock held */
{
    t->prev->next = t->next;
    t->next->prev = t->prev;
    t->next = t->prev = NULL;
}

/* A reference to a listed thread, unless its last one is gone (it is being destroyed). */
static bool ref_live(struct thread *t)
{
    int refs = __atomic_load_n(&t->obj.refs, __ATOMIC_RELAXED);
    while (refs > 0)
        if (__atomic_compare_exchange_n(&t->obj.refs, &refs, refs + 1, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED))
            return true;
    return false;
}

struct thread *thread_current(void)
{
    struct thread *t;
    if ((t = current))
        return t;
    /* The main thread, which the loader started: its object is made on first use. */
    if (!(t = thread_alloc())) {
        static const char msg[] = "vinho: out of memory\n";
        (void)!write(2, msg, sizeof(msg) - 1);
        _exit(1);
    }
    t->tid = t->unix_tid = syscall(SYS_gettid);
    t->is_main = t->started = true;
    syscall(SYS_arch_prctl, ARCH_GET_GS, &t->teb);
    t->pthread = pthread_self();
    pthread_mutex_lock(&thread_lock);
    list_add(t);
    pthread_mutex_unlock(&thread_lock);
    current = t;
    return t;
}

ULONG thread_current_id(void)
{
    return thread_current()->tid;
}

NTSTATUS thread_get(HANDLE handle, struct thread **out)
{
    if (handle == NtCurrentThread()) {
        *out = (struct thread *)object_ref(&thread_current()->obj);
        return STATUS_SUCCESS;
    }
    return handle_get(handle, OBJ_THREAD, (struct object **)out, NULL);
}

void thread_set_hooks(const struct thread_hooks *h)
{
    hooks = *h;
    thread_current();
}

const struct thread_hooks *thread_get_hooks(void)
{
    return &hooks;
}

void thread_mark_multithreaded(void)
{
    if (hooks.multithreaded && !__atomic_load_n(hooks.multithreaded, __ATOMIC_RELAXED))
        __atomic_store_n(hooks.multithreaded, 1, __ATOMIC_SEQ_CST);
}

void thread_for_each_teb(void (*fn)(struct vn_teb *teb, void *ctx), void *ctx)
{
    thread_current();
    pthread_mutex_lock(&thread_lock);
    for (struct thread *t = thread_list.next; t != &thread_list; t = t->next)
        if (t->teb && !t->teb_gone)
            fn(t->teb, ctx);
    pthread_mutex_unlock(&thread_lock);
}

/* ---- the end of a thread ---- */

/* The thread object is signalled: waiters on it return, its mutexes are abandoned. */
static void signal_exited(struct thread *t)
{
    sync_lock_acquire();
    t->exited = true;
    sync_thread_exited(t);
    sync_lock_release();
}

static void thread_exit(struct thread *t, NTSTATUS code) __attribute__((noreturn));
static void thread_exit(struct thread *t, NTSTATUS code)
{
    int left;
    pthread_mutex_lock(&thread_lock);
    left = --live_threads;
    pthread_mutex_unlock(&thread_lock);
    TRACE("thread %04x ends with %#x (%d left)\n", t->tid, code, left);
    if (!left)      /* the last thread: the process ends with its code, as on Windows */
        NtTerminateProcess(NtCurrentProcess(), code);
    sync_lock_acquire();
    if (t->exit_code == STILL_ACTIVE)
        t->exit_code = code;
    /* From here TerminateThread keeps the code and SuspendThread fails, as for an ended thread. */
    __atomic_store_n(&t->terminate_pending, true, __ATOMIC_RELEASE);
    sync_lock_release();
    pthread_mutex_lock(&thread_lock);
    t->teb_gone = true;     /* the thread stays listed (OpenThread) while its object lives */
    pthread_mutex_unlock(&thread_lock);
    if (t->is_main) {   /* no pthread of ours to go back to: the Linux thread just ends */
        signal_exited(t);
        object_unref(&t->obj);
        syscall(SYS_exit, 0);
    }
    /* The thread object is signalled on the pthread's stack (run_thread), once the Linux thread
     * is ready for the next thread: a CreateThread right after the join finds it parked. */
    thread_unwind(t->exit_frame);
}

void thread_exit_if_terminating(void)
{
    struct thread *t = thread_current();
    if (__atomic_load_n(&t->terminate_pending, __ATOMIC_ACQUIRE))
        thread_exit(t, t->exit_code);
}

static void terminate_handler(int sig, siginfo_t *info, void *uc)
{
    struct thread *t = current;
    /* In PE code the thread holds none of vinho's locks: it ends here. In vinho's code it ends
     * at its next wait (sync.c), so that no lock of ours dies with it. */
    if (t && t->terminate_pending && !t->teb_gone && (!hooks.gate_depth || !hooks.gate_depth())) {
        ended_in_handler = true;    /* its Linux thread is not reused (docs/threads.md) */
        thread_exit(t, t->exit_code);
    }
}

/* Stops while suspended, with its context published (context.c); in vinho's code it stops at
 * the gate return instead, so that no lock of ours is held while it waits. */
static void suspend_handler(int sig, siginfo_t *info, void *uc)
{
    struct thread *t = current;
    int saved = errno;
    if (t)
        context_suspend_signal(t, uc);
    errno = saved;
}

static void install_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sa.sa_sigaction = terminate_handler;
    sigaction(SIG_TERMINATE, &sa, NULL);
    sa.sa_sigaction = suspend_handler;
    sa.sa_flags |= SA_ONSTACK;      /* not on the program's stack: Go's goroutine stacks are small */
    sigaction(SIG_SUSPEND, &sa, NULL);
}

/* Asks t to end with code: at once in PE code, at its next wait in ours. */
static void request_termination(struct thread *t, NTSTATUS code)
{
    sync_lock_acquire();
    if (!t->exited && !t->terminate_pending) {
        t->exit_code = code;
        __atomic_store_n(&t->terminate_pending, true, __ATOMIC_RELEASE);
        sync_poke(t);
    }
    sync_lock_release();
    if (!t->started || __atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE)) {
        __atomic_store_n(&t->suspend_count, 0, __ATOMIC_RELEASE);
        futex(&t->suspend_count, FUTEX_WAKE_PRIVATE, 0x7fffffff);
        context_resumed(t);
    }
    if (t->started && t->unix_tid)
        syscall(SYS_tgkill, getpid(), t->unix_tid, SIG_TERMINATE);
}

/* NtTerminateProcess(0, code): every thread but the caller ends, as ExitProcess needs before it
 * detaches the DLLs. Threads in vinho's code that do not reach a wait soon are left running
 * (they die with the process a moment later). */
NTSTATUS thread_terminate_others(NTSTATUS code)
{
    struct thread *self = thread_current(), *list[256];
    int n, rounds;

    for (rounds = 0; rounds < 200; rounds++) {
        n = 0;
        pthread_mutex_lock(&thread_lock);
        for (struct thread *t = thread_list.next; t != &thread_list && n < 256; t = t->next)
            if (t != self && !t->teb_gone && ref_live(t))
                list[n++] = t;
        pthread_mutex_unlock(&thread_lock);
        for (int i = 0; i < n; i++) {
            request_termination(list[i], code);
            object_unref(&list[i]->obj);
        }
        if (!n)
            break;
        usleep(1000);
    }
    return STATUS_SUCCESS;
}

/* ---- start ---- */

/* Runs on the new thread's Windows stack: DLL_THREAD_ATTACH, then the start routine through
 * ntdll's RtlUserThreadStart, which ends the thread itself. */
static void WINAPI thread_start_on_stack(struct thread *t)
{
    typedef void (WINAPI *user_start_fn)(void *start, void *param);
    typedef ULONG (WINAPI *start_fn)(void *param);
    if (hooks.attach)
        hooks.attach();
    if (hooks.user_thread_start)
        ((user_start_fn)hooks.user_thread_start)(t->start, t->param);
    thread_exit(t, ((start_fn)t->start)(t->param));
}

/* ---- parked threads ----
 * The Linux thread of an ended Windows thread is kept a while, with its TEB and Windows stack,
 * for the next NtCreateThreadEx: starting a thread then costs one futex wake instead of clone,
 * mmap, mprotect, munmap and madvise, whose TLB shootdowns make the rest look cheap (on the
 * test VM an unmap in a process with two running threads costs tens of microseconds). */
#define PARKED_MAX 8            /* Linux threads kept at most */
#define PARKED_IDLE_NS 5000000000LL     /* one that waits longer than this ends */

struct parked {
    struct parked *next;
    int word;                   /* futex: 0 waiting, 1 given a thread (job) */
    struct thread *job;
    struct vn_teb *teb;
    void *stack;
    size_t stack_size;
    pid_t unix_tid;
    pthread_t pthread;
    sigset_t mask;              /* the Linux thread's signal mask, once set (mask_set) */
    bool mask_set;
};

static struct parked *parked_list;      /* thread_lock */
static int parked_count;                /* thread_lock */

/* The TEB as alloc_teb makes it, for the next thread of this Linux thread. */
static void reset_teb(struct vn_teb *teb, void *stack, size_t stack_size)
{
    void *peb = teb->Peb, *process = teb->ClientIdProcess;
    memset(teb, 0, sizeof(*teb));
    teb->Self = teb;
    teb->Peb = peb;
    teb->ClientIdProcess = process;
    teb->StaticUnicodeString.Buffer = teb->StaticUnicodeBuffer;
    teb->StaticUnicodeString.MaximumLength = sizeof(teb->StaticUnicodeBuffer);
    teb->DeallocationStack = stack;
    teb->StackLimit = (char *)stack + STACK_GUARD;
    teb->StackBase = (char *)stack + stack_size;
}

/* After a thread ended, with its object still referenced: false if its Linux thread is not to
 * be kept; else its TEB is made new and the Linux thread is listed as parked (NtCreateThreadEx
 * may hand it a thread from now on: park() then finds it at once). */
static bool prepare_park(struct parked *self, struct thread *ended)
{
    struct vn_teb *teb = ended->teb;
    if (ended_in_handler || ended->is_main || teb->StackLimit != (char *)ended->stack + STACK_GUARD)
        return false;   /* a stack that grew into its guard is not handed on */
    if (__atomic_load_n(&parked_count, __ATOMIC_RELAXED) >= PARKED_MAX)
        return false;
    if (ended->description)     /* SetThreadDescription named the pthread: the name goes */
        pthread_setname_np(pthread_self(), "vinho");
    reset_teb(teb, ended->stack, ended->stack_size);
    self->teb = teb;
    self->stack = ended->stack;
    self->stack_size = ended->stack_size;
    self->job = NULL;
    __atomic_store_n(&self->word, 0, __ATOMIC_RELAXED);
    pthread_mutex_lock(&thread_lock);
    if (parked_count >= PARKED_MAX) {
        pthread_mutex_unlock(&thread_lock);
        return false;
    }
    self->next = parked_list;
    parked_list = self;
    parked_count++;
    pthread_mutex_unlock(&thread_lock);
    return true;
}

/* Waits for NtCreateThreadEx to hand this parked Linux thread a new thread. NULL: nobody came in
 * time; the Linux thread is no longer listed and ends. */
static struct thread *park(struct parked *self)
{
    struct timespec ts = { PARKED_IDLE_NS / 1000000000, 0 };

    current = NULL;
    while (!__atomic_load_n(&self->word, __ATOMIC_ACQUIRE)) {
        if (syscall(SYS_futex, &self->word, FUTEX_WAIT_PRIVATE, 0, &ts, NULL, 0) < 0 &&
            errno == ETIMEDOUT) {
            bool gone = false;
            pthread_mutex_lock(&thread_lock);
            if (!__atomic_load_n(&self->word, __ATOMIC_ACQUIRE)) {
                for (struct parked **p = &parked_list; *p; p = &(*p)->next)
                    if (*p == self) {
                        *p = self->next;
                        break;
                    }
                parked_count--;
                gone = true;
            }
            pthread_mutex_unlock(&thread_lock);
            if (gone)
                return NULL;
        }
    }
    return self->job;
}

/* NtCreateThreadEx: a parked Linux thread whose Windows stack has this size, taken off the list. */
static struct parked *take_parked(size_t stack_size)
{
    struct parked *p = NULL;
    if (!__atomic_load_n(&parked_count, __ATOMIC_RELAXED))
        return NULL;
    pthread_mutex_lock(&thread_lock);
    for (struct parked **pp = &parked_list; *pp; pp = &(*pp)->next)
        if ((*pp)->stack_size == stack_size) {
            p = *pp;
            *pp = p->next;
            parked_count--;
            break;
        }
    pthread_mutex_unlock(&thread_lock);
    return p;
}

/* Gives t to the parked Linux thread p (which owns t's TEB and stack already). */
static void wake_parked(struct parked *p, struct thread *t)
{
    if (__atomic_load_n(&affinity_changes, __ATOMIC_RELAXED)) {     /* the creator's, as clone */
        cpu_set_t set;
        if (!sched_getaffinity(0, sizeof(set), &set))
            sched_setaffinity(p->unix_tid, sizeof(set), &set);
    }
    t->pthread = p->pthread;
    t->unix_tid = p->unix_tid;
    object_ref(&t->obj);        /* the running thread's own reference */
    pthread_sigmask(SIG_SETMASK, NULL, &t->start_mask);
    pthread_mutex_lock(&thread_lock);
    live_threads++;
    list_add(t);
    pthread_mutex_unlock(&thread_lock);
    p->job = t;
    __atomic_store_n(&p->word, 1, __ATOMIC_RELEASE);
    futex(&p->word, FUTEX_WAKE_PRIVATE, 1);
}

/* One Windows thread on this Linux thread, from its start to its end (its TLS freed; its TEB and
 * stack stay; the object is not signalled yet). */
static void run_thread(struct thread *t, struct parked *self)
{
    int n;
    current = t;
    t->unix_tid = self->unix_tid;
    if (hooks.gate_reset)   /* the last thread here ended inside a gate call that never returned */
        hooks.gate_reset();
    if (!self->mask_set || memcmp(&self->mask, &t->start_mask, sizeof(self->mask))) {
        pthread_sigmask(SIG_SETMASK, &t->start_mask, NULL);    /* it has its TEB: signals may come */
        self->mask = t->start_mask;
        self->mask_set = true;
    }
    while ((n = __atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE)) > 0)
        futex(&t->suspend_count, FUTEX_WAIT_PRIVATE, n);
    __atomic_store_n(&t->started, true, __ATOMIC_SEQ_CST);
    /* A SuspendThread between the loop and now saw it not started and sent no signal. */
    while ((n = __atomic_load_n(&t->suspend_count, __ATOMIC_SEQ_CST)) > 0 && !t->terminate_pending)
        futex(&t->suspend_count, FUTEX_WAIT_PRIVATE, n);
    if (hooks.init_tls)     /* here, once in the thread list: DLLs loaded meanwhile add to it */
        hooks.init_tls(t->teb);
    if (!t->terminate_pending) {
        ended_in_handler = false;
        thread_run_on_stack((void *)thread_start_on_stack, t, t->teb->StackBase, t->exit_frame);
    } else {    /* terminated before it ran a single instruction of its own */
        pthread_mutex_lock(&thread_lock);
        live_threads--;
        t->teb_gone = true;
        pthread_mutex_unlock(&thread_lock);
    }
    /* The thread has ended (thread_exit came back here): free what was its own. */
    if (hooks.free_tls)
        hooks.free_tls(t->teb);
}

static void *thread_routine(void *arg)
{
    /* The alternate signal stack, on this Linux thread's own stack, above any frame that could
     * overflow (Windows code runs on its own stack); pages untouched until a signal uses them. */
    char altstack[SIGNAL_STACK_SIZE] __attribute__((aligned(16)));
    stack_t no_altstack = { .ss_flags = SS_DISABLE };
    struct thread *t = arg;
    struct parked self = { .pthread = pthread_self() };
    struct vn_teb *teb = t->teb;
    void *stack;
    SIZE_T size = 0;

    self.unix_tid = t->unix_tid = syscall(SYS_gettid);
    syscall(SYS_arch_prctl, ARCH_SET_GS, teb);
    if (hooks.signal_init)
        hooks.signal_init(altstack, sizeof(altstack));
    for (;;) {
        bool keep;
        run_thread(t, &self);
        stack = t->stack;
        keep = prepare_park(&self, t);
        signal_exited(t);
        object_unref(&t->obj);
        if (!keep || !(t = park(&self)))
            break;
    }
    NtFreeVirtualMemory(NtCurrentProcess(), &stack, &size, MEM_RELEASE);
    munmap(teb, sizeof(struct vn_teb));
    sigaltstack(&no_altstack, NULL);    /* its frame goes: pthread's exit code reuses the memory */
    return NULL;
}

/* The Windows stack: reserve (rounded to 64 KiB) with its lowest page never committed. */
static SIZE_T stack_size(SIZE_T commit, SIZE_T reserve)
{
    SIZE_T size;
    if (!reserve)
        reserve = hooks.stack_reserve ? hooks.stack_reserve : 0x100000;
    if (commit > reserve)
        reserve = (commit + 0xfffff) & ~(SIZE_T)0xfffff;   /* Windows rounds to 1 MiB */
    size = (reserve + 0xffff) & ~(SIZE_T)0xffff;
    return size < 0x20000 ? 0x20000 : size;     /* room above the guard */
}

static NTSTATUS alloc_stack(struct thread *t, SIZE_T size)
{
    void *base = NULL, *top;
    SIZE_T usable;
    NTSTATUS status;

    if ((status = NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &size, MEM_RESERVE,
                                          PAGE_READWRITE)))
        return status;
    top = (char *)base + STACK_GUARD;
    usable = size - STACK_GUARD;
    if ((status = NtAllocateVirtualMemory(NtCurrentProcess(), &top, 0, &usable, MEM_COMMIT,
                                          PAGE_READWRITE))) {
        SIZE_T zero = 0;
        NtFreeVirtualMemory(NtCurrentProcess(), &base, &zero, MEM_RELEASE);
        return status;
    }
    t->stack = base;
    t->stack_size = size;
    t->teb->DeallocationStack = base;
    t->teb->StackLimit = (char *)base + STACK_GUARD;
    t->teb->StackBase = (char *)base + size;
    return STATUS_SUCCESS;
}

static struct vn_teb *alloc_teb(void)
{
    struct vn_teb *self = thread_current()->teb, *teb;
    teb = mmap(NULL, sizeof(*teb), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (teb == MAP_FAILED)
        return NULL;
    teb->Self = teb;
    teb->Peb = self ? self->Peb : NULL;
    teb->ClientIdProcess = (void *)(ULONG_PTR)getpid();
    teb->StaticUnicodeString.Buffer = teb->StaticUnicodeBuffer;
    teb->StaticUnicodeString.MaximumLength = sizeof(teb->StaticUnicodeBuffer);
    teb->CurrentLocale = self ? self->CurrentLocale : 0x0409;
    return teb;
}

/* Thread ids are ours, not Linux tids, so that the creator need not wait for the new thread to
 * learn its id: multiples of 4 as on Windows, never the main thread's (its Linux tid). */
static ULONG new_thread_id(void)
{
    static ULONG next = 0x100;
    ULONG main_id = thread_list.prev != &thread_list ? thread_list.prev->tid : 0, id;
    do
        id = __atomic_fetch_add(&next, 4, __ATOMIC_RELAXED);
    while (id == main_id || !id);
    return id;
}

static void free_new_thread(struct thread *t)
{
    SIZE_T size = 0;
    if (t->stack)
        NtFreeVirtualMemory(NtCurrentProcess(), &t->stack, &size, MEM_RELEASE);
    if (t->teb) {
        if (t->teb->ThreadLocalStoragePointer && hooks.free_tls)
            hooks.free_tls(t->teb);
        munmap(t->teb, sizeof(*t->teb));
    }
    free(t);
}

/* Makes the pthread; returns once it has its thread id. */
static NTSTATUS start_pthread(struct thread *t)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_attr_t attr;
    sigset_t all, old;
    int err;

    pthread_once(&once, install_handlers);
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, ELF_STACK_SIZE);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    object_ref(&t->obj);        /* the running thread's own reference */
    pthread_mutex_lock(&thread_lock);
    live_threads++;
    list_add(t);
    pthread_mutex_unlock(&thread_lock);
    sigfillset(&all);   /* no signal before the new thread has its TEB */
    pthread_sigmask(SIG_SETMASK, &all, &old);
    t->start_mask = old;
    err = pthread_create(&t->pthread, &attr, thread_routine, t);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (err) {
        pthread_mutex_lock(&thread_lock);
        live_threads--;
        list_remove(t);
        pthread_mutex_unlock(&thread_lock);
        object_unref(&t->obj);
        return errno_to_status(err);
    }
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtCreateThreadEx
 *
 * In this process only. stack_commit/stack_reserve 0: the program's defaults.
 */
/* NtCreateThreadEx's attribute list: checked, and its outputs probed, before anything is made
 * (a bad pointer then costs nothing); written by attributes_out before the thread can run. */
static NTSTATUS attributes_check(const struct vn_ps_attribute_list *list, size_t *count)
{
    *count = 0;
    if (!list)
        return STATUS_SUCCESS;
    if (list->TotalLength < sizeof(*list) ||
        (list->TotalLength - sizeof(*list)) % sizeof(struct vn_ps_attribute))
        return STATUS_INVALID_PARAMETER;
    *count = (list->TotalLength - sizeof(*list)) / sizeof(struct vn_ps_attribute);
    for (size_t i = 0; i < *count; i++) {
        const struct vn_ps_attribute *a = &list->Attributes[i];
        size_t need;
        switch (a->Attribute) {
        case VN_PS_ATTRIBUTE_CLIENT_ID: need = 2 * sizeof(void *); break;
        case VN_PS_ATTRIBUTE_TEB_ADDRESS: need = sizeof(void *); break;
        case VN_PS_ATTRIBUTE_THREAD_ID32: need = sizeof(DWORD); break;
        default:
            FIXME_ONCE("thread attribute %#llx is ignored\n", (unsigned long long)a->Attribute);
            continue;
        }
        if (a->Size < need)
            return STATUS_INVALID_PARAMETER;
        memset(a->ValuePtr, 0, need);   /* faults here, on the caller's pointer, not later */
        if (a->ReturnLength)
            *a->ReturnLength = 0;
    }
    return STATUS_SUCCESS;
}

static void attributes_out(const struct vn_ps_attribute_list *list, size_t count, struct thread *t)
{
    for (size_t i = 0; i < count; i++) {
        const struct vn_ps_attribute *a = &list->Attributes[i];
        if (a->Attribute == VN_PS_ATTRIBUTE_CLIENT_ID) {
            void **id = a->ValuePtr;
            id[0] = (void *)(ULONG_PTR)getpid();
            id[1] = (void *)(ULONG_PTR)t->tid;
            if (a->ReturnLength)
                *a->ReturnLength = 2 * sizeof(void *);
        } else if (a->Attribute == VN_PS_ATTRIBUTE_THREAD_ID32) {
            *(DWORD *)a->ValuePtr = t->tid;
            if (a->ReturnLength)
                *a->ReturnLength = sizeof(DWORD);
        } else if (a->Attribute == VN_PS_ATTRIBUTE_TEB_ADDRESS) {
            *(void **)a->ValuePtr = t->teb;
            if (a->ReturnLength)
                *a->ReturnLength = sizeof(void *);
        }
    }
}

NTSTATUS WINAPI NtCreateThreadEx(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                                 HANDLE process, PVOID start, PVOID param, ULONG flags,
                                 SIZE_T zero_bits, SIZE_T stack_commit, SIZE_T stack_reserve,
                                 PVOID attr_list)
{
    struct thread *t;
    struct parked *parked;
    NTSTATUS status;
    size_t attr_count;
    SIZE_T size;
    HANDLE h;

    TRACE("%p %#x %p %p(%p) flags %#x stack %#zx/%#zx\n", handle, access, process, start, param,
          flags, (size_t)stack_commit, (size_t)stack_reserve);
    if (process != NtCurrentProcess()) {
        FIXME("threads in another process are not implemented\n");
        return STATUS_NOT_IMPLEMENTED;
    }
    if (!handle)
        return STATUS_ACCESS_VIOLATION;
    if (!start)
        return STATUS_INVALID_PARAMETER;
    if ((status = attributes_check(attr_list, &attr_count)))
        return status;
    if (!(t = thread_alloc()))
        return STATUS_NO_MEMORY;
    thread_mark_multithreaded();
    t->start = start;
    t->param = param;
    t->suspend_count = (flags & THREAD_CREATE_FLAGS_CREATE_SUSPENDED) ? 1 : 0;
    t->tid = new_thread_id();
    size = stack_size(stack_commit, stack_reserve);
    if ((parked = take_parked(size))) {     /* its TEB and stack are ready */
        struct vn_teb *self = thread_current()->teb;
        t->teb = parked->teb;
        t->stack = parked->stack;
        t->stack_size = parked->stack_size;
        t->teb->ClientIdThread = (void *)(ULONG_PTR)t->tid;
        t->teb->CurrentLocale = self ? self->CurrentLocale : 0x0409;
        attributes_out(attr_list, attr_count, t);
        wake_parked(parked, t);
    } else {
        if (!(t->teb = alloc_teb())) {
            free_new_thread(t);
            return STATUS_NO_MEMORY;
        }
        t->teb->ClientIdThread = (void *)(ULONG_PTR)t->tid;
        attributes_out(attr_list, attr_count, t);
        if ((status = alloc_stack(t, size)) || (status = start_pthread(t))) {
            free_new_thread(t);
            return status;
        }
    }
    if ((status = handle_alloc(&t->obj, access, attr ? attr->Attributes : 0, &h))) {
        request_termination(t, status);
        object_unref(&t->obj);
        return status;
    }
    *handle = h;
    TRACE("thread %04x, handle %p\n", t->tid, h);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtTerminateThread
 *
 * A NULL handle is the calling thread, unless it is the last (STATUS_CANT_TERMINATE_SELF).
 */
NTSTATUS WINAPI NtTerminateThread(HANDLE handle, NTSTATUS code)
{
    struct thread *t, *self = thread_current();
    NTSTATUS status;

    TRACE("%p %#x\n", handle, code);
    if (!handle) {
        bool last;
        pthread_mutex_lock(&thread_lock);
        last = live_threads == 1;
        pthread_mutex_unlock(&thread_lock);
        if (last)
            return STATUS_CANT_TERMINATE_SELF;
        thread_exit(self, code);
    }
    if ((status = thread_get(handle, &t)))
        return status;
    if (t == self) {
        object_unref(&t->obj);
        thread_exit(self, code);
    }
    request_termination(t, code);
    object_unref(&t->obj);
    return STATUS_SUCCESS;
}

/* ---- suspension ---- */

NTSTATUS WINAPI NtSuspendThread(HANDLE handle, ULONG *prev)
{
    struct thread *t;
    NTSTATUS status;
    int old;

    if ((status = thread_get(handle, &t)))
        return status;
    old = __atomic_load_n(&t->suspend_count, __ATOMIC_RELAXED);
    do {
        if (t->exited || t->terminate_pending) {
            status = STATUS_THREAD_IS_TERMINATING;
            break;
        }
        if (old >= MAXIMUM_SUSPEND_COUNT) {
            status = STATUS_SUSPEND_COUNT_EXCEEDED;
            break;
        }
    } while (!__atomic_compare_exchange_n(&t->suspend_count, &old, old + 1, false, __ATOMIC_ACQ_REL,
                                          __ATOMIC_RELAXED));
    if (!status && !old && t->started) {
        context_suspend_requested(t);
        if (t == thread_current())
            context_suspend_signal(t, NULL);    /* until another thread resumes it */
        else
            syscall(SYS_tgkill, getpid(), t->unix_tid, SIG_SUSPEND);
    }
    object_unref(&t->obj);
    if (!status && prev)
        *prev = old;
    return status;
}

NTSTATUS WINAPI NtResumeThread(HANDLE handle, ULONG *prev)
{
    struct thread *t;
    NTSTATUS status;
    int old;

    if ((status = thread_get(handle, &t)))  /* a child's thread handle is its process object */
        return status == STATUS_OBJECT_TYPE_MISMATCH ? process_resume_main_thread(handle, prev) : status;
    old = __atomic_load_n(&t->suspend_count, __ATOMIC_RELAXED);
    while (old > 0 && !__atomic_compare_exchange_n(&t->suspend_count, &old, old - 1, false,
                                                   __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
        ;
    if (old == 1) {
        futex(&t->suspend_count, FUTEX_WAKE_PRIVATE, 0x7fffffff);     /* not started yet */
        context_resumed(t);
    }
    object_unref(&t->obj);
    if (prev)
        *prev = old;
    return STATUS_SUCCESS;
}

/* ---- user APCs ---- */

bool thread_apc_pending(struct thread *t)
{
    return t->apcs != NULL;
}

int thread_run_apcs(void)
{
    struct thread *t = thread_current();
    int n = 0;
    for (;;) {
        struct apc *apc;
        sync_lock_acquire();
        if ((apc = t->apcs) && !(t->apcs = apc->next))
            t->apcs_tail = &t->apcs;
        sync_lock_release();
        if (!apc)
            return n;
        TRACE("APC %p(%#lx, %#lx, %#lx)\n", apc->func, (unsigned long)apc->args[0],
              (unsigned long)apc->args[1], (unsigned long)apc->args[2]);
        apc->func(apc->args[0], apc->args[1], apc->args[2]);
        free(apc);
        n++;
    }
}

/***********************************************************************
 *           NtQueueApcThread
 *
 * The routine runs on that thread at its next alertable wait (or NtTestAlert).
 */
NTSTATUS WINAPI NtQueueApcThread(HANDLE handle, PVOID func, ULONG_PTR a1, ULONG_PTR a2, ULONG_PTR a3)
{
    struct thread *t;
    struct apc *apc;
    NTSTATUS status;

    if ((status = thread_get(handle, &t)))
        return status;
    if (!func || !(apc = malloc(sizeof(*apc)))) {
        object_unref(&t->obj);
        return func ? STATUS_NO_MEMORY : STATUS_INVALID_PARAMETER;
    }
    apc->next = NULL;
    apc->func = func;
    apc->args[0] = a1;
    apc->args[1] = a2;
    apc->args[2] = a3;
    sync_lock_acquire();
    if (t->exited) {
        status = STATUS_UNSUCCESSFUL;
    } else {
        *t->apcs_tail = apc;
        t->apcs_tail = &apc->next;
        apc = NULL;
        sync_poke(t);
    }
    sync_lock_release();
    free(apc);
    object_unref(&t->obj);
    return status;
}

/* ---- information ---- */

/***********************************************************************
 *           NtOpenThread
 */
NTSTATUS WINAPI NtOpenThread(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr, CLIENT_ID *id)
{
    struct thread *found = NULL;
    ULONG tid;
    HANDLE h;
    NTSTATUS status;

    if (!handle || !id)
        return STATUS_ACCESS_VIOLATION;
    tid = (ULONG)(ULONG_PTR)id->UniqueThread;
    if (id->UniqueProcess && (ULONG)(ULONG_PTR)id->UniqueProcess != (ULONG)getpid()) {
        FIXME("threads of other processes are not implemented\n");
        return STATUS_NOT_IMPLEMENTED;
    }
    thread_current();
    pthread_mutex_lock(&thread_lock);
    for (struct thread *t = thread_list.next; t != &thread_list; t = t->next)
        if (t->tid == tid && tid && ref_live(t)) {
            found = t;
            break;
        }
    pthread_mutex_unlock(&thread_lock);
    if (!found)
        return STATUS_INVALID_CID;
    if ((status = handle_alloc(&found->obj, access, attr ? attr->Attributes : 0, &h))) {
        object_unref(&found->obj);
        return status;
    }
    *handle = h;
    return STATUS_SUCCESS;
}

enum {
    ThreadBasicInformation = 0, ThreadTimes = 1, ThreadPriority = 2, ThreadBasePriority = 3,
    ThreadAffinityMask = 4, ThreadZeroTlsCell = 10, ThreadAmILastThread = 12,
    ThreadQuerySetWin32StartAddress = 9, ThreadHideFromDebugger = 17, ThreadIsTerminated = 20,
    ThreadSuspendCount = 35, ThreadNameInformation = 38,
};

struct basic_info {
    NTSTATUS ExitStatus;
    PVOID TebBaseAddress;
    CLIENT_ID ClientId;
    ULONG_PTR AffinityMask;
    LONG Priority, BasePriority;
};

static ULONG_PTR system_affinity(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n >= 64 ? ~(ULONG_PTR)0 : ((ULONG_PTR)1 << n) - 1;
}

/* The thread's description as THREAD_NAME_INFORMATION: a UNICODE_STRING, then its text. */
static NTSTATUS query_name(struct thread *t, void *info, ULONG length, ULONG *ret_len)
{
    size_t len = 0;
    WCHAR *copy = NULL;
    UNICODE_STRING us;
    pthread_mutex_lock(&thread_lock);
    if (t->description) {
        while (t->description[len])
            len++;
        if ((copy = malloc((len + 1) * sizeof(WCHAR))))
            memcpy(copy, t->description, (len + 1) * sizeof(WCHAR));
    }
    pthread_mutex_unlock(&thread_lock);
    if (t->description && !copy)
        return STATUS_NO_MEMORY;
    if (ret_len)
        *ret_len = sizeof(us) + len * sizeof(WCHAR);
    if (length < sizeof(us) + len * sizeof(WCHAR)) {
        free(copy);
        return STATUS_BUFFER_TOO_SMALL;
    }
    us.Length = us.MaximumLength = len * sizeof(WCHAR);
    us.Buffer = len ? (WCHAR *)((char *)info + sizeof(us)) : NULL;
    if (len)
        memcpy(us.Buffer, copy, len * sizeof(WCHAR));
    memcpy(info, &us, sizeof(us));
    free(copy);
    return STATUS_SUCCESS;
}

static NTSTATUS query_thread(struct thread *t, ULONG cls, void *info, ULONG length, ULONG *ret_len)
{
    ULONG value;
    switch (cls) {
    case ThreadBasicInformation: {
        struct basic_info bi = { 0 };
        if (length != sizeof(bi))
            return STATUS_INFO_LENGTH_MISMATCH;
        sync_lock_acquire();
        bi.ExitStatus = t->exited ? t->exit_code : STILL_ACTIVE;
        sync_lock_release();
        bi.TebBaseAddress = t->exited ? NULL : t->teb;
        bi.ClientId.UniqueProcess = (HANDLE)(ULONG_PTR)getpid();
        bi.ClientId.UniqueThread = (HANDLE)(ULONG_PTR)t->tid;
        bi.AffinityMask = t->affinity & system_affinity();
        bi.Priority = 8 + t->priority;
        bi.BasePriority = t->priority;
        memcpy(info, &bi, sizeof(bi));
        if (ret_len)
            *ret_len = sizeof(bi);
        return STATUS_SUCCESS;
    }
    case ThreadNameInformation:
        return query_name(t, info, length, ret_len);
    case ThreadQuerySetWin32StartAddress:
        if (length != sizeof(void *))
            return STATUS_INFO_LENGTH_MISMATCH;
        memcpy(info, &t->start, sizeof(void *));
        if (ret_len)
            *ret_len = sizeof(void *);
        return STATUS_SUCCESS;
    case ThreadAmILastThread:
        pthread_mutex_lock(&thread_lock);
        value = live_threads == 1;
        pthread_mutex_unlock(&thread_lock);
        break;
    case ThreadIsTerminated:
        value = t->exited;
        break;
    case ThreadSuspendCount:
        value = __atomic_load_n(&t->suspend_count, __ATOMIC_RELAXED);
        break;
    default:
        FIXME("information class %u is not implemented\n", cls);
        return STATUS_NOT_IMPLEMENTED;
    }
    if (length != sizeof(ULONG))
        return STATUS_INFO_LENGTH_MISMATCH;
    memcpy(info, &value, sizeof(value));
    if (ret_len)
        *ret_len = sizeof(value);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtQueryInformationThread
 */
NTSTATUS WINAPI NtQueryInformationThread(HANDLE handle, ULONG cls, PVOID info, ULONG length, ULONG *ret_len)
{
    struct thread *t;
    NTSTATUS status;
    if ((status = thread_get(handle, &t)))
        return status;
    status = query_thread(t, cls, info, length, ret_len);
    object_unref(&t->obj);
    return status;
}

static void zero_tls_cell(struct vn_teb *teb, void *ctx)
{
    ULONG index = *(ULONG *)ctx;
    if (index < 64)
        teb->TlsSlots[index] = NULL;
    else if (teb->TlsExpansionSlots)
        teb->TlsExpansionSlots[index - 64] = NULL;
}

static NTSTATUS set_name(struct thread *t, const void *info, ULONG length)
{
    UNICODE_STRING us;
    WCHAR *copy, *old;
    char *utf8, name[16];
    size_t n;
    if (length != sizeof(us))
        return STATUS_INFO_LENGTH_MISMATCH;
    memcpy(&us, info, sizeof(us));
    if (us.Length & 1 || (us.Length && !us.Buffer))
        return STATUS_INVALID_PARAMETER;
    if (!(copy = malloc(us.Length + sizeof(WCHAR))))
        return STATUS_NO_MEMORY;
    memcpy(copy, us.Buffer, us.Length);
    copy[us.Length / sizeof(WCHAR)] = 0;
    pthread_mutex_lock(&thread_lock);
    old = t->description;
    t->description = copy;
    if (!t->exited && (utf8 = utf16_to_utf8(copy, us.Length / sizeof(WCHAR), &n))) {
        snprintf(name, sizeof(name), "%s", utf8);   /* Linux keeps 15 bytes */
        pthread_setname_np(t->pthread, name);
        free(utf8);
    }
    pthread_mutex_unlock(&thread_lock);
    free(old);
    return STATUS_SUCCESS;
}

static NTSTATUS set_thread(struct thread *t, ULONG cls, const void *info, ULONG length)
{
    LONG value;
    ULONG_PTR mask;
    switch (cls) {
    case ThreadPriority:
    case ThreadBasePriority:
        if (length != sizeof(LONG))
            return STATUS_INFO_LENGTH_MISMATCH;
        memcpy(&value, info, sizeof(value));
        /* Recorded and reported back; Linux scheduling is left alone (docs/threads.md). */
        t->priority = cls == ThreadPriority ? value - 8 : value;
        return STATUS_SUCCESS;
    case ThreadAffinityMask: {
        cpu_set_t set;
        if (length != sizeof(ULONG_PTR))
            return STATUS_INFO_LENGTH_MISMATCH;
        memcpy(&mask, info, sizeof(mask));
        if (!mask || (mask & ~system_affinity()))
            return STATUS_INVALID_PARAMETER;
        CPU_ZERO(&set);
        for (int i = 0; i < 64; i++)
            if (mask & ((ULONG_PTR)1 << i))
                CPU_SET(i, &set);
        __atomic_fetch_add(&affinity_changes, 1, __ATOMIC_RELAXED);
        if (!t->exited && t->unix_tid && sched_setaffinity(t->unix_tid, sizeof(set), &set) < 0)
            return errno_to_status(errno);
        t->affinity = mask;
        return STATUS_SUCCESS;
    }
    case ThreadZeroTlsCell: {
        ULONG index;
        if (length != sizeof(ULONG))
            return STATUS_INFO_LENGTH_MISMATCH;
        memcpy(&index, info, sizeof(index));
        if (index >= 64 + 1024)
            return STATUS_INVALID_PARAMETER;
        thread_for_each_teb(zero_tls_cell, &index);
        return STATUS_SUCCESS;
    }
    case ThreadHideFromDebugger:
        return length ? STATUS_INFO_LENGTH_MISMATCH : STATUS_SUCCESS;  /* there is no debugger */
    case ThreadNameInformation:
        return set_name(t, info, length);
    default:
        FIXME("information class %u is not implemented\n", cls);
        return STATUS_NOT_IMPLEMENTED;
    }
}

/***********************************************************************
 *           NtSetInformationThread
 */
NTSTATUS WINAPI NtSetInformationThread(HANDLE handle, ULONG cls, const void *info, ULONG length)
{
    struct thread *t;
    NTSTATUS status;
    if ((status = thread_get(handle, &t)))
        return status;
    status = set_thread(t, cls, info, length);
    object_unref(&t->obj);
    return status;
}

/***********************************************************************
 *           __vinho_set_process_affinity
 *
 * SetProcessAffinityMask: every running thread; new ones inherit it from their creator.
 */
NTSTATUS WINAPI __vinho_set_process_affinity(ULONG_PTR mask)
{
    cpu_set_t set;
    if (!mask || (mask & ~system_affinity()))
        return STATUS_INVALID_PARAMETER;
    CPU_ZERO(&set);
    for (int i = 0; i < 64; i++)
        if (mask & ((ULONG_PTR)1 << i))
            CPU_SET(i, &set);
    thread_current();
    __atomic_fetch_add(&affinity_changes, 1, __ATOMIC_RELAXED);
    pthread_mutex_lock(&thread_lock);
    for (struct thread *t = thread_list.next; t != &thread_list; t = t->next) {
        t->affinity = mask;
        if (!t->teb_gone && t->unix_tid)
            sched_setaffinity(t->unix_tid, sizeof(set), &set);
    }
    pthread_mutex_unlock(&thread_lock);
    return STATUS_SUCCESS;
}
