/* file.c: Win32 files over the NT file calls: CreateFile, Read/WriteFile, pointers, sizes. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(file);

static BOOL is_console_handle(HANDLE handle)
{
    ULONG mode;
    return !__vinho_console_get_mode(handle, &mode);
}

/* Win32 access rights to the NT ones CreateFile asks for. */
static NTSTATUS open_nt(LPCWSTR name, DWORD access, DWORD sharing, SECURITY_ATTRIBUTES *sa,
                        DWORD disposition, DWORD options, DWORD attributes, HANDLE *handle,
                        ULONG_PTR *info)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    if (RtlDosPathNameToNtPathName_U_WithStatus(name, &nt, NULL, NULL))
        return STATUS_OBJECT_PATH_NOT_FOUND;    /* as kernel32 has always answered (Wine too) */
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    if (sa && sa->bInheritHandle)
        attr.Attributes |= OBJ_INHERIT;
    status = NtCreateFile(handle, access | SYNCHRONIZE | FILE_READ_ATTRIBUTES, &attr, &io, NULL,
                          attributes, sharing, disposition, options, NULL, 0);
    *info = io.Information;
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    return status;
}

/* The NtCreateFile options of CreateFile's FILE_FLAG_* flags; delete-on-close adds DELETE. */
static DWORD flags_to_options(DWORD flags, DWORD *access)
{
    DWORD options = FILE_NON_DIRECTORY_FILE;
    if (!(flags & FILE_FLAG_OVERLAPPED))
        options |= FILE_SYNCHRONOUS_IO_NONALERT;
    if (flags & FILE_FLAG_BACKUP_SEMANTICS)
        options = (options & ~FILE_NON_DIRECTORY_FILE) | FILE_OPEN_FOR_BACKUP_INTENT;
    if (flags & FILE_FLAG_DELETE_ON_CLOSE) {
        options |= FILE_DELETE_ON_CLOSE;
        *access |= DELETE;
    }
    if (flags & FILE_FLAG_WRITE_THROUGH)
        options |= FILE_WRITE_THROUGH;
    if (flags & FILE_FLAG_SEQUENTIAL_SCAN)
        options |= FILE_SEQUENTIAL_ONLY;
    if (flags & FILE_FLAG_RANDOM_ACCESS)
        options |= FILE_RANDOM_ACCESS;
    return options;
}

/***********************************************************************
 *           CreateFileW   (kernelbase.@)
 */
