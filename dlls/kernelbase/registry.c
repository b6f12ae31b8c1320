/* registry.c: the Win32 registry API (Reg*) over the NT key calls; advapi32 forwards here. */
#include "kernelbase.h"
#include "vinho/regdefs.h"

DEFAULT_DEBUG_CHANNEL(reg);

/* Root keys of the predefined handles, in the order of their values (0x80000000 + n). */
static const WCHAR *const predefined_paths[] = {
    L"\\Registry\\Machine\\Software\\Classes",                          /* HKEY_CLASSES_ROOT */
    L"\\Registry\\User\\" VN_USER_SID_STRING_W,                         /* HKEY_CURRENT_USER */
    L"\\Registry\\Machine",                                             /* HKEY_LOCAL_MACHINE */
    L"\\Registry\\User",                                                /* HKEY_USERS */
    NULL,                                                               /* HKEY_PERFORMANCE_DATA */
    L"\\Registry\\Machine\\System\\CurrentControlSet\\Hardware Profiles\\Current", /* CURRENT_CONFIG */
};
#define NB_PREDEFINED (sizeof(predefined_paths) / sizeof(predefined_paths[0]))
static HANDLE predefined_handles[NB_PREDEFINED];
/* Longest key name (a path component): 255 characters. */
#define MAX_KEY_NAME_CHARS 255

static BOOL is_predefined(HKEY hkey)
{
    ULONG_PTR v = (ULONG_PTR)hkey;
    return v >= (ULONG_PTR)HKEY_CLASSES_ROOT && v < (ULONG_PTR)HKEY_CLASSES_ROOT + 0x10;
}

