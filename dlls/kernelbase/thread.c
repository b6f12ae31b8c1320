/* thread.c: Win32 threads over the NT thread calls: creation, end, suspension, priorities,
 * descriptions, affinity, APCs. */
#include "kernelbase.h"
#include "vinho/winstructs.h"

DEFAULT_DEBUG_CHANNEL(thread);

#define THREAD_CREATE_FLAGS_CREATE_SUSPENDED 0x1
#define ThreadBasicInformation_ 0
#define ThreadPriority_ 2
#define ThreadBasePriority_ 3
#define ThreadAffinityMask_ 4
#define ThreadNameInformation_ 38

struct basic_info {
    NTSTATUS ExitStatus;
    PVOID TebBaseAddress;
    CLIENT_ID ClientId;
    ULONG_PTR AffinityMask;
    LONG Priority, BasePriority;
};

static NTSTATUS basic_info(HANDLE thread, struct basic_info *info)
{
    return NtQueryInformationThread(thread, ThreadBasicInformation_, info, sizeof(*info), NULL);
}

/***********************************************************************
 *           CreateRemoteThreadEx   (kernelbase.@)
 *
 * The current process only (other processes: ERROR_CALL_NOT_IMPLEMENTED). Attribute lists are
 * ignored. Without STACK_SIZE_PARAM_IS_A_RESERVATION, stack is the commit size.
 */
HANDLE WINAPI CreateRemoteThreadEx(HANDLE process, SECURITY_ATTRIBUTES *sa, SIZE_T stack,
                                   LPTHREAD_START_ROUTINE start, LPVOID param, DWORD flags,
                                   LPPROC_THREAD_ATTRIBUTE_LIST attributes, DWORD *id)
{
    struct { struct vn_ps_attribute_list head; struct vn_ps_attribute tid; } list;
    OBJECT_ATTRIBUTES attr;
    HANDLE handle = NULL;
    NTSTATUS status;

    if (process != GetCurrentProcess()) {
        FIXME("threads in other processes are not implemented\n");
        SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
        return NULL;
    }
    InitializeObjectAttributes(&attr, NULL, (sa && sa->bInheritHandle) ? OBJ_INHERIT : 0, NULL,
                               sa ? sa->lpSecurityDescriptor : NULL);
    /* On Windows *id is set before the new thread can look at it: the ELF side writes it before
     * the thread starts (include/vinho/winstructs.h). */
    list.head.TotalLength = id ? sizeof(list) : sizeof(list.head);
    list.tid = (struct vn_ps_attribute){ VN_PS_ATTRIBUTE_THREAD_ID32, sizeof(*id), id, NULL };
    status = NtCreateThreadEx(&handle, THREAD_ALL_ACCESS, &attr, NtCurrentProcess(), start, param,
                              (flags & CREATE_SUSPENDED) ? THREAD_CREATE_FLAGS_CREATE_SUSPENDED : 0, 0,
                              (flags & STACK_SIZE_PARAM_IS_A_RESERVATION) ? 0 : stack,
                              (flags & STACK_SIZE_PARAM_IS_A_RESERVATION) ? stack : 0,
                              (void *)&list);
    if (!set_ntstatus(status))
        return NULL;
    return handle;
}

HANDLE WINAPI CreateRemoteThread(HANDLE process, SECURITY_ATTRIBUTES *sa, SIZE_T stack,
                                 LPTHREAD_START_ROUTINE start, LPVOID param, DWORD flags, DWORD *id)
{
    return CreateRemoteThreadEx(process, sa, stack, start, param, flags, NULL, id);
}

HANDLE WINAPI CreateThread(SECURITY_ATTRIBUTES *sa, SIZE_T stack, LPTHREAD_START_ROUTINE start,
                           LPVOID param, DWORD flags, DWORD *id)
{
    return CreateRemoteThreadEx(GetCurrentProcess(), sa, stack, start, param, flags, NULL, id);
}

void WINAPI ExitThread(DWORD code)
{
    RtlExitUserThread(code);
}

BOOL WINAPI TerminateThread(HANDLE thread, DWORD code)
{
    if (!thread) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return set_ntstatus(NtTerminateThread(thread, code));
}

BOOL WINAPI GetExitCodeThread(HANDLE thread, DWORD *code)
{
    struct basic_info info;
    NTSTATUS status = basic_info(thread, &info);
    if (!status && code)
        *code = info.ExitStatus;
    return set_ntstatus(status);
}

DWORD WINAPI SuspendThread(HANDLE thread)
{
    ULONG prev;
    NTSTATUS status = NtSuspendThread(thread, &prev);
    return set_ntstatus(status) ? prev : (DWORD)-1;
}

DWORD WINAPI ResumeThread(HANDLE thread)
{
    ULONG prev;
    NTSTATUS status = NtResumeThread(thread, &prev);
    return set_ntstatus(status) ? prev : (DWORD)-1;
}

DWORD WINAPI GetThreadId(HANDLE thread)
{
    struct basic_info info;
    if (!set_ntstatus(basic_info(thread, &info)))
        return 0;
    return (DWORD)(ULONG_PTR)info.ClientId.UniqueThread;
}

DWORD WINAPI GetProcessIdOfThread(HANDLE thread)
{
    struct basic_info info;
    if (!set_ntstatus(basic_info(thread, &info)))
        return 0;
    return (DWORD)(ULONG_PTR)info.ClientId.UniqueProcess;
}

HANDLE WINAPI OpenThread(DWORD access, BOOL inherit, DWORD id)
{
    OBJECT_ATTRIBUTES attr;
    CLIENT_ID cid = { 0, (HANDLE)(ULONG_PTR)id };
    HANDLE handle = NULL;
    InitializeObjectAttributes(&attr, NULL, inherit ? OBJ_INHERIT : 0, NULL, NULL);
    if (!set_ntstatus(NtOpenThread(&handle, access, &attr, &cid)))
        return NULL;
    return handle;
}

