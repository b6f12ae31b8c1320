/* process.h: process objects, shared by process.c (queries, waits, exit) and spawn.c (start). */
#ifndef VINHO_NTCALLS_PROCESS_H
#define VINHO_NTCALLS_PROCESS_H

#include <sys/types.h>
#include "ntcalls/ntcalls.h"

struct process {
    struct object obj;
    struct process *next;           /* the list of children, under process_lock */
    pid_t pid;
    int block_fd;                   /* a vinho child's start-up block, else -1 */
    int resume_fd;                  /* CREATE_SUSPENDED: a byte here starts the child, else -1 */
    ULONG suspend_count;            /* of the child's main thread, under process_lock */
    bool reaped, killed;            /* under process_lock */
    bool exited;                    /* set through sync_update(): waits see it */
    ULONG kill_code, exit_code;
    LONGLONG create_time, exit_time, user_time, kernel_time;
};

/* A new process object (one reference) for a started child; listed for NtOpenProcess. */
struct process *process_alloc(pid_t pid, int block_fd);
/* Starts the thread that reaps the child and signals its handles. */
NTSTATUS process_watch(struct process *proc);
/* ResumeThread on a child's thread handle (the process object): the main thread of a child made
 * with CREATE_SUSPENDED starts when its count reaches 0. STATUS_OBJECT_TYPE_MISMATCH when the
 * handle is no process. */
NTSTATUS process_resume_main_thread(HANDLE handle, ULONG *prev);
/* Ends this process with a Windows exit code, reporting it to a vinho parent. */
void process_exit(ULONG code) __attribute__((noreturn));

#endif
