/* process.c: process objects (this process and its children), their exit codes and times;
 * process termination, system time, performance counter, delays. Children are started by
 * spawn.c; see docs/processes.md. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "ntcalls/process.h"
#include "vinho/child.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(process);

#define ProcessBasicInformation 0
#define ProcessTimes 4
#define STILL_ACTIVE STATUS_PENDING     /* 259: GetExitCodeProcess of a running process */

static int exit_report_fd = -1;         /* a vinho child's start-up block */

/* A vinho child tells its parent its full 32-bit exit code through the start-up block. */
void process_set_exit_report(int fd)
{
    exit_report_fd = fd;
}

/* Ends this process with a Windows exit code. */
void process_exit(ULONG code)
{
    console_restore_terminal();
    if (exit_report_fd >= 0) {
        uint32_t report[2] = { 1, code };
        if (pwrite(exit_report_fd, report, sizeof(report), offsetof(struct vn_startup, exit_written)) < 0)
            WARN("cannot report the exit code to the parent: %s\n", strerror(errno));
    }
    /* Linux keeps 8 bits of the 32-bit Windows exit code; a failure whose low byte is 0 (an
     * exception code such as 0x80000100, ExitProcess(256)) must not look like success. */
    _exit(code & 0xff ? code & 0xff : code ? 255 : 0);
}

/* Every child still known (for OpenProcess by id); processes are few, a list will do. */
static pthread_mutex_t process_lock = PTHREAD_MUTEX_INITIALIZER;
static struct process *children;
static struct process *self_process;

static void process_destroy(struct object *obj)
{
    struct process *proc = (struct process *)obj;
    pthread_mutex_lock(&process_lock);
    for (struct process **p = &children; *p; p = &(*p)->next)
        if (*p == proc) {
            *p = proc->next;
            break;
        }
    pthread_mutex_unlock(&process_lock);
    if (proc->block_fd >= 0)
        close(proc->block_fd);
    if (proc->resume_fd >= 0)
        close(proc->resume_fd);     /* a child never resumed ends (loader/child.c) */
    free(proc);
}

/* The wait hook (sync.c): signalled once the child has ended; nothing to consume. */
static bool process_signaled(struct object *obj, struct thread *waiter)
{
    return ((struct process *)obj)->exited;
}

static const struct object_ops process_ops = { "process", process_destroy, process_signaled, NULL };

struct process *process_alloc(pid_t pid, int block_fd)
{
    struct process *proc = calloc(1, sizeof(*proc));
    struct timespec now;
    if (!proc)
        return NULL;
    object_init(&proc->obj, OBJ_PROCESS, &process_ops);
    proc->pid = pid;
    proc->block_fd = block_fd;
    proc->resume_fd = -1;
    clock_gettime(CLOCK_REALTIME, &now);
    proc->create_time = timespec_to_filetime(&now);
    if (pid != getpid()) {
        pthread_mutex_lock(&process_lock);
        proc->next = children;
        children = proc;
        pthread_mutex_unlock(&process_lock);
    }
    return proc;
}

NTSTATUS process_resume_main_thread(HANDLE handle, ULONG *prev)
{
    struct process *proc;
    NTSTATUS status;
    ULONG old;
    int fd = -1;

    if ((status = handle_get(handle, OBJ_PROCESS, (struct object **)&proc, NULL)))
        return status;
    pthread_mutex_lock(&process_lock);
    old = proc->suspend_count;
    if (old && !--proc->suspend_count) {
        fd = proc->resume_fd;
        proc->resume_fd = -1;
    }
    pthread_mutex_unlock(&process_lock);
    if (fd >= 0) {
        TRACE("resuming child %d\n", proc->pid);
        if (write(fd, "r", 1) != 1)
            WARN("child %d: cannot resume: %s\n", proc->pid, strerror(errno));
        close(fd);
    }
    object_unref(&proc->obj);
    if (prev)
        *prev = old;    /* caller memory last, with no lock held */
    return STATUS_SUCCESS;
}

/* The Windows exit code of a reaped child: the code a vinho child reported, else the one
 * TerminateProcess gave, else what Linux kept (a signal: STATUS_CONTROL_C_EXIT for SIGINT,
 * 128 + its number otherwise, as a shell shows it). */