/* The NT handle behind hkey; predefined keys are opened once, on first use. */
static NTSTATUS get_key(HKEY hkey, HANDLE *out)
{
    ULONG index;
    HANDLE handle, old;
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING name;
    NTSTATUS status;
    if (!is_predefined(hkey)) {
        *out = hkey;
        return hkey ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
    }
    index = (ULONG)((ULONG_PTR)hkey - (ULONG_PTR)HKEY_CLASSES_ROOT);
    if (index >= NB_PREDEFINED || !predefined_paths[index]) {
        FIXME("predefined key %p not implemented\n", hkey);
        return STATUS_INVALID_HANDLE;
    }
    if ((*out = predefined_handles[index]))
        return STATUS_SUCCESS;
    RtlInitUnicodeString(&name, predefined_paths[index]);
    InitializeObjectAttributes(&attr, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
    if ((status = NtOpenKeyEx(&handle, MAXIMUM_ALLOWED, &attr, 0)))
        return status;
    old = InterlockedCompareExchangePointer(&predefined_handles[index], handle, NULL);
    if (old) {                      /* another thread was first */
        NtClose(handle);
        handle = old;
    }
    *out = handle;
    return STATUS_SUCCESS;
}

static LONG dos_error(NTSTATUS status)
{
    return status ? (LONG)RtlNtStatusToDosError(status) : ERROR_SUCCESS;
}

/***********************************************************************
 *           RegOpenKeyExW   (kernelbase.@)
 *
 * A NULL or empty subkey opens a new handle to hkey itself.
 */
LSTATUS WINAPI RegOpenKeyExW(HKEY hkey, LPCWSTR subkey, DWORD options, REGSAM access, PHKEY result)
{
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING name;
    HANDLE root, handle;
    NTSTATUS status;
    TRACE("%p %s %#lx %#lx\n", hkey, debugstr_w(subkey), options, access);
    if (!result)
        return ERROR_INVALID_PARAMETER;
    if (options & ~REG_OPTION_OPEN_LINK)
        return ERROR_INVALID_PARAMETER;
    if ((status = get_key(hkey, &root)))
        return dos_error(status);
    RtlInitUnicodeString(&name, subkey ? subkey : L"");
    InitializeObjectAttributes(&attr, &name, OBJ_CASE_INSENSITIVE, root, NULL);
    status = NtOpenKeyEx(&handle, access & ~(KEY_WOW64_64KEY | KEY_WOW64_32KEY), &attr, options);
    if (!status)
        *result = handle;
    return dos_error(status);
}

LSTATUS WINAPI RegOpenKeyW(HKEY hkey, LPCWSTR subkey, PHKEY result)
{
    if (!result)
        return ERROR_INVALID_PARAMETER;
    if (!subkey || !*subkey) {
        *result = hkey;     /* documented: the same handle comes back */
        return ERROR_SUCCESS;
    }
    return RegOpenKeyExW(hkey, subkey, 0, MAXIMUM_ALLOWED, result);
}

/* An A name as W on the heap; *out NULL for a NULL name. */
static LONG name_AtoW(LPCSTR name, WCHAR **out)
{
    *out = NULL;
    if (name && !(*out = kb_strdup_AtoW(name)))
        return ERROR_NOT_ENOUGH_MEMORY;
    return ERROR_SUCCESS;
}

static void free_w(WCHAR *w)
{
    HeapFree(GetProcessHeap(), 0, w);
}

LSTATUS WINAPI RegOpenKeyExA(HKEY hkey, LPCSTR subkey, DWORD options, REGSAM access, PHKEY result)
{
    WCHAR *w;
    LONG ret = name_AtoW(subkey, &w);
    if (ret)
        return ret;
    ret = RegOpenKeyExW(hkey, w, options, access, result);
    free_w(w);
    return ret;
}

LSTATUS WINAPI RegOpenKeyA(HKEY hkey, LPCSTR subkey, PHKEY result)
{
    WCHAR *w;
    LONG ret = name_AtoW(subkey, &w);
    if (ret)
        return ret;
    ret = RegOpenKeyW(hkey, w, result);
    free_w(w);
    return ret;
}

/***********************************************************************
 *           RegCreateKeyExW   (kernelbase.@)
 *
 * Creates every missing key on the path (NtCreateKey makes one level at a time).
 */
LSTATUS WINAPI RegCreateKeyExW(HKEY hkey, LPCWSTR subkey, DWORD reserved, LPWSTR class_name,
                               DWORD options, REGSAM access, LPSECURITY_ATTRIBUTES sa,
                               PHKEY result, LPDWORD disposition)
{
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING name, cls;
    HANDLE root, handle = NULL;
    const WCHAR *p = subkey ? subkey : L"";
    ULONG disp = REG_OPENED_EXISTING_KEY;
    NTSTATUS status;
    TRACE("%p %s %#lx %#lx\n", hkey, debugstr_w(subkey), options, access);
    if (!result || reserved)
        return ERROR_INVALID_PARAMETER;
    if (options & ~(REG_OPTION_VOLATILE | REG_OPTION_BACKUP_RESTORE | REG_OPTION_CREATE_LINK | REG_OPTION_OPEN_LINK))
        return ERROR_INVALID_PARAMETER;
    if ((status = get_key(hkey, &root)))
        return dos_error(status);
    access &= ~(KEY_WOW64_64KEY | KEY_WOW64_32KEY);
    RtlInitUnicodeString(&cls, class_name ? class_name : L"");
    do {
        const WCHAR *end = p;
        HANDLE parent = handle ? handle : root;
        while (*end && *end != '\\')
            end++;
        name.Buffer = (WCHAR *)p;
        name.Length = name.MaximumLength = (USHORT)((end - p) * sizeof(WCHAR));
        InitializeObjectAttributes(&attr, &name, OBJ_CASE_INSENSITIVE, parent, NULL);
        status = NtCreateKey(&handle, *end ? KEY_CREATE_SUB_KEY : access, &attr, 0,
                             class_name ? &cls : NULL, options, &disp);
        if (parent != root)
            NtClose(parent);
        if (status)
            return dos_error(status);
        p = *end ? end + 1 : end;
    } while (*p);
    *result = handle;
    if (disposition)
        *disposition = disp;
    return ERROR_SUCCESS;
}

LSTATUS WINAPI RegCreateKeyExA(HKEY hkey, LPCSTR subkey, DWORD reserved, LPSTR class_name,
                               DWORD options, REGSAM access, LPSECURITY_ATTRIBUTES sa,
                               PHKEY result, LPDWORD disposition)
{
    WCHAR *w, *wclass;
    LONG ret = name_AtoW(subkey, &w);
    if (ret)
        return ret;
    if ((ret = name_AtoW(class_name, &wclass))) {
        free_w(w);
        return ret;
    }
    ret = RegCreateKeyExW(hkey, w, reserved, wclass, options, access, sa, result, disposition);
    free_w(w);
    free_w(wclass);
    return ret;
}

LSTATUS WINAPI RegCreateKeyW(HKEY hkey, LPCWSTR subkey, PHKEY result)
{
    return RegCreateKeyExW(hkey, subkey, 0, NULL, 0, MAXIMUM_ALLOWED, NULL, result, NULL);
}

/***********************************************************************
 *           RegCloseKey   (kernelbase.@)
 */
LSTATUS WINAPI RegCloseKey(HKEY hkey)
{
    if (!hkey)
        return ERROR_INVALID_HANDLE;
    if (is_predefined(hkey))
        return ERROR_SUCCESS;
    return dos_error(NtClose(hkey));
}

LSTATUS WINAPI RegFlushKey(HKEY hkey)
{
    HANDLE key;
    NTSTATUS status = get_key(hkey, &key);
    return dos_error(status ? status : NtFlushKey(key));
}

/* A value's type and data, in a heap block the caller frees (free_w). */
static NTSTATUS query_value(HANDLE key, const WCHAR *name, struct vn_key_value_partial_information **out)
{
    UNICODE_STRING us;
    ULONG size = 256, needed;
    NTSTATUS status;
    RtlInitUnicodeString(&us, name ? name : L"");
    for (;;) {
        struct vn_key_value_partial_information *info = HeapAlloc(GetProcessHeap(), 0, size);
        if (!info)
            return STATUS_NO_MEMORY;
        status = NtQueryValueKey(key, &us, VN_KEY_VALUE_PARTIAL_INFORMATION, info, size, &needed);
        if (!status) {
            *out = info;
            return STATUS_SUCCESS;
        }
        HeapFree(GetProcessHeap(), 0, info);
        if (status != STATUS_BUFFER_OVERFLOW && status != STATUS_BUFFER_TOO_SMALL)
            return status;
        size = needed;
    }
}

/***********************************************************************
 *           RegQueryValueExW   (kernelbase.@)
 *
 * data NULL: *count receives the size. A buffer too small: ERROR_MORE_DATA and the size in
 * *count. Strings come back as stored: with their terminator only if it was stored.
 */
LSTATUS WINAPI RegQueryValueExW(HKEY hkey, LPCWSTR name, LPDWORD reserved, LPDWORD type,
                                LPBYTE data, LPDWORD count)
{
    struct vn_key_value_partial_information *info;
    HANDLE key;
    NTSTATUS status;
    LONG ret = ERROR_SUCCESS;
    TRACE("%p %s %p %p\n", hkey, debugstr_w(name), data, count);
    if ((data && !count) || reserved)
        return ERROR_INVALID_PARAMETER;
    if ((status = get_key(hkey, &key)) || (status = query_value(key, name, &info)))
        return dos_error(status);
    if (type)
        *type = info->Type;
    if (data && *count < info->DataLength)
        ret = ERROR_MORE_DATA;
    else if (data)
        memcpy(data, info->Data, info->DataLength);
    if (count)
        *count = info->DataLength;
    HeapFree(GetProcessHeap(), 0, info);
    return ret;
}

static BOOL is_string_type(DWORD type)
{
    return type == REG_SZ || type == REG_EXPAND_SZ || type == REG_MULTI_SZ;
}

/***********************************************************************
 *           RegQueryValueExA   (kernelbase.@)
 *
 * String types are converted to the ANSI code page; sizes are those of the converted data.
 */
LSTATUS WINAPI RegQueryValueExA(HKEY hkey, LPCSTR name, LPDWORD reserved, LPDWORD type,
                                LPBYTE data, LPDWORD count)
{
    struct vn_key_value_partial_information *info;
    HANDLE key;
    WCHAR *wname;
    NTSTATUS status;
    DWORD size;
    LONG ret;
    if ((data && !count) || reserved)
        return ERROR_INVALID_PARAMETER;
    if ((ret = name_AtoW(name, &wname)))
        return ret;
    status = get_key(hkey, &key);
    if (!status)
        status = query_value(key, wname, &info);
    free_w(wname);
    if (status)
        return dos_error(status);
    size = info->DataLength;
    if (is_string_type(info->Type))
        size = WideCharToMultiByte(CP_ACP, 0, (WCHAR *)info->Data, info->DataLength / sizeof(WCHAR),
                                   NULL, 0, NULL, NULL);
    if (type)
        *type = info->Type;
    if (data && *count < size)
        ret = ERROR_MORE_DATA;
    else if (data && is_string_type(info->Type))
        WideCharToMultiByte(CP_ACP, 0, (WCHAR *)info->Data, info->DataLength / sizeof(WCHAR),
                            (char *)data, size, NULL, NULL);
    else if (data)
        memcpy(data, info->Data, size);
    if (count)
        *count = size;
    HeapFree(GetProcessHeap(), 0, info);
    return ret;
}

/***********************************************************************
 *           RegSetValueExW   (kernelbase.@)
 */
LSTATUS WINAPI RegSetValueExW(HKEY hkey, LPCWSTR name, DWORD reserved, DWORD type,
                              const BYTE *data, DWORD count)
{
    UNICODE_STRING us;
    HANDLE key;
    NTSTATUS status;
    TRACE("%p %s type %lu size %lu\n", hkey, debugstr_w(name), type, count);
    if (reserved || (count && !data))
        return ERROR_INVALID_PARAMETER;
    if ((status = get_key(hkey, &key)))
        return dos_error(status);
    RtlInitUnicodeString(&us, name ? name : L"");
    return dos_error(NtSetValueKey(key, &us, 0, type, data, count));
}

LSTATUS WINAPI RegSetValueExA(HKEY hkey, LPCSTR name, DWORD reserved, DWORD type,
                              const BYTE *data, DWORD count)
{
    WCHAR *wname, *wdata = NULL;
    LONG ret;
    if (reserved || (count && !data))
        return ERROR_INVALID_PARAMETER;
    if ((ret = name_AtoW(name, &wname)))
        return ret;
    if (is_string_type(type) && count) {
        int n = MultiByteToWideChar(CP_ACP, 0, (const char *)data, count, NULL, 0);
        if (!(wdata = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR)))) {
            free_w(wname);
            return ERROR_NOT_ENOUGH_MEMORY;
        }
        MultiByteToWideChar(CP_ACP, 0, (const char *)data, count, wdata, n);
        data = (const BYTE *)wdata;
        count = n * sizeof(WCHAR);
    }
    ret = RegSetValueExW(hkey, wname, 0, type, data, count);
    free_w(wname);
    free_w(wdata);
    return ret;
}

