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
        HeapFree(GetProcessHeap(), 0, info);
    } else {
        status = STATUS_NO_MEMORY;
    }
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    NtClose(handle);
    if (status == STATUS_NOT_SAME_DEVICE && (flags & MOVEFILE_COPY_ALLOWED)) {
        /* Across file systems a move is a copy and a delete, as documented for COPY_ALLOWED;
         * folders cannot be moved so (ERROR_NOT_SAME_DEVICE). */
        DWORD attr = GetFileAttributesW(source);
        if (attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY) &&
            CopyFileExW(source, dest, NULL, NULL, NULL,
                        (flags & MOVEFILE_REPLACE_EXISTING) ? 0 : COPY_FILE_FAIL_IF_EXISTS))
            return DeleteFileW(source) || (DeleteFileW(dest), FALSE);
        if (attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY)) {
            if (GetLastError() == ERROR_FILE_EXISTS)
                SetLastError(ERROR_ALREADY_EXISTS);
            return FALSE;
        }
    }
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

/***********************************************************************
 *           CreateDirectoryExW   (kernelbase.@)
 *
 * The template folder's attributes are not copied (POSIX holds only read-only, rarely wanted).
 */
BOOL WINAPI CreateDirectoryExW(LPCWSTR template, LPCWSTR path, SECURITY_ATTRIBUTES *sa)
{
    return CreateDirectoryW(path, sa);
}

/***********************************************************************
 *           SetFileAttributesW   (kernelbase.@)
 */
BOOL WINAPI SetFileAttributesW(LPCWSTR name, DWORD attributes)
{
    FILE_BASIC_INFORMATION info = { 0 };
    IO_STATUS_BLOCK io;
    HANDLE handle;
    NTSTATUS status;

    TRACE("%s %#x\n", debugstr_w(name), attributes);
    if ((status = open_by_name(name, FILE_WRITE_ATTRIBUTES, 0, &handle)))
        return set_ntstatus(status);
    /* 0 means "no change" to NT; FILE_ATTRIBUTE_NORMAL clears everything. */
    info.FileAttributes = attributes ? attributes : FILE_ATTRIBUTE_NORMAL;
    status = NtSetInformationFile(handle, &io, &info, sizeof(info), FileBasicInformation);
    NtClose(handle);
    return set_ntstatus(status);
}

BOOL WINAPI SetFileAttributesA(LPCSTR name, DWORD attributes)
{
    WCHAR *w = name ? kb_strdup_AtoW(name) : NULL;
    BOOL ret;
    if (!w) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    ret = SetFileAttributesW(w, attributes);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/***********************************************************************
 *           GetFileAttributesExW   (kernelbase.@)
 */
BOOL WINAPI GetFileAttributesExW(LPCWSTR name, GET_FILEEX_INFO_LEVELS level, void *data)
{
    FILE_NETWORK_OPEN_INFORMATION info;
    WIN32_FILE_ATTRIBUTE_DATA *out = data;
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING nt;
    NTSTATUS status;

    if (level != GetFileExInfoStandard || !data) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!name || !*name) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    if ((status = RtlDosPathNameToNtPathName_U_WithStatus(name, &nt, NULL, NULL)))
        return set_ntstatus(status);
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtQueryFullAttributesFile(&attr, &info);
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    if (status)
        return set_ntstatus(status);
    out->dwFileAttributes = info.FileAttributes;
    out->ftCreationTime.dwLowDateTime = info.CreationTime.u.LowPart;
    out->ftCreationTime.dwHighDateTime = info.CreationTime.u.HighPart;
    out->ftLastAccessTime.dwLowDateTime = info.LastAccessTime.u.LowPart;
    out->ftLastAccessTime.dwHighDateTime = info.LastAccessTime.u.HighPart;
    out->ftLastWriteTime.dwLowDateTime = info.LastWriteTime.u.LowPart;
    out->ftLastWriteTime.dwHighDateTime = info.LastWriteTime.u.HighPart;
    out->nFileSizeHigh = info.EndOfFile.u.HighPart;
    out->nFileSizeLow = info.EndOfFile.u.LowPart;
    return TRUE;
}

