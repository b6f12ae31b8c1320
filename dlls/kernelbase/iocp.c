/* iocp.c: I/O completion ports over ntdll's NtCreateIoCompletion/NtSetIoCompletion/NtRemoveIoCompletion(Ex). */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(sync);

#define FileIoCompletionNotificationInformation 41
#define STATUS_ABANDONED_WAIT_0 ((NTSTATUS)0x00000080)

static LARGE_INTEGER *port_timeout(DWORD ms, LARGE_INTEGER *t)
{
    if (ms == INFINITE)
        return NULL;
    t->QuadPart = (LONGLONG)ms * -10000;
    return t;
}

/* The Win32 error of a removal that brought no packet (the documented ones first). */
static BOOL removal_failed(NTSTATUS status)
{
    if (status == STATUS_TIMEOUT)
        SetLastError(WAIT_TIMEOUT);
    else if (status == STATUS_USER_APC)
        SetLastError(WAIT_IO_COMPLETION);
    else if (status == STATUS_ABANDONED_WAIT_0)
        SetLastError(ERROR_ABANDONED_WAIT_0);
    else
        set_ntstatus(status);
    return FALSE;
}

/***********************************************************************
 *           CreateIoCompletionPort   (kernelbase.@)
 *
 * A new port (file INVALID_HANDLE_VALUE), and/or file associated with a port and key.
 */
HANDLE WINAPI CreateIoCompletionPort(HANDLE file, HANDLE port, ULONG_PTR key, DWORD threads)
{
    struct { HANDLE port; ULONG_PTR key; } info;
    IO_STATUS_BLOCK io;
    HANDLE created = NULL;
    NTSTATUS status;

    TRACE("%p %p %#Ix %u\n", file, port, key, threads);
    if (file == INVALID_HANDLE_VALUE && port) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!port) {
        if ((status = NtCreateIoCompletion(&created, IO_COMPLETION_ALL_ACCESS, NULL, threads))) {
            set_ntstatus(status);
            return NULL;
        }
        port = created;
    }
    if (file == INVALID_HANDLE_VALUE)
        return port;
    info.port = port;
    info.key = key;
    status = NtSetInformationFile(file, &io, &info, sizeof(info), FileCompletionInformation);
    if (status) {
        if (created)
            NtClose(created);
        set_ntstatus(status);
        return NULL;
    }
    return port;
}

/***********************************************************************
 *           GetQueuedCompletionStatus   (kernelbase.@)
 */
BOOL WINAPI GetQueuedCompletionStatus(HANDLE port, DWORD *bytes, ULONG_PTR *key,
                                      OVERLAPPED **overlapped, DWORD ms)
{
    IO_STATUS_BLOCK io;
    ULONG_PTR k, value;
    LARGE_INTEGER t;
    NTSTATUS status;

    TRACE("%p %p %p %p %u\n", port, bytes, key, overlapped, ms);
    *overlapped = NULL;
    status = NtRemoveIoCompletion(port, &k, &value, &io, port_timeout(ms, &t));
    if (status)
        return removal_failed(status);
    *key = k;
    *overlapped = (OVERLAPPED *)value;
    *bytes = (DWORD)io.Information;
    /* A packet of a failed operation: FALSE with its error, the outputs filled in. */
    if (!NT_SUCCESS(io.Status)) {
        SetLastError(RtlNtStatusToDosError(io.Status));
        return FALSE;
    }
    return TRUE;
}

/***********************************************************************
 *           GetQueuedCompletionStatusEx   (kernelbase.@)
 */
BOOL WINAPI GetQueuedCompletionStatusEx(HANDLE port, OVERLAPPED_ENTRY *entries, ULONG count,
                                        ULONG *removed, DWORD ms, BOOL alertable)
{
    LARGE_INTEGER t;
    NTSTATUS status;

    TRACE("%p %p %u %p %u %d\n", port, entries, count, removed, ms, alertable);
    if (!count) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    status = NtRemoveIoCompletionEx(port, entries, count, removed, port_timeout(ms, &t), alertable);
    if (status)
        return removal_failed(status);
    return TRUE;
}

/***********************************************************************
 *           PostQueuedCompletionStatus   (kernelbase.@)
 */
BOOL WINAPI PostQueuedCompletionStatus(HANDLE port, DWORD bytes, ULONG_PTR key, OVERLAPPED *overlapped)
{
    TRACE("%p %u %#Ix %p\n", port, bytes, key, overlapped);
    return set_ntstatus(NtSetIoCompletion(port, key, (ULONG_PTR)overlapped, STATUS_SUCCESS, bytes));
}

/***********************************************************************
 *           SetFileCompletionNotificationModes   (kernelbase.@)
 */
BOOL WINAPI SetFileCompletionNotificationModes(HANDLE file, UCHAR flags)
{
    IO_STATUS_BLOCK io;
    ULONG value = flags;
    TRACE("%p %#x\n", file, flags);
    return set_ntstatus(NtSetInformationFile(file, &io, &value, sizeof(value),
                                             FileIoCompletionNotificationInformation));
}
