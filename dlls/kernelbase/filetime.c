/* filetime.c: file times: get/set on handles, comparisons, DOS dates and local time. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(file);

static LONGLONG ft64(const FILETIME *ft)
{
    return ((LONGLONG)ft->dwHighDateTime << 32) | ft->dwLowDateTime;
}

static void set_ft(FILETIME *ft, LONGLONG t)
{
    ft->dwLowDateTime = (DWORD)t;
    ft->dwHighDateTime = (DWORD)(t >> 32);
}

/***********************************************************************
 *           GetFileTime   (kernelbase.@)
 */
BOOL WINAPI GetFileTime(HANDLE file, FILETIME *creation, FILETIME *access, FILETIME *write)
{
    FILE_BASIC_INFORMATION info;
    IO_STATUS_BLOCK io;
    NTSTATUS status = NtQueryInformationFile(file, &io, &info, sizeof(info), FileBasicInformation);
    if (status)
        return set_ntstatus(status);
    if (creation)
        set_ft(creation, info.CreationTime.QuadPart);
    if (access)
        set_ft(access, info.LastAccessTime.QuadPart);
    if (write)
        set_ft(write, info.LastWriteTime.QuadPart);
    return TRUE;
}

/***********************************************************************
 *           SetFileTime   (kernelbase.@)
 *
 * A NULL or zero time is left as it is. Linux keeps no settable creation time.
 */
BOOL WINAPI SetFileTime(HANDLE file, const FILETIME *creation, const FILETIME *access,
                        const FILETIME *write)
{
    FILE_BASIC_INFORMATION info = { 0 };
    IO_STATUS_BLOCK io;
    if (creation)
        info.CreationTime.QuadPart = ft64(creation);
    if (access)
        info.LastAccessTime.QuadPart = ft64(access);
    if (write)
        info.LastWriteTime.QuadPart = ft64(write);
    return set_ntstatus(NtSetInformationFile(file, &io, &info, sizeof(info), FileBasicInformation));
}

/***********************************************************************
 *           CompareFileTime   (kernelbase.@)
 */
LONG WINAPI CompareFileTime(const FILETIME *a, const FILETIME *b)
{
    if (!a || !b)
        return -1;
    ULONGLONG x = ((ULONGLONG)a->dwHighDateTime << 32) | a->dwLowDateTime;
    ULONGLONG y = ((ULONGLONG)b->dwHighDateTime << 32) | b->dwLowDateTime;
    return x < y ? -1 : x > y;
}

/***********************************************************************
 *           FileTimeToLocalFileTime   (kernelbase.@)
 *
 * As documented, with the time zone's current bias (not the one at the given time).
 */
BOOL WINAPI FileTimeToLocalFileTime(const FILETIME *utc, FILETIME *local)
{
    LONG bias;
    NTSTATUS status;
    if (!utc || !local) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if ((status = __vinho_time_zone_bias(0, &bias)))
        return set_ntstatus(status);
    set_ft(local, ft64(utc) - (LONGLONG)bias * 600000000);
    return TRUE;
}

/***********************************************************************
 *           LocalFileTimeToFileTime   (kernelbase.@)
 */
BOOL WINAPI LocalFileTimeToFileTime(const FILETIME *local, FILETIME *utc)
{
    LONG bias;
    NTSTATUS status;
    if (!utc || !local) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if ((status = __vinho_time_zone_bias(0, &bias)))
        return set_ntstatus(status);
    set_ft(utc, ft64(local) + (LONGLONG)bias * 600000000);
    return TRUE;
}

/***********************************************************************
 *           FileTimeToDosDateTime   (kernelbase.@)
 *
 * DOS dates: bits 9-15 years since 1980, 5-8 month, 0-4 day; times: 11-15 hours, 5-10 minutes,
 * 0-4 seconds / 2. Only 1980 to 2107 can be held.
 */
BOOL WINAPI FileTimeToDosDateTime(const FILETIME *ft, WORD *date, WORD *time)
{
    SYSTEMTIME st;
    if (!ft || !date || !time) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!FileTimeToSystemTime(ft, &st))
        return FALSE;
    if (st.wYear < 1980 || st.wYear > 2107) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *date = ((st.wYear - 1980) << 9) | (st.wMonth << 5) | st.wDay;
    *time = (st.wHour << 11) | (st.wMinute << 5) | (st.wSecond / 2);
    return TRUE;
}

/***********************************************************************
 *           DosDateTimeToFileTime   (kernelbase.@)
 */
BOOL WINAPI DosDateTimeToFileTime(WORD date, WORD time, FILETIME *ft)
{
    SYSTEMTIME st = { 0 };
    if (!ft) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    st.wYear = (date >> 9) + 1980;
    st.wMonth = (date >> 5) & 15;
    st.wDay = date & 31;
    st.wHour = time >> 11;
    st.wMinute = (time >> 5) & 63;
    st.wSecond = (time & 31) * 2;
    return SystemTimeToFileTime(&st, ft);
}