BOOL WINAPI GetFileAttributesExA(LPCSTR name, GET_FILEEX_INFO_LEVELS level, void *data)
{
    WCHAR *w = name ? kb_strdup_AtoW(name) : NULL;
    BOOL ret;
    if (!w) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    ret = GetFileAttributesExW(w, level, data);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/* Copies the data of one open file to another, reporting progress; FALSE with the error set. */
static BOOL copy_data(HANDLE src, HANDLE dst, LARGE_INTEGER total, LPPROGRESS_ROUTINE progress,
                      void *param, BOOL *cancel, LPCWSTR dest)
{
    static const DWORD chunk = 1 << 20;
    LARGE_INTEGER done = { 0 }, zero = { 0 };
    BYTE *buf = HeapAlloc(GetProcessHeap(), 0, chunk);
    DWORD n, w, reason = CALLBACK_STREAM_SWITCH;
    BOOL ok = TRUE;

    if (!buf) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    for (;;) {
        if (progress) {
            DWORD r = progress(total, done, total, done, 1, reason, src, dst, param);
            reason = CALLBACK_CHUNK_FINISHED;
            if (r == PROGRESS_CANCEL || r == PROGRESS_STOP) {
                SetLastError(ERROR_REQUEST_ABORTED);
                ok = FALSE;
                break;
            }
            if (r == PROGRESS_QUIET)
                progress = NULL;
        }
        if (cancel && *cancel) {
            SetLastError(ERROR_REQUEST_ABORTED);
            ok = FALSE;
            break;
        }
        if (!(ok = ReadFile(src, buf, chunk, &n, NULL)) || !n)
            break;
        if (!(ok = WriteFile(dst, buf, n, &w, NULL)))
            break;
        done.QuadPart += n;
    }
    HeapFree(GetProcessHeap(), 0, buf);
    (void)zero;
    (void)dest;
    return ok;
}

/***********************************************************************
 *           CopyFileExW   (kernelbase.@)
 *
 * The data, the attributes and the last-write time; the progress routine hears of each chunk.
 */
BOOL WINAPI CopyFileExW(LPCWSTR source, LPCWSTR dest, LPPROGRESS_ROUTINE progress, void *param,
                        BOOL *cancel, DWORD flags)
{
    BY_HANDLE_FILE_INFORMATION info;
    LARGE_INTEGER total;
    HANDLE src, dst;
    BOOL ok;

    TRACE("%s -> %s %#x\n", debugstr_w(source), debugstr_w(dest), flags);
    if (!source || !dest) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    src = CreateFileW(source, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                      FILE_FLAG_SEQUENTIAL_SCAN, NULL);
    if (src == INVALID_HANDLE_VALUE)
        return FALSE;
    if (!GetFileInformationByHandle(src, &info)) {
        CloseHandle(src);
        return FALSE;
    }
    total.u.LowPart = info.nFileSizeLow;
    total.u.HighPart = info.nFileSizeHigh;
    dst = CreateFileW(dest, GENERIC_WRITE, 0, NULL,
                      (flags & COPY_FILE_FAIL_IF_EXISTS) ? CREATE_NEW : CREATE_ALWAYS,
                      info.dwFileAttributes & ~FILE_ATTRIBUTE_READONLY, NULL);
    if (dst == INVALID_HANDLE_VALUE) {
        DWORD err = GetLastError();
        CloseHandle(src);
        SetLastError(err);
        return FALSE;
    }
    ok = copy_data(src, dst, total, progress, param, cancel, dest);
    if (ok)
        ok = SetFileTime(dst, NULL, NULL, &info.ftLastWriteTime);
    CloseHandle(src);
    CloseHandle(dst);
    if (!ok) {
        DWORD err = GetLastError();
        DeleteFileW(dest);
        SetLastError(err);
        return FALSE;
    }
    if (info.dwFileAttributes & FILE_ATTRIBUTE_READONLY)
        SetFileAttributesW(dest, info.dwFileAttributes);
    SetLastError(ERROR_SUCCESS);
    return TRUE;
}

BOOL WINAPI CopyFileW(LPCWSTR source, LPCWSTR dest, BOOL fail_if_exists)
{
    return CopyFileExW(source, dest, NULL, NULL, NULL, fail_if_exists ? COPY_FILE_FAIL_IF_EXISTS : 0);
}

BOOL WINAPI CopyFileExA(LPCSTR source, LPCSTR dest, LPPROGRESS_ROUTINE progress, void *param,
                        BOOL *cancel, DWORD flags)
{
    WCHAR *s = source ? kb_strdup_AtoW(source) : NULL, *d = dest ? kb_strdup_AtoW(dest) : NULL;
    BOOL ret = FALSE;
    if (!s || !d)
        SetLastError(ERROR_INVALID_PARAMETER);
    else
        ret = CopyFileExW(s, d, progress, param, cancel, flags);
    HeapFree(GetProcessHeap(), 0, s);
    HeapFree(GetProcessHeap(), 0, d);
    return ret;
}

BOOL WINAPI CopyFileA(LPCSTR source, LPCSTR dest, BOOL fail_if_exists)
{
    return CopyFileExA(source, dest, NULL, NULL, NULL, fail_if_exists ? COPY_FILE_FAIL_IF_EXISTS : 0);
}

/***********************************************************************
 *           CreateHardLinkW   (kernelbase.@)
 */
BOOL WINAPI CreateHardLinkW(LPCWSTR link, LPCWSTR existing, SECURITY_ATTRIBUTES *sa)
{
    FILE_LINK_INFORMATION *info;
    UNICODE_STRING nt;
    IO_STATUS_BLOCK io;
    HANDLE handle;
    NTSTATUS status;

    TRACE("%s -> %s\n", debugstr_w(link), debugstr_w(existing));
    if (!link || !existing) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if ((status = open_by_name(existing, FILE_READ_ATTRIBUTES, FILE_NON_DIRECTORY_FILE, &handle)))
        return set_ntstatus(status == STATUS_FILE_IS_A_DIRECTORY ? STATUS_ACCESS_DENIED : status);
    if ((status = RtlDosPathNameToNtPathName_U_WithStatus(link, &nt, NULL, NULL))) {
        NtClose(handle);
        return set_ntstatus(status);
    }
    if ((info = HeapAlloc(GetProcessHeap(), 0, sizeof(*info) + nt.Length))) {
        info->ReplaceIfExists = FALSE;
        info->RootDirectory = NULL;
        info->FileNameLength = nt.Length;
        memcpy(info->FileName, nt.Buffer, nt.Length);
        status = NtSetInformationFile(handle, &io, info, sizeof(*info) + nt.Length, FileLinkInformation);
        HeapFree(GetProcessHeap(), 0, info);
    } else {
        status = STATUS_NO_MEMORY;
    }
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    NtClose(handle);
    if (status == STATUS_OBJECT_NAME_COLLISION)
        status = STATUS_OBJECT_NAME_EXISTS;     /* ERROR_ALREADY_EXISTS, as Windows reports */
    return set_ntstatus(status);
}

BOOL WINAPI CreateHardLinkA(LPCSTR link, LPCSTR existing, SECURITY_ATTRIBUTES *sa)
{
    WCHAR *l = link ? kb_strdup_AtoW(link) : NULL, *e = existing ? kb_strdup_AtoW(existing) : NULL;
    BOOL ret = FALSE;
    if (!l || !e)
        SetLastError(ERROR_INVALID_PARAMETER);
    else
        ret = CreateHardLinkW(l, e, sa);
    HeapFree(GetProcessHeap(), 0, l);
    HeapFree(GetProcessHeap(), 0, e);
    return ret;
}

/***********************************************************************
 *           CreateSymbolicLinkW   (kernelbase.@)
 *
 * A Linux symbolic link. A relative target stays relative (to the link's folder), an absolute
 * one points at its Unix path. The folder flag has no Linux meaning. No privilege is needed, as
 * with SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE.
 */
BOOLEAN WINAPI CreateSymbolicLinkW(LPCWSTR link, LPCWSTR target, DWORD flags)
{
    UNICODE_STRING nt, nt_target = { 0 };
    NTSTATUS status;
    BOOL absolute;

    TRACE("%s -> %s %#x\n", debugstr_w(link), debugstr_w(target), flags);
    if (!link || !target || !*target || (flags & ~3u)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    absolute = (target[0] && target[1] == ':') || target[0] == '\\' || target[0] == '/';
    if ((status = RtlDosPathNameToNtPathName_U_WithStatus(link, &nt, NULL, NULL)))
        return set_ntstatus(status);
    if (absolute && (status = RtlDosPathNameToNtPathName_U_WithStatus(target, &nt_target, NULL, NULL))) {
        RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
        return set_ntstatus(status);
    }
    status = __vinho_create_symlink(&nt, absolute ? nt_target.Buffer : target, absolute ? 1 : 0);
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    if (nt_target.Buffer)
        RtlFreeHeap(GetProcessHeap(), 0, nt_target.Buffer);
    if (status == STATUS_OBJECT_NAME_COLLISION)
        status = STATUS_OBJECT_NAME_EXISTS;
    return set_ntstatus(status);
}

BOOLEAN WINAPI CreateSymbolicLinkA(LPCSTR link, LPCSTR target, DWORD flags)
{
    WCHAR *l = link ? kb_strdup_AtoW(link) : NULL, *t = target ? kb_strdup_AtoW(target) : NULL;
    BOOLEAN ret = FALSE;
    if (!l || !t)
        SetLastError(ERROR_INVALID_PARAMETER);
    else
        ret = CreateSymbolicLinkW(l, t, flags);
    HeapFree(GetProcessHeap(), 0, l);
    HeapFree(GetProcessHeap(), 0, t);
    return ret;
}