static ULONG child_exit_code(struct process *proc, int wstatus)
{
    uint32_t report[2];
    if (proc->block_fd >= 0 &&
        pread(proc->block_fd, report, sizeof(report), offsetof(struct vn_startup, exit_written)) ==
            sizeof(report) && report[0])
        return report[1];
    if (proc->killed)
        return proc->kill_code;
    if (WIFEXITED(wstatus))
        return WEXITSTATUS(wstatus);
    if (WIFSIGNALED(wstatus))
        return WTERMSIG(wstatus) == SIGINT ? STATUS_CONTROL_C_EXIT : 128 + WTERMSIG(wstatus);
    return 1;
}

/* One thread per running child: it alone reaps the child, so its pid stays valid for kill()
 * until the exit code is known; then waits on the process handle end (the wait hook of sync.c). */
static void *watch_child(void *arg)
{
    struct process *proc = arg;
    struct rusage ru;
    struct timespec now;
    int wstatus = 0;
    pid_t r;

    do {
        r = wait4(proc->pid, &wstatus, 0, &ru);
    } while (r < 0 && errno == EINTR);
    clock_gettime(CLOCK_REALTIME, &now);
    pthread_mutex_lock(&process_lock);
    proc->reaped = true;
    pthread_mutex_unlock(&process_lock);
    if (r < 0) {
        WARN("waiting for child %d: %s\n", proc->pid, strerror(errno));
        memset(&ru, 0, sizeof(ru));
    }
    proc->exit_code = r < 0 ? 1 : child_exit_code(proc, wstatus);
    proc->exit_time = timespec_to_filetime(&now);
    proc->user_time = ru.ru_utime.tv_sec * 10000000LL + ru.ru_utime.tv_usec * 10;
    proc->kernel_time = ru.ru_stime.tv_sec * 10000000LL + ru.ru_stime.tv_usec * 10;
    TRACE("child %d ended with %#x\n", proc->pid, proc->exit_code);
    sync_lock_acquire();
    __atomic_store_n(&proc->exited, true, __ATOMIC_RELEASE);
    sync_wake_waiters();
    sync_lock_release();
    object_unref(&proc->obj);
    return NULL;
}

NTSTATUS process_watch(struct process *proc)
{
    pthread_attr_t attr;
    pthread_t thread;
    sigset_t all, old;
    int err;

    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 1024 * 1024);   /* vinho's static TLS lives there too */
    sigfillset(&all);   /* signals (Ctrl-C) are for the program's threads, not this one */
    pthread_sigmask(SIG_SETMASK, &all, &old);
    object_ref(&proc->obj);
    err = pthread_create(&thread, &attr, watch_child, proc);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (err) {
        object_unref(&proc->obj);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return STATUS_SUCCESS;
}

/* A process handle: the pseudo-handle, a handle to this process, or a child. With a reference. */
static NTSTATUS get_process(HANDLE handle, struct process **proc)
{
    if (handle == NtCurrentProcess()) {
        pthread_mutex_lock(&process_lock);
        if (!self_process && (self_process = calloc(1, sizeof(*self_process)))) {
            object_init(&self_process->obj, OBJ_PROCESS, &process_ops);
            self_process->pid = getpid();
            self_process->block_fd = -1;
            object_ref(&self_process->obj);     /* never destroyed */
        }
        if (self_process)
            object_ref(&self_process->obj);
        pthread_mutex_unlock(&process_lock);
        *proc = self_process;
        return self_process ? STATUS_SUCCESS : STATUS_NO_MEMORY;
    }
    NTSTATUS status = handle_get(handle, OBJ_PROCESS, (struct object **)proc, NULL);
    return status == STATUS_OBJECT_TYPE_MISMATCH ? STATUS_INVALID_HANDLE : status;
}

/***********************************************************************
 *           NtTerminateProcess
 */