LSTATUS WINAPI RegSetKeyValueW(HKEY hkey, LPCWSTR subkey, LPCWSTR name, DWORD type,
                               LPCVOID data, DWORD count)
{
    HKEY key = hkey;
    LONG ret;
    if (subkey && *subkey && (ret = RegCreateKeyExW(hkey, subkey, 0, NULL, 0, KEY_SET_VALUE,
                                                   NULL, &key, NULL)))
        return ret;
    ret = RegSetValueExW(key, name, 0, type, data, count);
    if (key != hkey)
        RegCloseKey(key);
    return ret;
}

/* An NT query into a heap block that grows until the answer fits. */
static NTSTATUS query_alloc(HANDLE key, ULONG index, ULONG info_class, BOOL values, void **out)
{
    ULONG size = 512, needed;
    NTSTATUS status;
    for (;;) {
        void *info = HeapAlloc(GetProcessHeap(), 0, size);
        if (!info)
            return STATUS_NO_MEMORY;
        if (values)
            status = NtEnumerateValueKey(key, index, info_class, info, size, &needed);
        else if (index == ~0u)
            status = NtQueryKey(key, info_class, info, size, &needed);
        else
            status = NtEnumerateKey(key, index, info_class, info, size, &needed);
        if (!status) {
            *out = info;
            return STATUS_SUCCESS;
        }
        HeapFree(GetProcessHeap(), 0, info);
        if (status != STATUS_BUFFER_OVERFLOW && status != STATUS_BUFFER_TOO_SMALL)
            return status;
        size = needed;
    }
}

