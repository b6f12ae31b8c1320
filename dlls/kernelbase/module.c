/* module.c: modules of the process: handles, procedure addresses, loading, file names. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(module);

/***********************************************************************
 *           GetModuleHandleW   (kernelbase.@)
 */
HMODULE WINAPI GetModuleHandleW(LPCWSTR name)
{
    UNICODE_STRING us;
    HMODULE module = NULL;
    NTSTATUS status;
    if (name)
        RtlInitUnicodeString(&us, name);
    status = LdrGetDllHandle(NULL, NULL, name ? &us : NULL, &module);
    if (status) {
        set_ntstatus(status);
        return NULL;
    }
    return module;
}

HMODULE WINAPI GetModuleHandleA(LPCSTR name)
{
    WCHAR *w;
    HMODULE ret;
    if (!name)
        return GetModuleHandleW(NULL);
    if (!(w = kb_strdup_AtoW(name)))
        return NULL;
    ret = GetModuleHandleW(w);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/***********************************************************************
 *           GetModuleHandleExW   (kernelbase.@)
 */
BOOL WINAPI GetModuleHandleExW(DWORD flags, LPCWSTR name, HMODULE *module)
{
    struct vn_ldr_entry *entry;
    if (!module) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *module = NULL;
    if (flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS) {
        if (LdrFindEntryForAddress(name, &entry)) {
            SetLastError(ERROR_MOD_NOT_FOUND);
            return FALSE;
        }
        *module = entry->DllBase;
        return TRUE;
    }
    *module = GetModuleHandleW(name);
    return *module != NULL;
}

/***********************************************************************
 *           GetProcAddress   (kernelbase.@)
 *
 * A name below 0x10000 is an ordinal.
 */
FARPROC WINAPI GetProcAddress(HMODULE module, LPCSTR name)
{
    ANSI_STRING as;
    void *addr = NULL;
    NTSTATUS status;
    if (!module)
        module = vn_peb()->ImageBaseAddress;
    if ((ULONG_PTR)name >> 16) {
        RtlInitAnsiString(&as, name);
        status = LdrGetProcedureAddress(module, &as, 0, &addr);
    } else {
        status = LdrGetProcedureAddress(module, NULL, (ULONG)(ULONG_PTR)name, &addr);
    }
    if (status) {
        set_ntstatus(status);
        return NULL;
    }
    return addr;
}

/***********************************************************************
 *           LoadLibraryExW   (kernelbase.@)
 */
HMODULE WINAPI LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags)
{
    UNICODE_STRING us;
    HMODULE module = NULL;
    NTSTATUS status;
    if (!name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (flags & (LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_IMAGE_RESOURCE |
                 LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE))
        FIXME_ONCE("loading as a data file (%#x) loads the DLL normally\n", flags);
    RtlInitUnicodeString(&us, name);
    status = LdrLoadDll(NULL, NULL, &us, &module);
    if (status) {
        set_ntstatus(status);
        return NULL;
    }
    return module;
}

HMODULE WINAPI LoadLibraryW(LPCWSTR name)
{
    return LoadLibraryExW(name, NULL, 0);
}

HMODULE WINAPI LoadLibraryExA(LPCSTR name, HANDLE file, DWORD flags)
{
    WCHAR *w;
    HMODULE ret;
    if (!name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!(w = kb_strdup_AtoW(name)))
        return NULL;
    ret = LoadLibraryExW(w, file, flags);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

HMODULE WINAPI LoadLibraryA(LPCSTR name)
{
    return LoadLibraryExA(name, NULL, 0);
}

BOOL WINAPI FreeLibrary(HMODULE module)
{
    if (!module) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return set_ntstatus(LdrUnloadDll(module));
}

/***********************************************************************
 *           GetModuleFileNameW   (kernelbase.@)
 *
 * Truncates to size - 1 chars, NUL-terminates, and says ERROR_INSUFFICIENT_BUFFER (size returned).
 */
DWORD WINAPI GetModuleFileNameW(HMODULE module, LPWSTR buffer, DWORD size)
{
    ULONG needed = 0;
    NTSTATUS status = __vinho_module_file_name(module, buffer, size, &needed);
    if (status == STATUS_BUFFER_TOO_SMALL) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return size;
    }
    if (status) {
        set_ntstatus(status);
        return 0;
    }
    SetLastError(ERROR_SUCCESS);
    return needed;
}

DWORD WINAPI GetModuleFileNameA(HMODULE module, LPSTR buffer, DWORD size)
{
    WCHAR w[MAX_PATH * 4];
    DWORD len = GetModuleFileNameW(module, w, MAX_PATH * 4), n;
    if (!len || !size)
        return 0;
    n = WideCharToMultiByte(CP_ACP, 0, w, len, buffer, size, NULL, NULL);
    if (!n && len) {
        /* Too small: Windows truncates, terminates and reports the size. */
        n = WideCharToMultiByte(CP_ACP, 0, w, size - 1, buffer, size - 1, NULL, NULL);
        buffer[n] = 0;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return size;
    }
    if (n >= size) {
        buffer[size - 1] = 0;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return size;
    }
    buffer[n] = 0;
    return n;
}

BOOL WINAPI DisableThreadLibraryCalls(HMODULE module)
{
    return set_ntstatus(LdrDisableThreadCalloutsForDll(module));
}
