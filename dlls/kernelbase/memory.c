/* memory.c: virtual memory and heaps over ntdll. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(virtual);

LPVOID WINAPI VirtualAlloc(void *addr, SIZE_T size, DWORD type, DWORD protect)
{
    NTSTATUS status = NtAllocateVirtualMemory(GetCurrentProcess(), &addr, 0, &size, type, protect);
    if (status) {
        set_ntstatus(status);
        return NULL;
    }
    return addr;
}

BOOL WINAPI VirtualFree(void *addr, SIZE_T size, DWORD type)
{
    if (type == MEM_RELEASE && size) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return set_ntstatus(NtFreeVirtualMemory(GetCurrentProcess(), &addr, &size, type));
}

BOOL WINAPI VirtualProtect(void *addr, SIZE_T size, DWORD protect, DWORD *old)
{
    ULONG o = 0;
    NTSTATUS status;
    if (!old) {
        SetLastError(ERROR_NOACCESS);
        return FALSE;
    }
    status = NtProtectVirtualMemory(GetCurrentProcess(), &addr, &size, protect, &o);
    if (!status)
        *old = o;
    return set_ntstatus(status);
}

SIZE_T WINAPI VirtualQuery(const void *addr, MEMORY_BASIC_INFORMATION *info, SIZE_T len)
{
    SIZE_T ret = 0;
    NTSTATUS status = NtQueryVirtualMemory(GetCurrentProcess(), addr, 0, info, len, &ret);
    if (status) {
        set_ntstatus(status);
        return 0;
    }
    return ret;
}

HANDLE WINAPI GetProcessHeap(void)
{
    return vn_peb()->ProcessHeap;
}

/***********************************************************************
 *           HeapCreate   (kernelbase.@)
 */
HANDLE WINAPI HeapCreate(DWORD flags, SIZE_T initial, SIZE_T max)
{
    HANDLE heap = RtlCreateHeap(flags | (max ? 0 : HEAP_GROWABLE), NULL, max, initial, NULL, NULL);
    if (!heap)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return heap;
}

BOOL WINAPI HeapDestroy(HANDLE heap)
{
    if (RtlDestroyHeap(heap)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

BOOL WINAPI HeapFree(HANDLE heap, DWORD flags, void *ptr)
{
    if (!RtlFreeHeap(heap, flags, ptr)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return TRUE;
}

BOOL WINAPI HeapValidate(HANDLE heap, DWORD flags, const void *ptr)
{
    BOOLEAN NTAPI RtlValidateHeap(HANDLE, ULONG, const void *);
    return RtlValidateHeap(heap, flags, ptr);
}

/* Local/Global memory: fixed blocks from the process heap (LMEM_MOVEABLE handles are the
 * pointers themselves, which programs that lock before use cannot tell apart). */
HLOCAL WINAPI LocalAlloc(UINT flags, SIZE_T size)
{
    void *p = HeapAlloc(GetProcessHeap(), (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0, size);
    if (!p)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}

HLOCAL WINAPI LocalFree(HLOCAL mem)
{
    if (mem && !HeapFree(GetProcessHeap(), 0, mem))
        return mem;
    return NULL;
}

HLOCAL WINAPI LocalReAlloc(HLOCAL mem, SIZE_T size, UINT flags)
{
    void *p = HeapReAlloc(GetProcessHeap(), (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0, mem, size);
    if (!p)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}

LPVOID WINAPI LocalLock(HLOCAL mem) { return mem; }
BOOL WINAPI LocalUnlock(HLOCAL mem) { return TRUE; }
HGLOBAL WINAPI GlobalAlloc(UINT flags, SIZE_T size) { return LocalAlloc(flags & GMEM_ZEROINIT ? LMEM_ZEROINIT : 0, size); }
HGLOBAL WINAPI GlobalFree(HGLOBAL mem) { return LocalFree(mem); }
LPVOID WINAPI GlobalLock(HGLOBAL mem) { return mem; }
BOOL WINAPI GlobalUnlock(HGLOBAL mem) { return TRUE; }