/***********************************************************************
 *           SetThreadPriority   (kernelbase.@)
 *
 * Recorded and reported back by GetThreadPriority; Linux scheduling is not changed (ordinary
 * users cannot raise it, and lowering it would be one-way).
 */
BOOL WINAPI SetThreadPriority(HANDLE thread, INT priority)
{
    LONG value = priority;
    if ((priority < THREAD_PRIORITY_LOWEST || priority > THREAD_PRIORITY_HIGHEST) &&
        priority != THREAD_PRIORITY_IDLE && priority != THREAD_PRIORITY_TIME_CRITICAL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return set_ntstatus(NtSetInformationThread(thread, ThreadBasePriority_, &value, sizeof(value)));
}

INT WINAPI GetThreadPriority(HANDLE thread)
{
    struct basic_info info;
    if (!set_ntstatus(basic_info(thread, &info)))
        return THREAD_PRIORITY_ERROR_RETURN;
    return info.BasePriority;
}

BOOL WINAPI SetThreadPriorityBoost(HANDLE thread, BOOL disable)
{
    struct basic_info info;
    return set_ntstatus(basic_info(thread, &info));     /* no boosts to disable */
}

BOOL WINAPI GetThreadPriorityBoost(HANDLE thread, BOOL *disabled)
{
    struct basic_info info;
    if (!set_ntstatus(basic_info(thread, &info)))
        return FALSE;
    if (disabled)
        *disabled = FALSE;
    return TRUE;
}

/***********************************************************************
 *           SetThreadAffinityMask   (kernelbase.@)
 *
 * Applied with sched_setaffinity; returns the previous mask.
 */
DWORD_PTR WINAPI SetThreadAffinityMask(HANDLE thread, DWORD_PTR mask)
{
    struct basic_info info;
    if (!set_ntstatus(basic_info(thread, &info)))
        return 0;
    if (!set_ntstatus(NtSetInformationThread(thread, ThreadAffinityMask_, &mask, sizeof(mask))))
        return 0;
    return info.AffinityMask;
}

/***********************************************************************
 *           SetProcessAffinityMask   (kernelbase.@)
 *
 * Every thread of this process (others: ERROR_CALL_NOT_IMPLEMENTED); a mask outside the
 * system's processors fails with ERROR_INVALID_PARAMETER.
 */
BOOL WINAPI SetProcessAffinityMask(HANDLE process, DWORD_PTR mask)
{
    if (process != GetCurrentProcess()) {
        FIXME("other processes are not implemented\n");
        SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
        return FALSE;
    }
    return set_ntstatus(__vinho_set_process_affinity(mask));
}

HRESULT WINAPI SetThreadDescription(HANDLE thread, PCWSTR description)
{
    UNICODE_STRING us;
    NTSTATUS status;
    if (!description)
        return HRESULT_FROM_NT(STATUS_INVALID_PARAMETER);
    RtlInitUnicodeString(&us, description);
    status = NtSetInformationThread(thread, ThreadNameInformation_, &us, sizeof(us));
    return status ? HRESULT_FROM_NT(status) : S_OK;
}

/***********************************************************************
 *           GetThreadDescription   (kernelbase.@)
 *
 * A LocalAlloc'ed copy (an empty string when none was set), as documented.
 */
HRESULT WINAPI GetThreadDescription(HANDLE thread, PWSTR *description)
{
    ULONG len = 0;
    UNICODE_STRING *info;
    NTSTATUS status;

    if (!description)
        return E_INVALIDARG;
    *description = NULL;
    status = NtQueryInformationThread(thread, ThreadNameInformation_, NULL, 0, &len);
    if (status != STATUS_BUFFER_TOO_SMALL)
        return HRESULT_FROM_NT(status);
    if (!(info = HeapAlloc(GetProcessHeap(), 0, len)))
        return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    status = NtQueryInformationThread(thread, ThreadNameInformation_, info, len, &len);
    if (!status && !(*description = LocalAlloc(0, info->Length + sizeof(WCHAR))))
        status = STATUS_NO_MEMORY;
    if (!status) {
        memcpy(*description, info->Buffer, info->Length);
        (*description)[info->Length / sizeof(WCHAR)] = 0;
    }
    HeapFree(GetProcessHeap(), 0, info);
    return status ? HRESULT_FROM_NT(status) : S_OK;
}

DWORD WINAPI QueueUserAPC(PAPCFUNC func, HANDLE thread, ULONG_PTR data)
{
    /* The routine takes one argument: the others the NT call passes are ignored by it. */
    return set_ntstatus(NtQueueApcThread(thread, func, data, 0, 0));
}

/***********************************************************************
 *           GetThreadContext / SetThreadContext   (kernelbase.@)
 *
 * The thread should be suspended (docs/threads.md: a thread in a system call reports the
 * context it returns to, which cannot be changed yet).
 */
BOOL WINAPI GetThreadContext(HANDLE thread, CONTEXT *context)
{
    return set_ntstatus(NtGetContextThread(thread, context));
}

BOOL WINAPI SetThreadContext(HANDLE thread, const CONTEXT *context)
{
    return set_ntstatus(NtSetContextThread(thread, context));
}

void WINAPI GetCurrentThreadStackLimits(ULONG_PTR *low, ULONG_PTR *high)
{
    struct vn_teb *teb = vn_teb();
    *low = (ULONG_PTR)teb->DeallocationStack;
    *high = (ULONG_PTR)teb->StackBase;
}

BOOL WINAPI IsThreadAFiber(void)
{
    return FALSE;   /* no fibers yet */
}
