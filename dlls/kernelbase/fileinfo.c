/* fileinfo.c: information on open files (by handle), byte-range locks, I/O controls, overlapped
 * results, and the file API code page switch. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(file);

/***********************************************************************
 *           GetFileInformationByHandle   (kernelbase.@)
 */
BOOL WINAPI GetFileInformationByHandle(HANDLE file, BY_HANDLE_FILE_INFORMATION *info)
{
    FILE_BASIC_INFORMATION basic;
    FILE_STANDARD_INFORMATION std;
    FILE_INTERNAL_INFORMATION internal;
    union { FILE_FS_VOLUME_INFORMATION v; BYTE buf[sizeof(FILE_FS_VOLUME_INFORMATION) + 64]; } vol;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    if (!info) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if ((status = NtQueryInformationFile(file, &io, &basic, sizeof(basic), FileBasicInformation)) ||
        (status = NtQueryInformationFile(file, &io, &std, sizeof(std), FileStandardInformation)) ||
        (status = NtQueryInformationFile(file, &io, &internal, sizeof(internal), FileInternalInformation)))
        return set_ntstatus(status);
    status = NtQueryVolumeInformationFile(file, &io, &vol, sizeof(vol), FileFsVolumeInformation);
    info->dwFileAttributes = basic.FileAttributes;
    info->ftCreationTime.dwLowDateTime = basic.CreationTime.u.LowPart;
    info->ftCreationTime.dwHighDateTime = basic.CreationTime.u.HighPart;
    info->ftLastAccessTime.dwLowDateTime = basic.LastAccessTime.u.LowPart;
    info->ftLastAccessTime.dwHighDateTime = basic.LastAccessTime.u.HighPart;
    info->ftLastWriteTime.dwLowDateTime = basic.LastWriteTime.u.LowPart;
    info->ftLastWriteTime.dwHighDateTime = basic.LastWriteTime.u.HighPart;
    info->dwVolumeSerialNumber = status ? 0 : vol.v.VolumeSerialNumber;
    info->nFileSizeHigh = std.EndOfFile.u.HighPart;
    info->nFileSizeLow = std.EndOfFile.u.LowPart;
    info->nNumberOfLinks = std.NumberOfLinks;
    info->nFileIndexHigh = internal.IndexNumber.u.HighPart;
    info->nFileIndexLow = internal.IndexNumber.u.LowPart;
    return TRUE;
}

/***********************************************************************
 *           GetFileInformationByHandleEx   (kernelbase.@)
 */
BOOL WINAPI GetFileInformationByHandleEx(HANDLE file, FILE_INFO_BY_HANDLE_CLASS cls, void *info, DWORD size)
{
    IO_STATUS_BLOCK io;
    NTSTATUS status;
    FILE_INFORMATION_CLASS nt;
    BOOL dir = FALSE, restart = FALSE;

    switch (cls) {
    case FileBasicInfo:           nt = FileBasicInformation; break;
    case FileStandardInfo:        nt = FileStandardInformation; break;
    case FileNameInfo:            nt = FileNameInformation; break;
    case FileAttributeTagInfo:    nt = 35; break;
    case FileIdBothDirectoryRestartInfo: restart = TRUE; /* fall through */
    case FileIdBothDirectoryInfo: nt = 37; dir = TRUE; break;
    case FileFullDirectoryRestartInfo: restart = TRUE; /* fall through */
    case FileFullDirectoryInfo:   nt = 2; dir = TRUE; break;
    default:
        FIXME("class %d is not implemented\n", cls);
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!info) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (dir)
        status = NtQueryDirectoryFile(file, NULL, NULL, NULL, &io, info, size, nt, FALSE, NULL, restart);
    else
        status = NtQueryInformationFile(file, &io, info, size, nt);
    return set_ntstatus(status);
}