/***********************************************************************
 *           RegEnumKeyExW   (kernelbase.@)
 *
 * *name_len: in, the buffer's size in characters; out, the name's length without terminator.
 * A buffer without room for name and terminator gives ERROR_MORE_DATA.
 */
LSTATUS WINAPI RegEnumKeyExW(HKEY hkey, DWORD index, LPWSTR name, LPDWORD name_len, LPDWORD reserved,
                             LPWSTR class_name, LPDWORD class_len, PFILETIME last_write)
{
    struct vn_key_node_information *info;
    HANDLE key;
    NTSTATUS status;
    DWORD n, c;
    LONG ret = ERROR_SUCCESS;
    if (!name || !name_len || reserved || (class_name && !class_len))
        return ERROR_INVALID_PARAMETER;
    if ((status = get_key(hkey, &key)) || (status = query_alloc(key, index, VN_KEY_NODE_INFORMATION, FALSE, (void **)&info)))
        return dos_error(status);
    n = info->NameLength / sizeof(WCHAR);
    c = info->ClassLength / sizeof(WCHAR);
    if (n >= *name_len || (class_name && c >= *class_len)) {
        ret = ERROR_MORE_DATA;
    } else {
        memcpy(name, info->Name, n * sizeof(WCHAR));
        name[n] = 0;
        *name_len = n;
        if (class_name) {
            memcpy(class_name, (char *)info + info->ClassOffset, c * sizeof(WCHAR));
            class_name[c] = 0;
        }
        if (class_len)
            *class_len = c;
        if (last_write) {
            last_write->dwLowDateTime = info->LastWriteTime.u.LowPart;
            last_write->dwHighDateTime = info->LastWriteTime.u.HighPart;
        }
    }
    HeapFree(GetProcessHeap(), 0, info);
    return ret;
}