HANDLE WINAPI CreateFileW(LPCWSTR name, DWORD access, DWORD sharing, SECURITY_ATTRIBUTES *sa,
                          DWORD creation, DWORD flags, HANDLE template)
{
    static const DWORD dispositions[] = {
        [CREATE_NEW] = FILE_CREATE, [CREATE_ALWAYS] = FILE_OVERWRITE_IF,
        [OPEN_EXISTING] = FILE_OPEN, [OPEN_ALWAYS] = FILE_OPEN_IF,
        [TRUNCATE_EXISTING] = FILE_OVERWRITE,
    };
    DWORD options;
    ULONG_PTR info = 0;
    HANDLE handle;
    NTSTATUS status;

    TRACE("%s %#x %#x %u %#x\n", debugstr_w(name), access, sharing, creation, flags);
    if (!name || !*name) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    if (creation < CREATE_NEW || creation > TRUNCATE_EXISTING) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    options = flags_to_options(flags, &access);
    status = open_nt(name, access, sharing, sa, dispositions[creation], options,
                     flags & 0xffff /* FILE_ATTRIBUTE_VALID_FLAGS */, &handle, &info);
    if (status == STATUS_FILE_IS_A_DIRECTORY)
        status = STATUS_ACCESS_DENIED;  /* CreateFile on a folder without backup semantics */
    if (status == STATUS_OBJECT_NAME_COLLISION) {
        SetLastError(ERROR_FILE_EXISTS);    /* documented for CREATE_NEW, not ERROR_ALREADY_EXISTS */
        return INVALID_HANDLE_VALUE;
    }
    if (status) {
        set_ntstatus(status);
        return INVALID_HANDLE_VALUE;
    }
    /* Documented: CREATE_ALWAYS and OPEN_ALWAYS on an existing file succeed with this error. */
    SetLastError((creation == CREATE_ALWAYS || creation == OPEN_ALWAYS) && info != FILE_CREATED
                 ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
    return handle;
}

/***********************************************************************
 *           ReOpenFile   (kernelbase.@)
 *
 * The same file again with other access, sharing and flags: NtCreateFile with the original
 * handle as the root and an empty name, so the new open meets the sharing rules of the
 * original one (documented). Attribute flags belong to creation only (ERROR_INVALID_PARAMETER).
 */
HANDLE WINAPI ReOpenFile(HANDLE original, DWORD access, DWORD sharing, DWORD flags)
{
    UNICODE_STRING empty = { 0, 0, NULL };
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    HANDLE handle;
    DWORD options;
    NTSTATUS status;

    TRACE("%p %#x %#x %#x\n", original, access, sharing, flags);
    if (flags & 0x7ffff) {      /* FILE_ATTRIBUTE_* */
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    options = flags_to_options(flags, &access);
    InitializeObjectAttributes(&attr, &empty, OBJ_CASE_INSENSITIVE, original, NULL);
    status = NtCreateFile(&handle, access | SYNCHRONIZE | FILE_READ_ATTRIBUTES, &attr, &io, NULL,
                          0, sharing, FILE_OPEN, options, NULL, 0);
    if (status == STATUS_FILE_IS_A_DIRECTORY)
        status = STATUS_ACCESS_DENIED;  /* a folder without backup semantics, as CreateFile */
    if (status) {
        set_ntstatus(status);
        return INVALID_HANDLE_VALUE;
    }
    return handle;
}

/***********************************************************************
 *           CreateFileA   (kernelbase.@)
 */
HANDLE WINAPI CreateFileA(LPCSTR name, DWORD access, DWORD sharing, SECURITY_ATTRIBUTES *sa,
                          DWORD creation, DWORD flags, HANDLE template)
{
    WCHAR *wname;
    HANDLE ret;
    if (!name) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    if (!(wname = kb_strdup_AtoW(name)))
        return INVALID_HANDLE_VALUE;
    ret = CreateFileW(wname, access, sharing, sa, creation, flags, template);
    HeapFree(GetProcessHeap(), 0, wname);
    return ret;
}

/* The file offset an OVERLAPPED names (NULL without one), and its results after the call. */
static LARGE_INTEGER *overlapped_offset(const OVERLAPPED *ov, LARGE_INTEGER *offset)
{
    if (!ov)
        return NULL;
    offset->u.LowPart = ov->Offset;
    offset->u.HighPart = ov->OffsetHigh;
    return offset;
}

/* With an OVERLAPPED, the NT call writes its status into Internal/InternalHigh (the layout of an
 * IO_STATUS_BLOCK) before it queues a completion packet, so that the thread that takes the
 * packet finds them set. An event handle with its low bit set asks for no packet. */
static IO_STATUS_BLOCK *overlapped_io(OVERLAPPED *ov, IO_STATUS_BLOCK *local)
{
    return ov ? (IO_STATUS_BLOCK *)&ov->Internal : local;
}

static void overlapped_start(OVERLAPPED *ov)
{
    if (ov) {
        ov->Internal = STATUS_PENDING;      /* all 64 bits: the NT call writes the low 32 */
        ov->InternalHigh = 0;
    }
}

static HANDLE overlapped_event(const OVERLAPPED *ov)
{
    return ov ? (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1) : NULL;
}

static void *overlapped_context(OVERLAPPED *ov)
{
    return ov && !((ULONG_PTR)ov->hEvent & 1) ? ov : NULL;
}

/***********************************************************************
 *           ReadFile   (kernelbase.@)
 */
BOOL WINAPI ReadFile(HANDLE file, LPVOID buffer, DWORD count, LPDWORD result, LPOVERLAPPED ov)
{
    IO_STATUS_BLOCK io;
    LARGE_INTEGER offset, *poffset = overlapped_offset(ov, &offset);
    NTSTATUS status;

    TRACE("%p %p %u %p\n", file, buffer, count, ov);
    if (result)
        *result = 0;
    if (is_console_handle(file)) {
        ULONG n = 0;
        /* ReadFile on a console delivers the code page's bytes of a line. */
        WCHAR *wbuf = HeapAlloc(GetProcessHeap(), 0, (count + 2) * sizeof(WCHAR));
        if (!wbuf)
            return set_ntstatus(STATUS_NO_MEMORY);
        status = __vinho_console_read(file, wbuf, count / 2 ? count / 2 : 1, &n);
        if (!status) {
            int len = WideCharToMultiByte(GetConsoleCP(), 0, wbuf, n, buffer, count, NULL, NULL);
            if (result)
                *result = len;
        }
        HeapFree(GetProcessHeap(), 0, wbuf);
        return set_ntstatus(status);
    }
    overlapped_start(ov);
    status = NtReadFile(file, overlapped_event(ov), NULL, overlapped_context(ov), overlapped_io(ov, &io),
                        buffer, count, poffset, NULL);
    if (status == STATUS_END_OF_FILE && !ov)
        status = STATUS_SUCCESS;    /* a synchronous read at the end reads nothing and succeeds */
    if (result)
        *result = status ? 0 : overlapped_io(ov, &io)->Information;
    return set_ntstatus(status);
}

/***********************************************************************
 *           WriteFile   (kernelbase.@)
 */
BOOL WINAPI WriteFile(HANDLE file, LPCVOID buffer, DWORD count, LPDWORD result, LPOVERLAPPED ov)
{
    IO_STATUS_BLOCK io;
    LARGE_INTEGER offset, *poffset = overlapped_offset(ov, &offset);
    NTSTATUS status;

    TRACE("%p %p %u %p\n", file, buffer, count, ov);
    if (result)
        *result = 0;
    overlapped_start(ov);
    status = NtWriteFile(file, overlapped_event(ov), NULL, overlapped_context(ov), overlapped_io(ov, &io),
                         buffer, count, poffset, NULL);
    if (result && !status)
        *result = overlapped_io(ov, &io)->Information;
    return set_ntstatus(status);
}

/***********************************************************************
 *           CloseHandle   (kernelbase.@)
 */
BOOL WINAPI CloseHandle(HANDLE handle)
{
    struct vn_process_params *pp = process_params();
    /* Closing a std handle also forgets it, as kernel32 does. */
    if (handle == pp->StandardInput)
        pp->StandardInput = NULL;
    if (handle == pp->StandardOutput)
        pp->StandardOutput = NULL;
    if (handle == pp->StandardError)
        pp->StandardError = NULL;
    return set_ntstatus(NtClose(handle));
}

/***********************************************************************
 *           DuplicateHandle   (kernelbase.@)
 */
BOOL WINAPI DuplicateHandle(HANDLE src_process, HANDLE src, HANDLE dst_process, HANDLE *dst,
                            DWORD access, BOOL inherit, DWORD options)
{
    return set_ntstatus(NtDuplicateObject(src_process, src, dst_process, dst, access,
                                          inherit ? OBJ_INHERIT : 0, options));
}

/***********************************************************************
 *           GetFileType   (kernelbase.@)
 */
DWORD WINAPI GetFileType(HANDLE file)
{
    FILE_FS_DEVICE_INFORMATION info;
    IO_STATUS_BLOCK io;
    NTSTATUS status = NtQueryVolumeInformationFile(file, &io, &info, sizeof(info), FileFsDeviceInformation);
    if (status) {
        set_ntstatus(status);
        return FILE_TYPE_UNKNOWN;
    }
    SetLastError(NO_ERROR);
    switch (info.DeviceType) {
    case FILE_DEVICE_CONSOLE:
    case FILE_DEVICE_NULL:
    case FILE_DEVICE_SERIAL_PORT:
    case FILE_DEVICE_UNKNOWN:
        return FILE_TYPE_CHAR;
    case FILE_DEVICE_NAMED_PIPE:
        return FILE_TYPE_PIPE;
    }
    return FILE_TYPE_DISK;
}

/***********************************************************************
 *           SetFilePointerEx   (kernelbase.@)
 */
BOOL WINAPI SetFilePointerEx(HANDLE file, LARGE_INTEGER distance, LARGE_INTEGER *newpos, DWORD method)
{
    FILE_POSITION_INFORMATION pos;
    FILE_STANDARD_INFORMATION std;
    IO_STATUS_BLOCK io;
    NTSTATUS status;
    LONGLONG base = 0;

    switch (method) {
    case FILE_BEGIN:
        break;
    case FILE_CURRENT:
        if ((status = NtQueryInformationFile(file, &io, &pos, sizeof(pos), FilePositionInformation)))
            return set_ntstatus(status);
        base = pos.CurrentByteOffset.QuadPart;
        break;
    case FILE_END:
        if ((status = NtQueryInformationFile(file, &io, &std, sizeof(std), FileStandardInformation)))
            return set_ntstatus(status);
        base = std.EndOfFile.QuadPart;
        break;
    default:
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    pos.CurrentByteOffset.QuadPart = base + distance.QuadPart;
    if (pos.CurrentByteOffset.QuadPart < 0) {
        SetLastError(ERROR_NEGATIVE_SEEK);
        return FALSE;
    }
    if ((status = NtSetInformationFile(file, &io, &pos, sizeof(pos), FilePositionInformation)))
        return set_ntstatus(status);
    if (newpos)
        *newpos = pos.CurrentByteOffset;
    return TRUE;
}

/***********************************************************************
 *           SetFilePointer   (kernelbase.@)
 */
DWORD WINAPI SetFilePointer(HANDLE file, LONG distance, LONG *high, DWORD method)
{
    LARGE_INTEGER dist, newpos;
    dist.QuadPart = high ? ((LONGLONG)*high << 32) | (ULONG)distance : distance;
    if (!SetFilePointerEx(file, dist, &newpos, method))
        return INVALID_SET_FILE_POINTER;
    if (high)
        *high = newpos.u.HighPart;
    else if (newpos.u.HighPart) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_SET_FILE_POINTER;
    }
    if (newpos.u.LowPart == INVALID_SET_FILE_POINTER)
        SetLastError(NO_ERROR);
    return newpos.u.LowPart;
}

/***********************************************************************
 *           GetFileSizeEx   (kernelbase.@)
 */
BOOL WINAPI GetFileSizeEx(HANDLE file, LARGE_INTEGER *size)
{
    FILE_STANDARD_INFORMATION std;
    IO_STATUS_BLOCK io;
    NTSTATUS status = NtQueryInformationFile(file, &io, &std, sizeof(std), FileStandardInformation);
    if (status)
        return set_ntstatus(status);
    if (std.Directory) {
        SetLastError(ERROR_INVALID_FUNCTION);   /* XXX: checked against the docs only */
        return FALSE;
    }
    *size = std.EndOfFile;
    return TRUE;
}

DWORD WINAPI GetFileSize(HANDLE file, DWORD *high)
{
    LARGE_INTEGER size;
    if (!GetFileSizeEx(file, &size))
        return INVALID_FILE_SIZE;
    if (high)
        *high = size.u.HighPart;
    if (size.u.LowPart == INVALID_FILE_SIZE)
        SetLastError(NO_ERROR);
    return size.u.LowPart;
}

/***********************************************************************
 *           SetEndOfFile   (kernelbase.@)
 */
BOOL WINAPI SetEndOfFile(HANDLE file)
{
    FILE_POSITION_INFORMATION pos;
    FILE_END_OF_FILE_INFORMATION eof;
    IO_STATUS_BLOCK io;
    NTSTATUS status = NtQueryInformationFile(file, &io, &pos, sizeof(pos), FilePositionInformation);
    if (status)
        return set_ntstatus(status);
    eof.EndOfFile = pos.CurrentByteOffset;
    return set_ntstatus(NtSetInformationFile(file, &io, &eof, sizeof(eof), FileEndOfFileInformation));
}

/***********************************************************************
 *           FlushFileBuffers   (kernelbase.@)
 */
BOOL WINAPI FlushFileBuffers(HANDLE file)
{
    IO_STATUS_BLOCK io;
    if (is_console_handle(file))
        return TRUE;
    return set_ntstatus(NtFlushBuffersFile(file, &io));
}

/***********************************************************************
 *           CancelIo   (kernelbase.@)
 *
 * I/O completes within the call that starts it, so the calling thread has no pending request:
 * success with nothing cancelled.
 */
BOOL WINAPI CancelIo(HANDLE file)
{
    IO_STATUS_BLOCK io;
    return set_ntstatus(NtCancelIoFile(file, &io));
}

/***********************************************************************
 *           CancelIoEx   (kernelbase.@)
 *
 * No request is ever pending (see CancelIo): fails with ERROR_NOT_FOUND, as documented when
 * there is no request to cancel; a completed overlapped request keeps its result.
 */
BOOL WINAPI CancelIoEx(HANDLE file, LPOVERLAPPED ov)
{
    IO_STATUS_BLOCK io;
    return set_ntstatus(NtCancelIoFileEx(file, (IO_STATUS_BLOCK *)ov, &io));
}

/* DeleteFileW's open, disposition and close as one call (ntcalls' __vinho_delete_file). */
static NTSTATUS delete_at_once(LPCWSTR name)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    NTSTATUS status;

    if (RtlDosPathNameToNtPathName_U_WithStatus(name, &nt, NULL, NULL))
        return STATUS_OBJECT_PATH_NOT_FOUND;    /* as open_nt answers */
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = __vinho_delete_file(&attr);
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    return status;
}

/***********************************************************************
 *           DeleteFileW   (kernelbase.@)
 */
BOOL WINAPI DeleteFileW(LPCWSTR name)
{
    FILE_DISPOSITION_INFORMATION info = { TRUE };
    IO_STATUS_BLOCK io;
    ULONG_PTR created;
    HANDLE handle;
    NTSTATUS status;
    TRACE("%s\n", debugstr_w(name));
    if (!name || !*name) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    /* As on Windows: open, mark for deletion (errors show here), close; which the ELF side does
     * in one call for a file (two system calls instead of seven), with the same answers. */
    status = delete_at_once(name);
    if (status == STATUS_MORE_PROCESSING_REQUIRED)
        status = open_nt(name, DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                         FILE_OPEN, FILE_NON_DIRECTORY_FILE, 0, &handle, &created);
    else if (status != STATUS_FILE_IS_A_DIRECTORY)
        return set_ntstatus(status);
    if (status == STATUS_FILE_IS_A_DIRECTORY)
        status = STATUS_ACCESS_DENIED;  /* DeleteFile on a folder: ERROR_ACCESS_DENIED */
    if (!status) {
        status = NtSetInformationFile(handle, &io, &info, sizeof(info), FileDispositionInformation);
        NtClose(handle);
    }
    return set_ntstatus(status);
}

BOOL WINAPI DeleteFileA(LPCSTR name)
{
    return kb_call_path_A(name, DeleteFileW, ERROR_PATH_NOT_FOUND);
}

/***********************************************************************
 *           GetFileAttributesW   (kernelbase.@)
 */
DWORD WINAPI GetFileAttributesW(LPCWSTR name)
{
    FILE_BASIC_INFORMATION info;
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING nt;
    NTSTATUS status;

    if (!name || (status = RtlDosPathNameToNtPathName_U_WithStatus(name, &nt, NULL, NULL))) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return INVALID_FILE_ATTRIBUTES;
    }
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtQueryAttributesFile(&attr, &info);
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    if (status) {
        set_ntstatus(status);
        return INVALID_FILE_ATTRIBUTES;
    }
    return info.FileAttributes;
}