/* FILE_RENAME_INFO carries a DOS path; NT wants an NT path. */
static NTSTATUS set_rename(HANDLE file, const FILE_RENAME_INFO *info, DWORD size, FILE_INFORMATION_CLASS cls)
{
    UNICODE_STRING nt;
    FILE_RENAME_INFORMATION *ntinfo;
    WCHAR *name;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    if (size < offsetof(FILE_RENAME_INFO, FileName) || info->FileNameLength > size - offsetof(FILE_RENAME_INFO, FileName))
        return STATUS_INVALID_PARAMETER;
    if (!(name = HeapAlloc(GetProcessHeap(), 0, info->FileNameLength + sizeof(WCHAR))))
        return STATUS_NO_MEMORY;
    memcpy(name, info->FileName, info->FileNameLength);
    name[info->FileNameLength / sizeof(WCHAR)] = 0;
    status = RtlDosPathNameToNtPathName_U_WithStatus(name, &nt, NULL, NULL);
    HeapFree(GetProcessHeap(), 0, name);
    if (status)
        return status;
    if ((ntinfo = HeapAlloc(GetProcessHeap(), 0, sizeof(*ntinfo) + nt.Length))) {
        ntinfo->ReplaceIfExists = info->ReplaceIfExists;
        ntinfo->RootDirectory = info->RootDirectory;
        ntinfo->FileNameLength = nt.Length;
        memcpy(ntinfo->FileName, nt.Buffer, nt.Length);
        status = NtSetInformationFile(file, &io, ntinfo, sizeof(*ntinfo) + nt.Length, cls);
        HeapFree(GetProcessHeap(), 0, ntinfo);
    } else {
        status = STATUS_NO_MEMORY;
    }
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    return status;
}

/***********************************************************************
 *           SetFileInformationByHandle   (kernelbase.@)
 */