LSTATUS WINAPI RegEnumKeyW(HKEY hkey, DWORD index, LPWSTR name, DWORD size)
{
    return RegEnumKeyExW(hkey, index, name, &size, NULL, NULL, NULL, NULL);
}

/***********************************************************************
 *           RegEnumValueW   (kernelbase.@)
 */
LSTATUS WINAPI RegEnumValueW(HKEY hkey, DWORD index, LPWSTR name, LPDWORD name_len, LPDWORD reserved,
                             LPDWORD type, LPBYTE data, LPDWORD count)
{
    struct vn_key_value_full_information *info;
    HANDLE key;
    NTSTATUS status;
    DWORD n;
    LONG ret = ERROR_SUCCESS;
    if (!name || !name_len || reserved || (data && !count))
        return ERROR_INVALID_PARAMETER;
    if ((status = get_key(hkey, &key)) || (status = query_alloc(key, index, VN_KEY_VALUE_FULL_INFORMATION, TRUE, (void **)&info)))
        return dos_error(status);
    n = info->NameLength / sizeof(WCHAR);
    if (n >= *name_len) {
        ret = ERROR_MORE_DATA;
    } else {
        memcpy(name, info->Name, n * sizeof(WCHAR));
        name[n] = 0;
        *name_len = n;
        if (type)
            *type = info->Type;
        if (data && *count < info->DataLength)
            ret = ERROR_MORE_DATA;
        else if (data)
            memcpy(data, (char *)info + info->DataOffset, info->DataLength);
        if (count)
            *count = info->DataLength;
    }
    HeapFree(GetProcessHeap(), 0, info);
    return ret;
}