NTSTATUS WINAPI NtTerminateProcess(HANDLE process, NTSTATUS status)
{
    struct process *proc;
    NTSTATUS ret;

    TRACE("%p %#x\n", process, status);
    if (!process)   /* every thread but the caller (ExitProcess does this before DLL detach) */
        return thread_terminate_others(status);
    if (process == NtCurrentProcess())
        process_exit(status);
    if ((ret = get_process(process, &proc)))
        return ret;
    if (proc->pid == getpid()) {
        object_unref(&proc->obj);
        process_exit(status);
    }
    pthread_mutex_lock(&process_lock);
    if (proc->reaped || proc->killed) {
        ret = STATUS_PROCESS_IS_TERMINATING;    /* ERROR_ACCESS_DENIED, as Windows */
    } else if (kill(proc->pid, SIGKILL) < 0) {
        ret = errno_to_status(errno);
    } else {
        proc->killed = true;
        proc->kill_code = status;
    }
    pthread_mutex_unlock(&process_lock);
    object_unref(&proc->obj);
    return ret;
}

/* This process's creation time: its start in clock ticks after boot (/proc/self/stat field
 * 22) plus the boot time (/proc/stat btime). */
static LONGLONG self_create_time(void)
{
    static LONGLONG cached;
    char buf[1024], *p;
    unsigned long long start = 0, btime = 0;
    FILE *f;

    if (cached)
        return cached;
    if ((f = fopen("/proc/self/stat", "r"))) {
        size_t n = fread(buf, 1, sizeof(buf) - 1, f);
        buf[n] = 0;
        fclose(f);
        if ((p = strrchr(buf, ')')))    /* the name may hold spaces */
            sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
                   &start);
    }
    if ((f = fopen("/proc/stat", "r"))) {
        while (fgets(buf, sizeof(buf), f))
            if (sscanf(buf, "btime %llu", &btime) == 1)
                break;
        fclose(f);
    }
    struct timespec ts = { btime + start / sysconf(_SC_CLK_TCK),
                           (start % sysconf(_SC_CLK_TCK)) * (1000000000 / sysconf(_SC_CLK_TCK)) };
    return cached = timespec_to_filetime(&ts);
}

struct basic_info {     /* PROCESS_BASIC_INFORMATION */
    NTSTATUS ExitStatus;
    PVOID PebBaseAddress;
    ULONG_PTR AffinityMask;
    LONG BasePriority;
    ULONG_PTR UniqueProcessId, InheritedFromUniqueProcessId;
};
struct times_info { LARGE_INTEGER CreateTime, ExitTime, KernelTime, UserTime; };  /* KERNEL_USER_TIMES */

static void query_times(struct process *proc, struct times_info *t)
{
    memset(t, 0, sizeof(*t));
    if (proc->pid == getpid()) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        t->CreateTime.QuadPart = self_create_time();
        t->UserTime.QuadPart = ru.ru_utime.tv_sec * 10000000LL + ru.ru_utime.tv_usec * 10;
        t->KernelTime.QuadPart = ru.ru_stime.tv_sec * 10000000LL + ru.ru_stime.tv_usec * 10;
        return;
    }
    t->CreateTime.QuadPart = proc->create_time;
    if (__atomic_load_n(&proc->exited, __ATOMIC_ACQUIRE)) {
        t->ExitTime.QuadPart = proc->exit_time;
        t->UserTime.QuadPart = proc->user_time;
        t->KernelTime.QuadPart = proc->kernel_time;
    }
}

/***********************************************************************
 *           NtQueryInformationProcess
 *
 * ProcessBasicInformation (exit status, ids) and ProcessTimes; a running process's CPU times
 * are 0 until it ends, except for this process.
 */
