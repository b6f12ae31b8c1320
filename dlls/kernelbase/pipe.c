/* pipe.c: anonymous pipes (CreatePipe, PeekNamedPipe); named pipes wait for the server. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(file);

#define FSCTL_PIPE_PEEK 0x0011400c

/***********************************************************************
 *           CreatePipe   (kernelbase.@)
 */
BOOL WINAPI CreatePipe(PHANDLE read, PHANDLE write, LPSECURITY_ATTRIBUTES sa, DWORD size)
{
    HANDLE r, w;
    ULONG attributes = sa && sa->nLength >= sizeof(*sa) && sa->bInheritHandle ? OBJ_INHERIT : 0;
    NTSTATUS status;
    if (!read || !write) {
        SetLastError(ERROR_NOACCESS);
        return FALSE;
    }
    if ((status = __vinho_create_pipe(&r, &w, attributes, size)))
        return set_ntstatus(status);
    *read = r;
    *write = w;
    return TRUE;
}

/***********************************************************************
 *           PeekNamedPipe   (kernelbase.@)
 */
BOOL WINAPI PeekNamedPipe(HANDLE pipe, LPVOID buffer, DWORD size, LPDWORD read, LPDWORD avail,
                          LPDWORD left)
{
    struct { ULONG state, available, messages, message_length; char data[]; } *peek;
    ULONG total = sizeof(*peek) + (buffer ? size : 0);
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    if (!(peek = HeapAlloc(GetProcessHeap(), 0, total))) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    status = NtFsControlFile(pipe, NULL, NULL, NULL, &io, FSCTL_PIPE_PEEK, NULL, 0, peek, total);
    if (!status) {
        ULONG got = io.Information - sizeof(*peek);
        if (buffer && got)
            memcpy(buffer, peek->data, got);
        if (read)
            *read = got;
        if (avail)
            *avail = peek->available;
        if (left)
            *left = peek->message_length ? peek->message_length - got : 0;
    }
    HeapFree(GetProcessHeap(), 0, peek);
    return set_ntstatus(status);
}

/***********************************************************************
 *           CreateNamedPipeW   (kernelbase.@)
 *
 * Named pipes are objects of the server, which does not exist yet: loud failure.
 */
HANDLE WINAPI CreateNamedPipeW(LPCWSTR name, DWORD open_mode, DWORD pipe_mode, DWORD instances,
                               DWORD out_size, DWORD in_size, DWORD timeout, LPSECURITY_ATTRIBUTES sa)
{
    FIXME("named pipe %s: named pipes need the server, not implemented yet\n", debugstr_w(name));
    SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
    return INVALID_HANDLE_VALUE;
}

HANDLE WINAPI CreateNamedPipeA(LPCSTR name, DWORD open_mode, DWORD pipe_mode, DWORD instances,
                               DWORD out_size, DWORD in_size, DWORD timeout, LPSECURITY_ATTRIBUTES sa)
{
    FIXME("named pipe %s: named pipes need the server, not implemented yet\n", debugstr_a(name));
    SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
    return INVALID_HANDLE_VALUE;
}