/***********************************************************************
 *           RegDeleteKeyExW   (kernelbase.@)
 *
 * The key must have no subkeys (ERROR_ACCESS_DENIED otherwise, as on Windows).
 */
LSTATUS WINAPI RegDeleteKeyExW(HKEY hkey, LPCWSTR subkey, REGSAM access, DWORD reserved)
{
    HKEY key;
    LONG ret;
    if (!subkey)
        return ERROR_INVALID_PARAMETER;
    if ((ret = RegOpenKeyExW(hkey, subkey, 0, DELETE | access, &key)))
        return ret;
    ret = dos_error(NtDeleteKey(key));
    RegCloseKey(key);
    return ret;
}

LSTATUS WINAPI RegDeleteKeyW(HKEY hkey, LPCWSTR subkey)
{
    return RegDeleteKeyExW(hkey, subkey, 0, 0);
}

LSTATUS WINAPI RegDeleteKeyA(HKEY hkey, LPCSTR subkey)
{
    WCHAR *w;
    LONG ret;
    if (!subkey)
        return ERROR_INVALID_PARAMETER;
    if ((ret = name_AtoW(subkey, &w)))
        return ret;
    ret = RegDeleteKeyW(hkey, w);
    free_w(w);
    return ret;
}

/***********************************************************************
 *           RegDeleteValueW   (kernelbase.@)
 */
LSTATUS WINAPI RegDeleteValueW(HKEY hkey, LPCWSTR name)
{
    UNICODE_STRING us;
    HANDLE key;
    NTSTATUS status;
    if ((status = get_key(hkey, &key)))
        return dos_error(status);
    RtlInitUnicodeString(&us, name ? name : L"");
    return dos_error(NtDeleteValueKey(key, &us));
}

LSTATUS WINAPI RegDeleteValueA(HKEY hkey, LPCSTR name)
{
    WCHAR *w;
    LONG ret = name_AtoW(name, &w);
    if (ret)
        return ret;
    ret = RegDeleteValueW(hkey, w);
    free_w(w);
    return ret;
}

/***********************************************************************
 *           RegQueryInfoKeyW   (kernelbase.@)
 *
 * Name lengths are in characters without terminator; the longest data in bytes. Keys carry no
 * security descriptors yet: its size reads 0.
 */