DWORD WINAPI GetFileAttributesA(LPCSTR name)
{
    WCHAR *w = name ? kb_strdup_AtoW(name) : NULL;
    DWORD ret;
    if (!w) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return INVALID_FILE_ATTRIBUTES;
    }
    ret = GetFileAttributesW(w);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/***********************************************************************
 *           GetFullPathNameW   (kernelbase.@)
 */
DWORD WINAPI GetFullPathNameW(LPCWSTR name, DWORD size, LPWSTR buffer, LPWSTR *file_part)
{
    if (!name || !*name)
        return 0;   /* and leaves the last error alone, as Wine 8.0 (conformance/paths/fullpath_bad_input) */
    return RtlGetFullPathName_U(name, size * sizeof(WCHAR), buffer, file_part) / sizeof(WCHAR);
}

DWORD WINAPI GetFullPathNameA(LPCSTR name, DWORD size, LPSTR buffer, LPSTR *file_part)
{
    WCHAR *w = name ? kb_strdup_AtoW(name) : NULL, full[MAX_PATH * 4];
    DWORD len, ret;
    if (!w) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    len = GetFullPathNameW(w, MAX_PATH * 4, full, NULL);
    HeapFree(GetProcessHeap(), 0, w);
    if (!len || len >= MAX_PATH * 4)
        return 0;
    ret = kb_copy_WtoA(full, len, buffer, size);
    if (file_part && ret < size) {
        char *p = buffer + ret;
        while (p > buffer && p[-1] != '\\')
            p--;
        *file_part = *p ? p : NULL;
    }
    return ret;
}

/***********************************************************************
 *           GetCurrentDirectoryW   (kernelbase.@)
 */
DWORD WINAPI GetCurrentDirectoryW(DWORD size, LPWSTR buffer)
{
    return RtlGetCurrentDirectory_U(size * sizeof(WCHAR), buffer) / sizeof(WCHAR);
}

DWORD WINAPI GetCurrentDirectoryA(DWORD size, LPSTR buffer)
{
    WCHAR w[MAX_PATH * 4];
    DWORD len = GetCurrentDirectoryW(MAX_PATH * 4, w);
    if (!len || len >= MAX_PATH * 4)
        return 0;
    return kb_copy_WtoA(w, len, buffer, size);
}

/***********************************************************************
 *           SetCurrentDirectoryW   (kernelbase.@)
 */
BOOL WINAPI SetCurrentDirectoryW(LPCWSTR dir)
{
    UNICODE_STRING us;
    if (!dir) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    RtlInitUnicodeString(&us, dir);
    return set_ntstatus(RtlSetCurrentDirectory_U(&us));
}

BOOL WINAPI SetCurrentDirectoryA(LPCSTR dir)
{
    return kb_call_path_A(dir, SetCurrentDirectoryW, ERROR_INVALID_PARAMETER);
}
