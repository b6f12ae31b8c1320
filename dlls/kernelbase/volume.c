/* volume.c: drives and volumes: types, free space, volume information, the drive list. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(file);

/* Opens the root folder of the volume holding path ("C:\", "C:", "\\?\C:\", NULL: the current
 * drive) for queries. */
static NTSTATUS open_root(LPCWSTR root, HANDLE *handle)
{
    WCHAR buf[8], cwd[MAX_PATH];
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    if (!root) {
        if (!GetCurrentDirectoryW(MAX_PATH, cwd))
            return STATUS_OBJECT_PATH_NOT_FOUND;
        root = cwd;
    }
    if (root[0] == '\\' && root[1] == '\\' && root[2] == '?' && root[3] == '\\')
        root += 4;
    if (!root[0] || root[1] != ':')
        return STATUS_OBJECT_PATH_NOT_FOUND;
    buf[0] = root[0];
    buf[1] = ':';
    buf[2] = '\\';
    buf[3] = 0;
    if ((status = RtlDosPathNameToNtPathName_U_WithStatus(buf, &nt, NULL, NULL)))
        return status;
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtOpenFile(handle, SYNCHRONIZE | FILE_READ_ATTRIBUTES, &attr, &io,
                        FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                        FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
    RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    return status;
}

static NTSTATUS query_root(LPCWSTR root, void *info, ULONG size, FS_INFORMATION_CLASS cls)
{
    IO_STATUS_BLOCK io;
    HANDLE handle;
    NTSTATUS status = open_root(root, &handle);
    if (status)
        return status;
    status = NtQueryVolumeInformationFile(handle, &io, info, size, cls);
    NtClose(handle);
    return status;
}

/***********************************************************************
 *           GetDriveTypeW   (kernelbase.@)
 */
UINT WINAPI GetDriveTypeW(LPCWSTR root)
{
    FILE_FS_DEVICE_INFORMATION info;
    if (root && root[0] && root[1] == ':' && root[2] && root[2] != '\\' && root[2] != '/')
        return DRIVE_NO_ROOT_DIR;   /* "C:x" is no root */
    if (query_root(root, &info, sizeof(info), FileFsDeviceInformation))
        return DRIVE_NO_ROOT_DIR;
    return info.DeviceType == FILE_DEVICE_DISK ? DRIVE_FIXED : DRIVE_UNKNOWN;
}

UINT WINAPI GetDriveTypeA(LPCSTR root)
{
    WCHAR *w = root ? kb_strdup_AtoW(root) : NULL;
    UINT ret = GetDriveTypeW(w);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/***********************************************************************
 *           GetDiskFreeSpaceExW   (kernelbase.@)
 */
BOOL WINAPI GetDiskFreeSpaceExW(LPCWSTR root, ULARGE_INTEGER *avail, ULARGE_INTEGER *total,
                                ULARGE_INTEGER *total_free)
{
    struct { ULONGLONG total, caller_avail, actual_avail; ULONG sectors_per_unit, bytes_per_sector; } info;
    NTSTATUS status;
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    HANDLE handle;

    if (!root) {
        status = open_root(NULL, &handle);
    } else {    /* any folder of the volume, as documented */
        if ((status = RtlDosPathNameToNtPathName_U_WithStatus(root, &nt, NULL, NULL)))
            return set_ntstatus(status);
        InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
        status = NtOpenFile(&handle, SYNCHRONIZE | FILE_READ_ATTRIBUTES, &attr, &io,
                            FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                            FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
        RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
    }
    if (status)
        return set_ntstatus(status);
    status = NtQueryVolumeInformationFile(handle, &io, &info, sizeof(info), FileFsFullSizeInformation);
    NtClose(handle);
    if (status)
        return set_ntstatus(status);
    ULONGLONG unit = (ULONGLONG)info.sectors_per_unit * info.bytes_per_sector;
    if (avail)
        avail->QuadPart = info.caller_avail * unit;
    if (total)
        total->QuadPart = info.total * unit;
    if (total_free)
        total_free->QuadPart = info.actual_avail * unit;
    return TRUE;
}

BOOL WINAPI GetDiskFreeSpaceExA(LPCSTR root, ULARGE_INTEGER *avail, ULARGE_INTEGER *total,
                                ULARGE_INTEGER *total_free)
{
    WCHAR *w = root ? kb_strdup_AtoW(root) : NULL;
    BOOL ret = (!root || w) && GetDiskFreeSpaceExW(w, avail, total, total_free);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/***********************************************************************
 *           GetDiskFreeSpaceW   (kernelbase.@)
 *
 * Cluster counts are capped at 0xffffffff, as Windows caps them.
 */
BOOL WINAPI GetDiskFreeSpaceW(LPCWSTR root, DWORD *sectors_per_cluster, DWORD *bytes_per_sector,
                              DWORD *free_clusters, DWORD *total_clusters)
{
    struct { ULONGLONG total, avail; ULONG sectors_per_unit, bytes_per_sector; } info;
    NTSTATUS status = query_root(root, &info, sizeof(info), FileFsSizeInformation);
    if (status)
        return set_ntstatus(status);
    if (sectors_per_cluster)
        *sectors_per_cluster = info.sectors_per_unit;
    if (bytes_per_sector)
        *bytes_per_sector = info.bytes_per_sector;
    if (free_clusters)
        *free_clusters = info.avail > 0xffffffff ? 0xffffffff : info.avail;
    if (total_clusters)
        *total_clusters = info.total > 0xffffffff ? 0xffffffff : info.total;
    return TRUE;
}

BOOL WINAPI GetDiskFreeSpaceA(LPCSTR root, DWORD *spc, DWORD *bps, DWORD *free_clusters, DWORD *total)
{
    WCHAR *w = root ? kb_strdup_AtoW(root) : NULL;
    BOOL ret = (!root || w) && GetDiskFreeSpaceW(w, spc, bps, free_clusters, total);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

static BOOL copy_name(const WCHAR *src, ULONG bytes, WCHAR *dst, DWORD size)
{
    ULONG n = bytes / sizeof(WCHAR);
    if (!dst)
        return TRUE;
    if (n + 1 > size) {
        SetLastError(ERROR_BAD_LENGTH);
        return FALSE;
    }
    memcpy(dst, src, bytes);
    dst[n] = 0;
    return TRUE;
}

/* The volume information of the volume holding an open file or folder. */
static BOOL volume_information(HANDLE handle, LPWSTR label, DWORD label_size, DWORD *serial,
                               DWORD *max_component, DWORD *flags, LPWSTR fs_name, DWORD fs_name_size)
{
    union { FILE_FS_VOLUME_INFORMATION v; BYTE buf[sizeof(FILE_FS_VOLUME_INFORMATION) + 64 * sizeof(WCHAR)]; } vol;
    union { FILE_FS_ATTRIBUTE_INFORMATION a; BYTE buf[sizeof(FILE_FS_ATTRIBUTE_INFORMATION) + 64 * sizeof(WCHAR)]; } attr;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    if ((status = NtQueryVolumeInformationFile(handle, &io, &vol, sizeof(vol), FileFsVolumeInformation)) ||
        (status = NtQueryVolumeInformationFile(handle, &io, &attr, sizeof(attr), FileFsAttributeInformation)))
        return set_ntstatus(status);
    if (!copy_name(vol.v.VolumeLabel, vol.v.VolumeLabelLength, label, label_size) ||
        !copy_name(attr.a.FileSystemName, attr.a.FileSystemNameLength, fs_name, fs_name_size))
        return FALSE;
    if (serial)
        *serial = vol.v.VolumeSerialNumber;
    if (max_component)
        *max_component = attr.a.MaximumComponentNameLength;
    if (flags)
        *flags = attr.a.FileSystemAttributes;
    return TRUE;
}

/***********************************************************************
 *           GetVolumeInformationW   (kernelbase.@)
 */
BOOL WINAPI GetVolumeInformationW(LPCWSTR root, LPWSTR label, DWORD label_size, DWORD *serial,
                                  DWORD *max_component, DWORD *flags, LPWSTR fs_name, DWORD fs_name_size)
{
    HANDLE handle;
    NTSTATUS status;
    BOOL ret;

    if (root && root[0] && (root[1] != ':' || root[2] != '\\' || root[3]) &&
        !(root[0] == '\\' && root[1] == '\\')) {
        SetLastError(ERROR_INVALID_NAME);  /* documented: a root with its trailing backslash */
        return FALSE;
    }
    if ((status = open_root(root, &handle)))
        return set_ntstatus(status);
    ret = volume_information(handle, label, label_size, serial, max_component, flags, fs_name, fs_name_size);
    NtClose(handle);
    return ret;
}

/***********************************************************************
 *           GetVolumeInformationByHandleW   (kernelbase.@)
 *
 * The same for the volume of an open file (Go's os.ReadDir asks it of every folder it lists).
 */
BOOL WINAPI GetVolumeInformationByHandleW(HANDLE file, LPWSTR label, DWORD label_size, DWORD *serial,
                                          DWORD *max_component, DWORD *flags, LPWSTR fs_name,
                                          DWORD fs_name_size)
{
    return volume_information(file, label, label_size, serial, max_component, flags, fs_name, fs_name_size);
}

BOOL WINAPI GetVolumeInformationA(LPCSTR root, LPSTR label, DWORD label_size, DWORD *serial,
                                  DWORD *max_component, DWORD *flags, LPSTR fs_name, DWORD fs_name_size)
{
    WCHAR *w = root ? kb_strdup_AtoW(root) : NULL, wlabel[MAX_PATH + 1], wfs[MAX_PATH + 1];
    BOOL ret = (!root || w) && GetVolumeInformationW(w, wlabel, MAX_PATH + 1, serial, max_component,
                                                     flags, wfs, MAX_PATH + 1);
    HeapFree(GetProcessHeap(), 0, w);
    if (ret && label && label_size)
        kb_copy_WtoA(wlabel, lstrlenW(wlabel), label, label_size);
    if (ret && fs_name && fs_name_size)
        kb_copy_WtoA(wfs, lstrlenW(wfs), fs_name, fs_name_size);
    return ret;
}

/***********************************************************************
 *           GetLogicalDrives   (kernelbase.@)
 *
 * A bit per drive whose root exists (the prefix's dosdevices, plus C: and Z:).
 */
DWORD WINAPI GetLogicalDrives(void)
{
    DWORD mask = 0;
    for (int i = 0; i < 26; i++) {
        WCHAR root[4] = { 'A' + i, ':', '\\', 0 };
        HANDLE handle;
        if (!open_root(root, &handle)) {
            NtClose(handle);
            mask |= 1u << i;
        }
    }
    if (!mask)
        SetLastError(ERROR_PATH_NOT_FOUND);
    return mask;
}

/***********************************************************************
 *           GetLogicalDriveStringsW   (kernelbase.@)
 *
 * "C:\<NUL>Z:\<NUL><NUL>"; returns the length without the final NUL, or the size needed.
 */
DWORD WINAPI GetLogicalDriveStringsW(DWORD size, LPWSTR buffer)
{
    DWORD mask = GetLogicalDrives(), count = 0, len = 0;
    for (int i = 0; i < 26; i++)
        count += (mask >> i) & 1;
    if (count * 4 + 1 > size)
        return count * 4 + 1;
    for (int i = 0; i < 26; i++) {
        if (!((mask >> i) & 1))
            continue;
        buffer[len++] = 'A' + i;
        buffer[len++] = ':';
        buffer[len++] = '\\';
        buffer[len++] = 0;
    }
    buffer[len] = 0;
    return len;
}

DWORD WINAPI GetLogicalDriveStringsA(DWORD size, LPSTR buffer)
{
    WCHAR w[26 * 4 + 1];
    DWORD len = GetLogicalDriveStringsW(ARRAYSIZE(w), w);
    if (len + 1 > size)
        return len + 1;
    for (DWORD i = 0; i <= len; i++)
        buffer[i] = (char)w[i];
    return len;
}