BOOL WINAPI SetFileInformationByHandle(HANDLE file, FILE_INFO_BY_HANDLE_CLASS cls, void *info, DWORD size)
{
    IO_STATUS_BLOCK io;
    FILE_INFORMATION_CLASS nt;

    if (!info) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    switch (cls) {
    case FileBasicInfo:       nt = FileBasicInformation; break;
    case FileDispositionInfo: nt = FileDispositionInformation; break;
    case 21 /* FileDispositionInfoEx */: nt = 64 /* FileDispositionInformationEx */; break;
    case FileAllocationInfo:  nt = 19; break;
    case FileEndOfFileInfo:   nt = 20; break;
    case FileRenameInfo:      return set_ntstatus(set_rename(file, info, size, FileRenameInformation));
    default:
        FIXME("class %d is not implemented\n", cls);
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return set_ntstatus(NtSetInformationFile(file, &io, info, size, nt));
}

/* The volume GUID of a drive: stable for the drive letter and its volume serial (made from the
 * Unix device number), laid out as a version-4 GUID. */
static void volume_guid_name(WCHAR letter, WCHAR *out)
{
    static const WCHAR hex[] = L"0123456789abcdef";
    WCHAR root[] = { letter, ':', '\\', 0 };
    DWORD serial = 0;
    BYTE b[16], seed[16] = { 'v', 'i', 'n', 'h', 'o' };
    ULONGLONG h = 0xcbf29ce484222325ULL;     /* FNV-1a over "vinho", the letter and the serial */

    GetVolumeInformationW(root, NULL, 0, &serial, NULL, NULL, NULL, 0);
    seed[5] = (BYTE)(letter & ~0x20);
    memcpy(seed + 6, &serial, sizeof(serial));
    for (int i = 0; i < 16; i++) {
        h = (h ^ seed[i]) * 0x100000001b3ULL;
        b[i] = (BYTE)(h >> 56);
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    memcpy(out, L"\\\\?\\Volume{", 11 * sizeof(WCHAR));
    out += 11;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *out++ = '-';
        *out++ = hex[b[i] >> 4];
        *out++ = hex[b[i] & 15];
    }
    memcpy(out, L"}\\", 3 * sizeof(WCHAR));
}

/* The volume part of a final path for the volume flag: "\\?\C:", "\\?\Volume{...}" (no trailing
 * backslash), "\Device\HarddiskVolumeN" (N is the drive's place in the alphabet) or nothing. */
static DWORD volume_prefix(WCHAR letter, DWORD volume, WCHAR *out)
{
    WCHAR num[4];
    DWORD n = 0, len;
    switch (volume) {
    case VOLUME_NAME_DOS:
        memcpy(out, L"\\\\?\\", 4 * sizeof(WCHAR));
        out[4] = letter;
        out[5] = ':';
        return 6;
    case VOLUME_NAME_GUID:
        volume_guid_name(letter, out);
        return lstrlenW(out) - 1;
    case VOLUME_NAME_NT:
        len = lstrlenW(L"\\Device\\HarddiskVolume");
        memcpy(out, L"\\Device\\HarddiskVolume", len * sizeof(WCHAR));
        for (DWORD v = (letter & ~0x20) - 'A' + 1; v; v /= 10)
            num[n++] = '0' + v % 10;
        while (n)
            out[len++] = num[--n];
        return len;
    }
    return 0;   /* VOLUME_NAME_NONE */
}

/***********************************************************************
 *           GetFinalPathNameByHandleW   (kernelbase.@)
 *
 * The file's path after symbolic links, with the volume as the flags ask: VOLUME_NAME_DOS
 * \\?\C:\dir\file, VOLUME_NAME_GUID \\?\Volume{guid}\dir\file, VOLUME_NAME_NT
 * \Device\HarddiskVolumeN\dir\file, VOLUME_NAME_NONE \dir\file. FILE_NAME_NORMALIZED and
 * FILE_NAME_OPENED give the same name: vinho has no 8.3 names to normalise. Returns the length
 * without the NUL, or the size needed with it when the buffer is too small (documented).
 */
DWORD WINAPI GetFinalPathNameByHandleW(HANDLE file, LPWSTR path, DWORD size, DWORD flags)
{
    WCHAR *dos, prefix[64];
    ULONG needed = 0;
    DWORD len, plen, volume = flags & (VOLUME_NAME_GUID | VOLUME_NAME_NT | VOLUME_NAME_NONE);
    NTSTATUS status;

    if ((flags & ~(FILE_NAME_OPENED | VOLUME_NAME_GUID | VOLUME_NAME_NT | VOLUME_NAME_NONE)) ||
        (volume & (volume - 1))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    status = __vinho_file_dos_name(file, NULL, 0, &needed);
    if (status != STATUS_BUFFER_TOO_SMALL)
        return set_ntstatus(status ? status : STATUS_INVALID_HANDLE);
    if (!(dos = HeapAlloc(GetProcessHeap(), 0, needed * sizeof(WCHAR)))) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    if ((status = __vinho_file_dos_name(file, dos, needed, &needed))) {
        HeapFree(GetProcessHeap(), 0, dos);
        return set_ntstatus(status);
    }
    plen = volume_prefix(dos[0], volume, prefix);
    len = plen + needed - 1 - 2;    /* the path after "C:" */
    if (len + 1 > size || !path) {
        HeapFree(GetProcessHeap(), 0, dos);
        return len + 1;
    }
    memcpy(path, prefix, plen * sizeof(WCHAR));
    memcpy(path + plen, dos + 2, (needed - 2) * sizeof(WCHAR));
    HeapFree(GetProcessHeap(), 0, dos);
    return len;
}

DWORD WINAPI GetFinalPathNameByHandleA(HANDLE file, LPSTR path, DWORD size, DWORD flags)
{
    WCHAR *w;
    DWORD len = GetFinalPathNameByHandleW(file, NULL, 0, flags), ret = 0;
    if (!len || !(w = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR))))
        return 0;
    if ((len = GetFinalPathNameByHandleW(file, w, len, flags)))
        ret = kb_copy_WtoA(w, len, path, size);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/***********************************************************************
 *           LockFileEx   (kernelbase.@)
 */
BOOL WINAPI LockFileEx(HANDLE file, DWORD flags, DWORD reserved, DWORD count_low, DWORD count_high,
                       LPOVERLAPPED ov)
{
    LARGE_INTEGER offset, count;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    if (reserved || !ov || (flags & ~(LOCKFILE_FAIL_IMMEDIATELY | LOCKFILE_EXCLUSIVE_LOCK))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    offset.u.LowPart = ov->Offset;
    offset.u.HighPart = ov->OffsetHigh;
    count.u.LowPart = count_low;
    count.u.HighPart = count_high;
    status = NtLockFile(file, ov->hEvent, NULL, NULL, &io, &offset, &count, NULL,
                        (flags & LOCKFILE_FAIL_IMMEDIATELY) != 0, (flags & LOCKFILE_EXCLUSIVE_LOCK) != 0);
    ov->Internal = status;
    ov->InternalHigh = 0;
    return set_ntstatus(status);
}

BOOL WINAPI LockFile(HANDLE file, DWORD offset_low, DWORD offset_high, DWORD count_low, DWORD count_high)
{
    OVERLAPPED ov = { 0 };
    ov.Offset = offset_low;
    ov.OffsetHigh = offset_high;
    return LockFileEx(file, LOCKFILE_FAIL_IMMEDIATELY | LOCKFILE_EXCLUSIVE_LOCK, 0, count_low, count_high, &ov);
}

/***********************************************************************
 *           UnlockFileEx   (kernelbase.@)
 */
BOOL WINAPI UnlockFileEx(HANDLE file, DWORD reserved, DWORD count_low, DWORD count_high, LPOVERLAPPED ov)
{
    LARGE_INTEGER offset, count;
    IO_STATUS_BLOCK io;
    if (reserved || !ov) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    offset.u.LowPart = ov->Offset;
    offset.u.HighPart = ov->OffsetHigh;
    count.u.LowPart = count_low;
    count.u.HighPart = count_high;
    return set_ntstatus(NtUnlockFile(file, &io, &offset, &count, NULL));
}

BOOL WINAPI UnlockFile(HANDLE file, DWORD offset_low, DWORD offset_high, DWORD count_low, DWORD count_high)
{
    OVERLAPPED ov = { 0 };
    ov.Offset = offset_low;
    ov.OffsetHigh = offset_high;
    return UnlockFileEx(file, 0, count_low, count_high, &ov);
}

/***********************************************************************
 *           DeviceIoControl   (kernelbase.@)
 *
 * File system controls (device type 9) go to NtFsControlFile, the rest to NtDeviceIoControlFile.
 */
BOOL WINAPI DeviceIoControl(HANDLE handle, DWORD code, void *in, DWORD in_size, void *out,
                            DWORD out_size, DWORD *returned, LPOVERLAPPED ov)
{
    IO_STATUS_BLOCK io = { 0 }, *piov = ov ? (IO_STATUS_BLOCK *)ov : &io;
    HANDLE event = ov ? ov->hEvent : NULL;
    NTSTATUS status;

    TRACE("%p %#x\n", handle, code);
    if ((code >> 16) == 9 /* FILE_DEVICE_FILE_SYSTEM */)
        status = NtFsControlFile(handle, event, NULL, NULL, piov, code, in, in_size, out, out_size);
    else
        status = NtDeviceIoControlFile(handle, event, NULL, NULL, piov, code, in, in_size, out, out_size);
    if (returned)
        *returned = piov->Information;
    return set_ntstatus(status);
}

/***********************************************************************
 *           GetOverlappedResult   (kernelbase.@)
 *
 * vinho completes file I/O before ReadFile/WriteFile return, so nothing is ever pending here.
 */
BOOL WINAPI GetOverlappedResult(HANDLE file, LPOVERLAPPED ov, DWORD *transferred, BOOL wait)
{
    NTSTATUS status;
    if (!ov) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    status = (NTSTATUS)ov->Internal;
    if (status == STATUS_PENDING) {
        if (!wait) {
            SetLastError(ERROR_IO_INCOMPLETE);
            return FALSE;
        }
        WaitForSingleObject(ov->hEvent ? ov->hEvent : file, INFINITE);
        status = (NTSTATUS)ov->Internal;
    }
    if (transferred)
        *transferred = ov->InternalHigh;
    return set_ntstatus(status);
}

/* Queues the completion routine of ReadFileEx/WriteFileEx on this thread: it runs at the next
 * alertable wait, as on Windows. The I/O itself has already completed. */
static BOOL queue_completion(NTSTATUS status, LPOVERLAPPED ov, LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
    NTSTATUS qs = NtQueueApcThread(GetCurrentThread(), (PVOID)routine,
                                   RtlNtStatusToDosError(status), ov->InternalHigh, (ULONG_PTR)ov);
    return set_ntstatus(qs);
}

/***********************************************************************
 *           ReadFileEx   (kernelbase.@)
 */
BOOL WINAPI ReadFileEx(HANDLE file, LPVOID buffer, DWORD count, LPOVERLAPPED ov,
                       LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
    IO_STATUS_BLOCK io;
    LARGE_INTEGER offset;
    NTSTATUS status;

    if (!ov || !routine) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    offset.u.LowPart = ov->Offset;
    offset.u.HighPart = ov->OffsetHigh;
    status = NtReadFile(file, NULL, NULL, NULL, &io, buffer, count, &offset, NULL);
    ov->Internal = status;
    ov->InternalHigh = status ? 0 : io.Information;
    /* The end of the file is the I/O's result, reported to the routine (documented: the
     * operation then gives ERROR_HANDLE_EOF); other failures are the call's own. */
    if (status && status != STATUS_END_OF_FILE)
        return set_ntstatus(status);
    return queue_completion(status, ov, routine);
}

/***********************************************************************
 *           WriteFileEx   (kernelbase.@)
 */
BOOL WINAPI WriteFileEx(HANDLE file, LPCVOID buffer, DWORD count, LPOVERLAPPED ov,
                        LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
    IO_STATUS_BLOCK io;
    LARGE_INTEGER offset;
    NTSTATUS status;

    if (!ov || !routine) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    offset.u.LowPart = ov->Offset;
    offset.u.HighPart = ov->OffsetHigh;
    status = NtWriteFile(file, NULL, NULL, NULL, &io, buffer, count, &offset, NULL);
    ov->Internal = status;
    ov->InternalHigh = status ? 0 : io.Information;
    if (status)
        return set_ntstatus(status);
    return queue_completion(status, ov, routine);
}