LSTATUS WINAPI RegQueryInfoKeyW(HKEY hkey, LPWSTR class_name, LPDWORD class_len, LPDWORD reserved,
                                LPDWORD subkeys, LPDWORD max_subkey, LPDWORD max_class,
                                LPDWORD values, LPDWORD max_value_name, LPDWORD max_value_len,
                                LPDWORD security, PFILETIME last_write)
{
    struct vn_key_full_information *info;
    HANDLE key;
    NTSTATUS status;
    LONG ret = ERROR_SUCCESS;
    if (reserved || (class_name && !class_len))
        return ERROR_INVALID_PARAMETER;
    if ((status = get_key(hkey, &key)) || (status = query_alloc(key, ~0u, VN_KEY_FULL_INFORMATION, FALSE, (void **)&info)))
        return dos_error(status);
    if (class_name) {
        DWORD c = info->ClassLength / sizeof(WCHAR);
        if (c >= *class_len) {
            ret = ERROR_MORE_DATA;
        } else {
            memcpy(class_name, (char *)info + info->ClassOffset, c * sizeof(WCHAR));
            class_name[c] = 0;
        }
    }
    if (class_len) *class_len = info->ClassLength / sizeof(WCHAR);
    if (subkeys) *subkeys = info->SubKeys;
    if (max_subkey) *max_subkey = info->MaxNameLen / sizeof(WCHAR);
    if (max_class) *max_class = info->MaxClassLen / sizeof(WCHAR);
    if (values) *values = info->Values;
    if (max_value_name) *max_value_name = info->MaxValueNameLen / sizeof(WCHAR);
    if (max_value_len) *max_value_len = info->MaxValueDataLen;
    if (security) *security = 0;
    if (last_write) {
        last_write->dwLowDateTime = info->LastWriteTime.u.LowPart;
        last_write->dwHighDateTime = info->LastWriteTime.u.HighPart;
    }
    HeapFree(GetProcessHeap(), 0, info);
    return ret;
}

/* RRF_RT_* bit of a value type; 0 for the types no RRF_RT_ flag names. */
static DWORD rrf_bit(DWORD type)
{
    switch (type) {
    case REG_NONE: return RRF_RT_REG_NONE;
    case REG_SZ: return RRF_RT_REG_SZ;
    case REG_EXPAND_SZ: return RRF_RT_REG_EXPAND_SZ;
    case REG_BINARY: return RRF_RT_REG_BINARY;
    case REG_DWORD: return RRF_RT_REG_DWORD;
    case REG_MULTI_SZ: return RRF_RT_REG_MULTI_SZ;
    case REG_QWORD: return RRF_RT_REG_QWORD;
    default: return 0;
    }
}

/* RRF_RT_DWORD / RRF_RT_QWORD also accept REG_BINARY data of exactly that size. */
static BOOL type_allowed(DWORD flags, DWORD type, DWORD size)
{
    if ((flags & RRF_RT_ANY) == RRF_RT_ANY)
        return TRUE;
    if (rrf_bit(type) & flags & ~RRF_RT_REG_BINARY)
        return TRUE;
    if (type == REG_BINARY && (flags & RRF_RT_REG_BINARY)) {
        if ((flags & RRF_RT_DWORD) == RRF_RT_DWORD && !(flags & ~RRF_RT_DWORD & RRF_RT_ANY))
            return size == sizeof(DWORD);
        if ((flags & RRF_RT_QWORD) == RRF_RT_QWORD && !(flags & ~RRF_RT_QWORD & RRF_RT_ANY))
            return size == sizeof(ULONGLONG);
        return TRUE;
    }
    return FALSE;
}

/***********************************************************************
 *           RegGetValueW   (kernelbase.@)
 *
 * Like RegQueryValueExW, plus: the RRF_RT_* flags restrict the type (ERROR_UNSUPPORTED_TYPE;
 * without any RRF_RT_* flag no type qualifies),
 * strings always come back terminated (the size counts the terminator), RRF_ZEROONFAILURE
 * clears the buffer on failure. Expanding REG_EXPAND_SZ (without RRF_NOEXPAND) is not
 * implemented yet.
 */
