/* mapping.c: file mappings (sections) and their views. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(virtual);

/* The NT name of a Win32 object name: under the session's \BaseNamedObjects, as Win32 names go. */
static BOOL session_name(LPCWSTR name, UNICODE_STRING *us, WCHAR *buffer, size_t size)
{
    static const WCHAR dir[] = L"\\Sessions\\1\\BaseNamedObjects\\";
    size_t dlen = ARRAYSIZE(dir) - 1, len = lstrlenW(name);
    if (dlen + len + 1 > size) {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return FALSE;
    }
    memcpy(buffer, dir, dlen * sizeof(WCHAR));
    memcpy(buffer + dlen, name, (len + 1) * sizeof(WCHAR));
    RtlInitUnicodeString(us, buffer);
    return TRUE;
}

/***********************************************************************
 *           CreateFileMappingW   (kernelbase.@)
 *
 * INVALID_HANDLE_VALUE asks for a pagefile-backed mapping. Names live in the session's
 * namespace (process-local until there is a server).
 */
HANDLE WINAPI CreateFileMappingW(HANDLE file, SECURITY_ATTRIBUTES *sa, DWORD protect,
                                 DWORD size_high, DWORD size_low, LPCWSTR name)
{
    static const DWORD sec_flags = SEC_COMMIT | SEC_IMAGE | SEC_RESERVE | SEC_NOCACHE | SEC_LARGE_PAGES;
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING uname;
    LARGE_INTEGER size;
    ACCESS_MASK access = STANDARD_RIGHTS_REQUIRED | SECTION_QUERY | SECTION_MAP_READ;
    ULONG page = protect & ~sec_flags, flags = protect & sec_flags;
    WCHAR buffer[MAX_PATH + 40];
    HANDLE handle;
    NTSTATUS status;

    TRACE("%p %#x %#x%08x %s\n", file, protect, size_high, size_low, debugstr_w(name));
    if (!flags)
        flags = SEC_COMMIT;
    if (page == PAGE_READWRITE || page == PAGE_EXECUTE_READWRITE)
        access |= SECTION_MAP_WRITE;
    if (page == PAGE_EXECUTE_READ || page == PAGE_EXECUTE_READWRITE || page == PAGE_EXECUTE_WRITECOPY)
        access |= SECTION_MAP_EXECUTE;
    if (file == INVALID_HANDLE_VALUE) {
        file = NULL;
        if (!size_high && !size_low) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return NULL;
        }
    }
    size.u.LowPart = size_low;
    size.u.HighPart = size_high;
    InitializeObjectAttributes(&attr, NULL, OBJ_OPENIF, NULL, sa ? sa->lpSecurityDescriptor : NULL);
    if (sa && sa->bInheritHandle)
        attr.Attributes |= OBJ_INHERIT;
    if (name && *name) {
        if (!session_name(name, &uname, buffer, ARRAYSIZE(buffer)))
            return NULL;
        attr.ObjectName = &uname;
    }
    status = NtCreateSection(&handle, access, &attr, &size, page, flags, file);
    if (status == STATUS_OBJECT_NAME_EXISTS) {
        SetLastError(ERROR_ALREADY_EXISTS);
        return handle;
    }
    if (status) {
        set_ntstatus(status);
        return NULL;
    }
    SetLastError(ERROR_SUCCESS);
    return handle;
}

HANDLE WINAPI CreateFileMappingA(HANDLE file, SECURITY_ATTRIBUTES *sa, DWORD protect,
                                 DWORD size_high, DWORD size_low, LPCSTR name)
{
    WCHAR *w = name ? kb_strdup_AtoW(name) : NULL;
    HANDLE ret = NULL;
    if (!name || w)
        ret = CreateFileMappingW(file, sa, protect, size_high, size_low, w);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/***********************************************************************
 *           OpenFileMappingW   (kernelbase.@)
 */
HANDLE WINAPI OpenFileMappingW(DWORD access, BOOL inherit, LPCWSTR name)
{
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING uname;
    WCHAR buffer[MAX_PATH + 40];
    HANDLE handle;
    NTSTATUS status;

    if (!name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!session_name(name, &uname, buffer, ARRAYSIZE(buffer)))
        return NULL;
    InitializeObjectAttributes(&attr, &uname, inherit ? OBJ_INHERIT : 0, NULL, NULL);
    if (access == FILE_MAP_COPY)
        access = SECTION_MAP_READ;
    if ((status = NtOpenSection(&handle, access, &attr))) {
        set_ntstatus(status);
        return NULL;
    }
    return handle;
}

HANDLE WINAPI OpenFileMappingA(DWORD access, BOOL inherit, LPCSTR name)
{
    WCHAR *w = name ? kb_strdup_AtoW(name) : NULL;
    HANDLE ret = NULL;
    if (!name)
        SetLastError(ERROR_INVALID_PARAMETER);
    else if (w)
        ret = OpenFileMappingW(access, inherit, w);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/***********************************************************************
 *           MapViewOfFileEx   (kernelbase.@)
 */
LPVOID WINAPI MapViewOfFileEx(HANDLE mapping, DWORD access, DWORD offset_high, DWORD offset_low,
                              SIZE_T count, LPVOID addr)
{
    LARGE_INTEGER offset;
    ULONG protect;
    NTSTATUS status;

    offset.u.LowPart = offset_low;
    offset.u.HighPart = offset_high;
    /* FILE_MAP_ALL_ACCESS holds FILE_MAP_COPY's bit: copy-on-write is FILE_MAP_COPY alone. */
    if ((access & ~FILE_MAP_EXECUTE) == FILE_MAP_COPY)
        protect = access & FILE_MAP_EXECUTE ? PAGE_EXECUTE_WRITECOPY : PAGE_WRITECOPY;
    else if (access & FILE_MAP_WRITE)
        protect = access & FILE_MAP_EXECUTE ? PAGE_EXECUTE_READWRITE : PAGE_READWRITE;
    else if (access & FILE_MAP_READ)
        protect = access & FILE_MAP_EXECUTE ? PAGE_EXECUTE_READ : PAGE_READONLY;
    else
        protect = PAGE_NOACCESS;
    if ((status = NtMapViewOfSection(mapping, GetCurrentProcess(), &addr, 0, 0, &offset, &count,
                                     1 /* ViewShare */, 0, protect))) {
        set_ntstatus(status);
        return NULL;
    }
    return addr;
}

LPVOID WINAPI MapViewOfFile(HANDLE mapping, DWORD access, DWORD offset_high, DWORD offset_low, SIZE_T count)
{
    return MapViewOfFileEx(mapping, access, offset_high, offset_low, count, NULL);
}

/***********************************************************************
 *           UnmapViewOfFile   (kernelbase.@)
 */
BOOL WINAPI UnmapViewOfFile(LPCVOID addr)
{
    return set_ntstatus(NtUnmapViewOfSection(GetCurrentProcess(), (void *)addr));
}

/***********************************************************************
 *           FlushViewOfFile   (kernelbase.@)
 */
BOOL WINAPI FlushViewOfFile(LPCVOID addr, SIZE_T size)
{
    IO_STATUS_BLOCK io;
    void *base = (void *)addr;
    return set_ntstatus(NtFlushVirtualMemory(GetCurrentProcess(), &base, &size, &io));
}
