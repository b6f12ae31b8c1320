/* fileop.c: operations on files by name: move/rename, create and remove folders, delete. As on
 * Windows they open the file and set information on it, so errors come from one place. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(file);

/* Opens name for the operations below; folders too (no FILE_NON_DIRECTORY_FILE). */
static NTSTATUS open_by_name(LPCWSTR name, ACCESS_MASK access, ULONG options, HANDLE *handle)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    if (!name || !*name)
        return STATUS_OBJECT_PATH_NOT_FOUND;
    if ((status = RtlDosPathNameToNtPathName_U_WithStatus(name, &nt, NULL, NULL)))
        return status;
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtOpenFile(handle, access | SYNCHRONIZE, &attr, &io,
                        FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                        options | FILE_SYNCHRONOUS_IO_NONALERT);
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    return status;
}

/* Marks an open file for deletion at close, and closes it. */
static NTSTATUS delete_handle(HANDLE handle)
{
    FILE_DISPOSITION_INFORMATION info = { TRUE };
    IO_STATUS_BLOCK io;
    NTSTATUS status = NtSetInformationFile(handle, &io, &info, sizeof(info), FileDispositionInformation);
    NtClose(handle);
    return status;
}

/***********************************************************************
 *           MoveFileExW   (kernelbase.@)
 */
BOOL WINAPI MoveFileExW(LPCWSTR source, LPCWSTR dest, DWORD flags)
{
    static const DWORD valid = MOVEFILE_REPLACE_EXISTING | MOVEFILE_COPY_ALLOWED |
                               MOVEFILE_DELAY_UNTIL_REBOOT | MOVEFILE_WRITE_THROUGH;
    FILE_RENAME_INFORMATION *info;
    UNICODE_STRING nt;
    IO_STATUS_BLOCK io;
    HANDLE handle;
    NTSTATUS status;

    TRACE("%s -> %s %#lx\n", debugstr_w(source), debugstr_w(dest), flags);
    if (flags & ~valid) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (flags & MOVEFILE_DELAY_UNTIL_REBOOT) {
        FIXME("moving at the next reboot is not supported\n");
        SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
        return FALSE;
    }
    if (!dest) {
        /* A NULL destination deletes the source (documented with DELAY_UNTIL_REBOOT only). */
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if ((status = open_by_name(source, DELETE, 0, &handle)))
        return set_ntstatus(status);
    if ((status = RtlDosPathNameToNtPathName_U_WithStatus(dest, &nt, NULL, NULL))) {
        NtClose(handle);
        return set_ntstatus(status);
    }
    info = HeapAlloc(GetProcessHeap(), 0, sizeof(*info) + nt.Length);
    if (info) {
        info->ReplaceIfExists = (flags & MOVEFILE_REPLACE_EXISTING) != 0;
        info->RootDirectory = NULL;
        info->FileNameLength = nt.Length;
        memcpy(info->FileName, nt.Buffer, nt.Length);
        status = NtSetInformationFile(handle, &io, info, sizeof(*info) + nt.Length, FileRenameInformation);
        if (status == STATUS_NOT_SAME_DEVICE && (flags & MOVEFILE_COPY_ALLOWED))
            FIXME("moving across file systems needs CopyFile, which is not implemented yet\n");
        HeapFree(GetProcessHeap(), 0, info);
    } else {
        status = STATUS_NO_MEMORY;
    }
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    NtClose(handle);
    return set_ntstatus(status);
}

BOOL WINAPI MoveFileW(LPCWSTR source, LPCWSTR dest)
{
    return MoveFileExW(source, dest, MOVEFILE_COPY_ALLOWED);
}

BOOL WINAPI MoveFileExA(LPCSTR source, LPCSTR dest, DWORD flags)
{
    WCHAR *s = source ? kb_strdup_AtoW(source) : NULL, *d = dest ? kb_strdup_AtoW(dest) : NULL;
    BOOL ret = FALSE;
    if ((source && !s) || (dest && !d))
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    else
        ret = MoveFileExW(s, d, flags);
    HeapFree(GetProcessHeap(), 0, s);
    HeapFree(GetProcessHeap(), 0, d);
    return ret;
}

BOOL WINAPI MoveFileA(LPCSTR source, LPCSTR dest)
{
    return MoveFileExA(source, dest, MOVEFILE_COPY_ALLOWED);
}

/***********************************************************************
 *           CreateDirectoryW   (kernelbase.@)
 */
BOOL WINAPI CreateDirectoryW(LPCWSTR path, SECURITY_ATTRIBUTES *sa)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    HANDLE handle;
    NTSTATUS status;

    TRACE("%s\n", debugstr_w(path));
    if (!path || !*path) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    if ((status = RtlDosPathNameToNtPathName_U_WithStatus(path, &nt, NULL, NULL)))
        return set_ntstatus(status);
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, sa ? sa->lpSecurityDescriptor : NULL);
    status = NtCreateFile(&handle, FILE_LIST_DIRECTORY | SYNCHRONIZE, &attr, &io, NULL,
                          FILE_ATTRIBUTE_NORMAL, FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_CREATE,
                          FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT, NULL, 0);
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    if (!status)
        NtClose(handle);
    return set_ntstatus(status);
}

BOOL WINAPI CreateDirectoryA(LPCSTR path, SECURITY_ATTRIBUTES *sa)
{
    WCHAR *w = path ? kb_strdup_AtoW(path) : NULL;
    BOOL ret;
    if (!w) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    ret = CreateDirectoryW(w, sa);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/***********************************************************************
 *           RemoveDirectoryW   (kernelbase.@)
 */
BOOL WINAPI RemoveDirectoryW(LPCWSTR path)
{
    HANDLE handle;
    NTSTATUS status;
    TRACE("%s\n", debugstr_w(path));
    status = open_by_name(path, DELETE, FILE_DIRECTORY_FILE, &handle);
    if (!status)
        status = delete_handle(handle);
    return set_ntstatus(status);
}

BOOL WINAPI RemoveDirectoryA(LPCSTR path)
{
    return kb_call_path_A(path, RemoveDirectoryW, ERROR_PATH_NOT_FOUND);
}
