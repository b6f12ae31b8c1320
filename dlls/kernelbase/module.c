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
    } else if (!(*module = GetModuleHandleW(name))) {
        return FALSE;
    }
    /* A reference unless asked not to; PIN keeps the DLL until the process ends. */
    if (flags & GET_MODULE_HANDLE_EX_FLAG_PIN)
        LdrAddRefDll(1, *module);
    else if (!(flags & GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT))
        LdrAddRefDll(0, *module);
    return TRUE;
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

/* Copies the headers and sections of a PE file into a fresh read-only region laid out as the
 * image (RVAs valid), without relocations, imports or DllMain. */
static void *map_image_copy(const BYTE *file, DWORD file_size)
{
    const IMAGE_DOS_HEADER *dos = (const IMAGE_DOS_HEADER *)file;
    const IMAGE_NT_HEADERS64 *nt;
    const IMAGE_SECTION_HEADER *sec;
    BYTE *base;
    DWORD old;

    if (file_size < sizeof(*dos) || dos->e_magic != IMAGE_DOS_SIGNATURE ||
        dos->e_lfanew < 0 || (DWORD)dos->e_lfanew > file_size - sizeof(*nt))
        return NULL;
    nt = (const IMAGE_NT_HEADERS64 *)(file + dos->e_lfanew);
    if (nt->Signature != IMAGE_NT_SIGNATURE || !nt->OptionalHeader.SizeOfImage ||
        nt->OptionalHeader.SizeOfHeaders > file_size ||
        nt->OptionalHeader.SizeOfHeaders > nt->OptionalHeader.SizeOfImage)
        return NULL;
    if (!(base = VirtualAlloc(NULL, nt->OptionalHeader.SizeOfImage, MEM_RESERVE | MEM_COMMIT,
                              PAGE_READWRITE)))
        return NULL;
    memcpy(base, file, nt->OptionalHeader.SizeOfHeaders);
    sec = (const IMAGE_SECTION_HEADER *)((const BYTE *)&nt->OptionalHeader +
                                         nt->FileHeader.SizeOfOptionalHeader);
    for (WORD i = 0; i < nt->FileHeader.NumberOfSections; i++, sec++) {
        DWORD len = sec->SizeOfRawData;
        if (sec->PointerToRawData >= file_size || sec->VirtualAddress >= nt->OptionalHeader.SizeOfImage)
            continue;
        if (len > file_size - sec->PointerToRawData)
            len = file_size - sec->PointerToRawData;
        if (len > nt->OptionalHeader.SizeOfImage - sec->VirtualAddress)
            len = nt->OptionalHeader.SizeOfImage - sec->VirtualAddress;
        memcpy(base + sec->VirtualAddress, file + sec->PointerToRawData, len);
    }
    VirtualProtect(base, nt->OptionalHeader.SizeOfImage, PAGE_READONLY, &old);
    return base;
}

/* LoadLibraryEx with LOAD_LIBRARY_AS_DATAFILE (or _AS_IMAGE_RESOURCE): the file is found on
 * the DLL search path and laid out read-only, nothing run or linked. The handle is the base with
 * its low bit set (LDR_IS_DATAFILE), which the resource and message functions accept and the
 * loader does not know, so GetProcAddress and GetModuleHandle fail on it. */
static HMODULE load_as_data(LPCWSTR name)
{
    WCHAR path[MAX_PATH];
    HANDLE file, mapping;
    const BYTE *view;
    LARGE_INTEGER size;
    void *base = NULL;

    if (!SearchPathW(NULL, name, L".dll", MAX_PATH, path, NULL)) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return NULL;
    }
    file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL,
                       OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return NULL;
    if (!GetFileSizeEx(file, &size) || size.QuadPart > 0x7fffffff) {
        CloseHandle(file);
        SetLastError(ERROR_BAD_EXE_FORMAT);
        return NULL;
    }
    mapping = CreateFileMappingW(file, NULL, PAGE_READONLY, 0, 0, NULL);
    CloseHandle(file);
    if (!mapping)
        return NULL;
    view = MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0);
    CloseHandle(mapping);
    if (!view)
        return NULL;
    base = map_image_copy(view, (DWORD)size.QuadPart);
    UnmapViewOfFile(view);
    if (!base) {
        SetLastError(ERROR_BAD_EXE_FORMAT);
        return NULL;
    }
    TRACE("%s as data at %p\n", debugstr_w(path), base);
    return (HMODULE)((ULONG_PTR)base | 1);
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
    if ((flags & (LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_IMAGE_RESOURCE |
                  LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE)) && !GetModuleHandleW(name))
        return load_as_data(name);
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
    if ((ULONG_PTR)module & 3)      /* loaded as data (load_as_data) */
        return VirtualFree((void *)((ULONG_PTR)module & ~(ULONG_PTR)3), 0, MEM_RELEASE);
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