LSTATUS WINAPI RegGetValueW(HKEY hkey, LPCWSTR subkey, LPCWSTR name, DWORD flags, LPDWORD type,
                            PVOID data, LPDWORD count)
{
    struct vn_key_value_partial_information *info;
    HKEY key = hkey;
    HANDLE handle;
    NTSTATUS status;
    DWORD size, extra = 0, avail;
    LONG ret;
    TRACE("%p %s %s %#lx\n", hkey, debugstr_w(subkey), debugstr_w(name), flags);
    if (data && !count)
        return ERROR_INVALID_PARAMETER;
    avail = count ? *count : 0;
    if (subkey && *subkey && (ret = RegOpenKeyExW(hkey, subkey, 0, KEY_QUERY_VALUE, &key)))
        return ret;
    status = get_key(key, &handle);
    if (!status)
        status = query_value(handle, name, &info);
    if (key != hkey)
        RegCloseKey(key);
    if (status) {
        ret = dos_error(status);
        goto fail;
    }
    size = info->DataLength;
    if (info->Type == REG_EXPAND_SZ && !(flags & RRF_NOEXPAND)) {
        FIXME("expanding REG_EXPAND_SZ not implemented; use RRF_NOEXPAND\n");
        HeapFree(GetProcessHeap(), 0, info);
        ret = ERROR_CALL_NOT_IMPLEMENTED;
        goto fail;
    }
    if (!type_allowed(flags, info->Type, size)) {
        HeapFree(GetProcessHeap(), 0, info);
        ret = ERROR_UNSUPPORTED_TYPE;
        goto fail;
    }
    if (is_string_type(info->Type)) {
        /* stored without its terminator (or with an odd byte): one more WCHAR */
        const WCHAR *w = (const WCHAR *)info->Data;
        DWORD n = size / sizeof(WCHAR);
        if (size % sizeof(WCHAR) || !n || w[n - 1])
            extra = sizeof(WCHAR);
        if (info->Type == REG_MULTI_SZ && n >= 1 && !w[n - 1] && (n < 2 || w[n - 2]))
            extra = sizeof(WCHAR);
        size -= size % sizeof(WCHAR);
    }
    ret = ERROR_SUCCESS;
    if (type)
        *type = info->Type;
    if (data && *count < size + extra) {
        ret = ERROR_MORE_DATA;
    } else if (data) {
        memcpy(data, info->Data, size);
        memset((char *)data + size, 0, extra);
    }
    if (count)
        *count = size + extra;
    HeapFree(GetProcessHeap(), 0, info);
    if (ret && data && (flags & RRF_ZEROONFAILURE))
        memset(data, 0, avail);
    return ret;
fail:
    if (data && (flags & RRF_ZEROONFAILURE))
        memset(data, 0, avail);
    return ret;
}

/***********************************************************************
 *           RegDeleteTreeW   (kernelbase.@)
 *
 * Deletes the subkeys and values of hkey\subkey (of hkey itself when subkey is NULL); the named
 * key itself is deleted too, the key behind hkey is not.
 */
LSTATUS WINAPI RegDeleteTreeW(HKEY hkey, LPCWSTR subkey)
{
    WCHAR name[MAX_KEY_NAME_CHARS + 1];
    HKEY key = hkey;
    DWORD len;
    LONG ret;
    if (subkey && *subkey && (ret = RegOpenKeyExW(hkey, subkey, 0, KEY_READ | KEY_SET_VALUE | DELETE, &key)))
        return ret;
    /* always the first subkey: each one goes away before the next round */
    for (;;) {
        len = MAX_KEY_NAME_CHARS + 1;
        if ((ret = RegEnumKeyExW(key, 0, name, &len, NULL, NULL, NULL, NULL)))
            break;
        if ((ret = RegDeleteTreeW(key, name)))
            goto done;
    }
    if (ret != ERROR_NO_MORE_ITEMS)
        goto done;
    for (;;) {
        len = MAX_KEY_NAME_CHARS + 1;
        ret = RegEnumValueW(key, 0, name, &len, NULL, NULL, NULL, NULL);
        if (ret == ERROR_MORE_DATA) {
            FIXME("value name longer than %u characters\n", MAX_KEY_NAME_CHARS);
            goto done;
        }
        if (ret || (ret = RegDeleteValueW(key, name)))
            break;
    }
    if (ret == ERROR_NO_MORE_ITEMS)
        ret = ERROR_SUCCESS;
    if (!ret && key != hkey)
        ret = dos_error(NtDeleteKey(key));
done:
    if (key != hkey)
        RegCloseKey(key);
    return ret;
}