NTSTATUS WINAPI NtQueryInformationProcess(HANDLE handle, PROCESSINFOCLASS info_class, PVOID info,
                                          ULONG length, ULONG *result_length)
{
    union { struct basic_info basic; struct times_info times; } out;
    struct process *proc;
    ULONG size;
    NTSTATUS status;

    TRACE("%p class %u\n", handle, info_class);
    switch (info_class) {
    case ProcessBasicInformation: size = sizeof(out.basic); break;
    case ProcessTimes:            size = sizeof(out.times); break;
    default:
        FIXME("process information class %u is not implemented\n", info_class);
        return STATUS_NOT_IMPLEMENTED;
    }
    if (length != size)
        return STATUS_INFO_LENGTH_MISMATCH;
    if ((status = get_process(handle, &proc)))
        return status;
    memset(&out, 0, sizeof(out));
    if (info_class == ProcessBasicInformation) {
        bool done = __atomic_load_n(&proc->exited, __ATOMIC_ACQUIRE);
        out.basic.ExitStatus = done ? (NTSTATUS)proc->exit_code : STILL_ACTIVE;
        out.basic.AffinityMask = 1;
        out.basic.BasePriority = 8;     /* NORMAL_PRIORITY_CLASS */
        out.basic.UniqueProcessId = proc->pid;
        out.basic.InheritedFromUniqueProcessId = proc->pid == getpid() ? getppid() : getpid();
    } else {
        query_times(proc, &out.times);
    }
    object_unref(&proc->obj);
    memcpy(info, &out, size);   /* caller memory: no lock held */
    if (result_length)
        *result_length = size;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtOpenProcess
 *
 * This process and our own children; other processes need the server (not yet).
 */
NTSTATUS WINAPI NtOpenProcess(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                              CLIENT_ID *id)
{
    struct process *proc = NULL;
    pid_t pid;
    NTSTATUS status;

    if (!handle || !id)
        return STATUS_ACCESS_VIOLATION;
    pid = (pid_t)(ULONG_PTR)id->UniqueProcess;
    TRACE("pid %d access %#x\n", pid, access);
    *handle = NULL;
    if (pid == getpid()) {
        if ((status = get_process(NtCurrentProcess(), &proc)))
            return status;
    } else {
        pthread_mutex_lock(&process_lock);
        for (struct process *p = children; p; p = p->next)
            if (p->pid == pid && pid) {
                proc = (struct process *)object_ref(&p->obj);
                break;
            }
        pthread_mutex_unlock(&process_lock);
    }
    if (!proc) {
        if (pid > 0 && kill(pid, 0) == 0) {
            FIXME("opening process %d, which is not our child, needs the server (not yet)\n", pid);
            return STATUS_NOT_IMPLEMENTED;
        }
        return STATUS_INVALID_CID;  /* ERROR_INVALID_PARAMETER, as Windows for an unknown id */
    }
    if ((status = handle_alloc(&proc->obj, access, attr ? attr->Attributes : 0, handle)))
        object_unref(&proc->obj);
    return status;
}

/***********************************************************************
 *           NtQuerySystemTime
 */
NTSTATUS WINAPI NtQuerySystemTime(LARGE_INTEGER *time)
{
    struct timespec ts;
    if (!time)
        return STATUS_ACCESS_VIOLATION;
    clock_gettime(CLOCK_REALTIME, &ts);
    time->QuadPart = timespec_to_filetime(&ts);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtQueryPerformanceCounter
 *
 * A 10 MHz counter, the frequency Windows 10 and later report on most machines.
 */
NTSTATUS WINAPI NtQueryPerformanceCounter(LARGE_INTEGER *counter, LARGE_INTEGER *frequency)
{
    struct timespec ts;
    if (!counter)
        return STATUS_ACCESS_VIOLATION;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    counter->QuadPart = ts.tv_sec * 10000000LL + ts.tv_nsec / 100;
    if (frequency)
        frequency->QuadPart = 10000000;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtDelayExecution
 *
 * A negative timeout is relative, in 100 ns units; a positive one is an absolute system time.
 */
NTSTATUS WINAPI NtDelayExecution(BOOLEAN alertable, LARGE_INTEGER *timeout)
{
    struct timespec ts;
    LONGLONG t;

    if (alertable)
        return sync_delay_alertable(timeout);
    if (!timeout) {
        for (;;)
            pause();
    }
    t = timeout->QuadPart;
    if (t == 0) {
        sched_yield();
        return STATUS_SUCCESS;
    }
    if (t > 0) {
        LARGE_INTEGER now;
        NtQuerySystemTime(&now);
        t = now.QuadPart - t;
        if (t >= 0)
            return STATUS_SUCCESS;
    }
    t = -t;
    ts.tv_sec = t / 10000000;
    ts.tv_nsec = (t % 10000000) * 100;
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtYieldExecution
 */
NTSTATUS WINAPI NtYieldExecution(void)
{
    sched_yield();
    return STATUS_SUCCESS;
}
