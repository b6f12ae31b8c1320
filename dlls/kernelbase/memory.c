/* memory.c: virtual memory and heaps over ntdll. */
#include "kernelbase.h"
#include <stddef.h>

DEFAULT_DEBUG_CHANNEL(virtual);

BOOLEAN NTAPI RtlLockHeap(HANDLE);
BOOLEAN NTAPI RtlUnlockHeap(HANDLE);

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

/***********************************************************************
 *           HeapLock / HeapUnlock   (kernelbase.@)
 *
 * RtlLockHeap returns a BOOLEAN: widened here to the BOOL callers test.
 */
BOOL WINAPI HeapLock(HANDLE heap)
{
    if (!RtlLockHeap(heap)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

BOOL WINAPI HeapUnlock(HANDLE heap)
{
    if (!RtlUnlockHeap(heap)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

/* ---- Local/Global memory ----
 * LMEM_FIXED blocks are process-heap blocks and their handle is the pointer. LMEM_MOVEABLE
 * blocks get a handle: the address of the ptr field of a heap-allocated slot, so that, as on
 * Windows, *(void **)handle is the data. Heap blocks are 16-byte aligned and a slot's ptr field
 * sits at offset 8, which tells handles from pointers. The data of a moveable block follows a
 * 16-byte header holding its handle (for LocalHandle). The GMEM_ and LMEM_ flags used here have
 * the same values. */
#define MEM_SLOT_MAGIC 0x4d48   /* "HM" */
#define MEM_HEADER 16

struct mem_slot {
    WORD magic;
    BYTE locks;          /* lock count, saturating at 0xff */
    BYTE discardable;
    DWORD unused;
    void *ptr;           /* the data, NULL when discarded; a handle points here */
};

static struct mem_slot *slot_of(HLOCAL mem)
{
    struct mem_slot *slot;
    if (((ULONG_PTR)mem & 15) != 8)
        return NULL;
    slot = (struct mem_slot *)((char *)mem - offsetof(struct mem_slot, ptr));
    return slot->magic == MEM_SLOT_MAGIC ? slot : NULL;
}

static BOOL is_pointer(HLOCAL mem)
{
    return ((ULONG_PTR)mem & 15) == 0;
}

/* Allocates (or resizes, when old is non-NULL) the data of a moveable block. */
static void *moveable_data(void *old, HLOCAL handle, SIZE_T size, UINT flags, BOOL may_move)
{
    HANDLE heap = GetProcessHeap();
    DWORD hflags = ((flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0) |
                   (may_move ? 0 : HEAP_REALLOC_IN_PLACE_ONLY);
    char *block = old ? HeapReAlloc(heap, hflags, (char *)old - MEM_HEADER, size + MEM_HEADER)
                      : HeapAlloc(heap, hflags & HEAP_ZERO_MEMORY, size + MEM_HEADER);
    if (!block)
        return NULL;
    *(HLOCAL *)block = handle;
    return block + MEM_HEADER;
}

/***********************************************************************
 *           LocalAlloc   (kernelbase.@)
 *
 * A moveable block of size 0 is created discarded (a handle with no data).
 */
HLOCAL WINAPI LocalAlloc(UINT flags, SIZE_T size)
{
    struct mem_slot *slot;
    if (!(flags & LMEM_MOVEABLE)) {
        void *p = HeapAlloc(GetProcessHeap(), (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0, size);
        if (!p)
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return p;
    }
    if (!(slot = HeapAlloc(GetProcessHeap(), 0, sizeof(*slot)))) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    slot->magic = MEM_SLOT_MAGIC;
    slot->locks = 0;
    slot->discardable = (flags & LMEM_DISCARDABLE) != 0;
    slot->ptr = NULL;
    if (size && !(slot->ptr = moveable_data(NULL, &slot->ptr, size, flags, TRUE))) {
        HeapFree(GetProcessHeap(), 0, slot);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    return &slot->ptr;
}

/***********************************************************************
 *           LocalFree   (kernelbase.@)
 *
 * NULL on success; the handle itself, with ERROR_INVALID_HANDLE, when it is not one.
 */
HLOCAL WINAPI LocalFree(HLOCAL mem)
{
    struct mem_slot *slot;
    if (!mem)
        return NULL;
    if ((slot = slot_of(mem))) {
        RtlLockHeap(GetProcessHeap());
        if (slot->ptr)
            HeapFree(GetProcessHeap(), 0, (char *)slot->ptr - MEM_HEADER);
        slot->magic = 0;
        RtlUnlockHeap(GetProcessHeap());
        HeapFree(GetProcessHeap(), 0, slot);
        return NULL;
    }
    if (is_pointer(mem) && HeapFree(GetProcessHeap(), 0, mem))
        return NULL;
    SetLastError(ERROR_INVALID_HANDLE);
    return mem;
}

/* LocalReAlloc of a moveable block: size 0 discards the data (unlocked blocks only). */
static HLOCAL realloc_moveable(struct mem_slot *slot, SIZE_T size, UINT flags)
{
    HLOCAL ret = &slot->ptr;
    RtlLockHeap(GetProcessHeap());
    if (flags & LMEM_MODIFY) {
        if (flags & LMEM_DISCARDABLE)
            slot->discardable = 1;
    } else if (!size) {
        if (slot->locks) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            ret = NULL;
        } else if (slot->ptr) {
            HeapFree(GetProcessHeap(), 0, (char *)slot->ptr - MEM_HEADER);
            slot->ptr = NULL;
        }
    } else {
        void *p = moveable_data(slot->ptr, ret, size, flags,
                                !slot->locks || (flags & LMEM_MOVEABLE));
        if (p)
            slot->ptr = p;
        else {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            ret = NULL;
        }
    }
    RtlUnlockHeap(GetProcessHeap());
    return ret;
}

/***********************************************************************
 *           LocalReAlloc   (kernelbase.@)
 *
 * A fixed block moves only when LMEM_MOVEABLE allows it; a moveable one whenever it is unlocked.
 * LMEM_MODIFY changes attributes only.
 */
HLOCAL WINAPI LocalReAlloc(HLOCAL mem, SIZE_T size, UINT flags)
{
    struct mem_slot *slot = slot_of(mem);
    void *p;
    if (slot)
        return realloc_moveable(slot, size, flags);
    if (!mem || !is_pointer(mem)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    if (flags & LMEM_MODIFY) {
        if (flags & LMEM_MOVEABLE) {
            FIXME("turning fixed block %p into a moveable one is not implemented\n", mem);
            SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
            return NULL;
        }
        return mem;
    }
    p = HeapReAlloc(GetProcessHeap(), ((flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0) |
                    ((flags & LMEM_MOVEABLE) ? 0 : HEAP_REALLOC_IN_PLACE_ONLY), mem, size);
    if (!p)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}

/***********************************************************************
 *           LocalLock   (kernelbase.@)
 *
 * The data of a moveable block (its lock count goes up); a fixed block is its own data.
 */
LPVOID WINAPI LocalLock(HLOCAL mem)
{
    struct mem_slot *slot = slot_of(mem);
    void *p;
    if (!slot) {
        if (!mem || !is_pointer(mem))
            SetLastError(ERROR_INVALID_HANDLE);
        return is_pointer(mem) ? mem : NULL;
    }
    RtlLockHeap(GetProcessHeap());
    if ((p = slot->ptr) && slot->locks < 0xff)
        slot->locks++;
    RtlUnlockHeap(GetProcessHeap());
    if (!p)
        SetLastError(ERROR_DISCARDED);
    return p;
}

/***********************************************************************
 *           LocalUnlock   (kernelbase.@)
 *
 * TRUE while the block stays locked; FALSE with NO_ERROR when the count reaches 0, FALSE with
 * ERROR_NOT_LOCKED when it was not locked (always so for a fixed block).
 */
BOOL WINAPI LocalUnlock(HLOCAL mem)
{
    struct mem_slot *slot = slot_of(mem);
    BOOL ret = FALSE;
    if (!slot) {
        SetLastError(is_pointer(mem) && mem ? ERROR_NOT_LOCKED : ERROR_INVALID_HANDLE);
        return FALSE;
    }
    RtlLockHeap(GetProcessHeap());
    if (!slot->locks)
        SetLastError(ERROR_NOT_LOCKED);
    else if (slot->locks == 0xff || --slot->locks)
        ret = TRUE;
    else
        SetLastError(NO_ERROR);
    RtlUnlockHeap(GetProcessHeap());
    return ret;
}

/***********************************************************************
 *           LocalSize   (kernelbase.@)
 *
 * 0 for a discarded block, and with ERROR_INVALID_HANDLE for something that is not a block.
 */
SIZE_T WINAPI LocalSize(HLOCAL mem)
{
    struct mem_slot *slot = slot_of(mem);
    SIZE_T size = ~(SIZE_T)0;
    if (slot) {
        RtlLockHeap(GetProcessHeap());
        size = slot->ptr ? HeapSize(GetProcessHeap(), 0, (char *)slot->ptr - MEM_HEADER) : 0;
        if (size != ~(SIZE_T)0 && slot->ptr)
            size -= MEM_HEADER;
        RtlUnlockHeap(GetProcessHeap());
    } else if (mem && is_pointer(mem)) {
        size = HeapSize(GetProcessHeap(), 0, mem);
    }
    if (size == ~(SIZE_T)0) {
        SetLastError(ERROR_INVALID_HANDLE);
        return 0;
    }
    return size;
}

/***********************************************************************
 *           LocalFlags   (kernelbase.@)
 *
 * The lock count in the low byte, LMEM_DISCARDABLE and LMEM_DISCARDED; 0 for a fixed block;
 * LMEM_INVALID_HANDLE for something else.
 */
UINT WINAPI LocalFlags(HLOCAL mem)
{
    struct mem_slot *slot = slot_of(mem);
    UINT flags;
    if (!slot) {
        if (mem && is_pointer(mem))
            return 0;
        SetLastError(ERROR_INVALID_HANDLE);
        return LMEM_INVALID_HANDLE;
    }
    RtlLockHeap(GetProcessHeap());
    flags = slot->locks | (slot->discardable ? LMEM_DISCARDABLE : 0) |
            (slot->ptr ? 0 : LMEM_DISCARDED);
    RtlUnlockHeap(GetProcessHeap());
    return flags;
}

/***********************************************************************
 *           LocalHandle   (kernelbase.@)
 *
 * The handle of a moveable block's data (or the handle itself); a fixed block is its handle.
 */
HLOCAL WINAPI LocalHandle(LPCVOID ptr)
{
    HLOCAL mem = (HLOCAL)ptr;
    struct mem_slot *slot;
    if (!ptr || slot_of(mem))
        return mem;
    if (is_pointer(mem) && HeapValidate(GetProcessHeap(), 0, ptr))
        return mem;
    if (is_pointer(mem) && HeapValidate(GetProcessHeap(), 0, (const char *)ptr - MEM_HEADER)) {
        HLOCAL handle = *(HLOCAL *)((const char *)ptr - MEM_HEADER);
        if ((slot = slot_of(handle)) && slot->ptr == ptr)
            return handle;
    }
    SetLastError(ERROR_INVALID_HANDLE);
    return NULL;
}

/* The Global functions are the Local ones: one heap, and the GMEM_ flags have the LMEM_
 * values, except GlobalFlags' GMEM_DISCARDABLE. */
HGLOBAL WINAPI GlobalAlloc(UINT flags, SIZE_T size)
{
    UINT lflags = flags & (GMEM_MOVEABLE | GMEM_ZEROINIT);
    if ((flags & GMEM_MOVEABLE) && (flags & GMEM_DISCARDABLE))
        lflags |= LMEM_DISCARDABLE;
    return LocalAlloc(lflags, size);
}

HGLOBAL WINAPI GlobalFree(HGLOBAL mem) { return LocalFree(mem); }
LPVOID WINAPI GlobalLock(HGLOBAL mem) { return LocalLock(mem); }
SIZE_T WINAPI GlobalSize(HGLOBAL mem) { return LocalSize(mem); }
HGLOBAL WINAPI GlobalHandle(LPCVOID ptr) { return LocalHandle(ptr); }

/***********************************************************************
 *           GlobalUnlock   (kernelbase.@)
 *
 * As LocalUnlock, except that a fixed block answers TRUE.
 */
BOOL WINAPI GlobalUnlock(HGLOBAL mem)
{
    if (mem && is_pointer(mem))
        return TRUE;
    return LocalUnlock(mem);
}

HGLOBAL WINAPI GlobalReAlloc(HGLOBAL mem, SIZE_T size, UINT flags)
{
    UINT lflags = flags & (GMEM_MOVEABLE | GMEM_MODIFY | GMEM_ZEROINIT);
    if (flags & GMEM_DISCARDABLE)
        lflags |= LMEM_DISCARDABLE;
    return LocalReAlloc(mem, size, lflags);
}

UINT WINAPI GlobalFlags(HGLOBAL mem)
{
    UINT flags = LocalFlags(mem);
    if (flags == LMEM_INVALID_HANDLE)
        return GMEM_INVALID_HANDLE;
    return (flags & (GMEM_LOCKCOUNT | GMEM_DISCARDED)) |
           ((flags & LMEM_DISCARDABLE) ? GMEM_DISCARDABLE : 0);
}

/* TRUE when every page of [ptr, ptr + size) is committed, without PAGE_GUARD, and allows the
 * access. VirtualQuery answers without touching the memory, so (unlike Windows' probing) a guard
 * page counts as bad and keeps its guard. */
static BOOL range_accessible(const void *ptr, UINT_PTR size, BOOL write)
{
    const DWORD readable = PAGE_READONLY | PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READ |
                           PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY;
    const DWORD writable = PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READWRITE |
                           PAGE_EXECUTE_WRITECOPY;
    ULONG_PTR start = (ULONG_PTR)ptr, last = start + size - 1;
    MEMORY_BASIC_INFORMATION info;

    if (!size)
        return TRUE;
    if (!ptr || last < start)
        return FALSE;
    for (;;) {
        if (!VirtualQuery((void *)start, &info, sizeof(info)) || info.State != MEM_COMMIT ||
            (info.Protect & PAGE_GUARD) || !(info.Protect & (write ? writable : readable)))
            return FALSE;
        ULONG_PTR next = (ULONG_PTR)info.BaseAddress + info.RegionSize;
        if (next <= start || next - 1 >= last)
            return TRUE;
        start = next;
    }
}

/***********************************************************************
 *           IsBadReadPtr / IsBadWritePtr / IsBadCodePtr   (kernelbase.@)
 *
 * Non-zero when some byte of the range cannot be read (written); a size of 0 is never bad.
 */
BOOL WINAPI IsBadReadPtr(const void *ptr, UINT_PTR size)
{
    return !range_accessible(ptr, size, FALSE);
}

BOOL WINAPI IsBadWritePtr(void *ptr, UINT_PTR size)
{
    return !range_accessible(ptr, size, TRUE);
}

BOOL WINAPI IsBadHugeReadPtr(const void *ptr, UINT_PTR size)
{
    return IsBadReadPtr(ptr, size);
}

BOOL WINAPI IsBadHugeWritePtr(void *ptr, UINT_PTR size)
{
    return IsBadWritePtr(ptr, size);
}

BOOL WINAPI IsBadCodePtr(FARPROC ptr)
{
    return IsBadReadPtr((const void *)ptr, 1);
}

/* IsBadStringPtr: reads units of unit bytes up to a NUL or max units, one page at a time, each
 * page checked before it is read (the check and the string may race with another thread that
 * frees it, which the documentation warns of for every IsBad* function). */
static BOOL string_bad(const void *str, UINT_PTR max, size_t unit)
{
    const char *p = str;
    ULONG_PTR checked_end = 0;      /* readable up to here: whole pages */

    if (!p)         /* before the max: NULL is bad even for 0 chars (as Wine; docs silent) */
        return TRUE;
    while (max--) {
        if ((ULONG_PTR)p + unit > checked_end) {
            if (!range_accessible(p, unit, FALSE))
                return TRUE;
            checked_end = (((ULONG_PTR)p + unit - 1) | 0xfff) + 1;
        }
        if (unit == 1 ? !*p : !*(const WCHAR *)p)
            return FALSE;
        p += unit;
    }
    return FALSE;
}

/***********************************************************************
 *           IsBadStringPtrA / IsBadStringPtrW   (kernelbase.@)
 *
 * Non-zero when the string cannot be read up to its NUL or max chars, whichever comes first.
 * A max of 0 reads nothing: only a NULL string is bad then.
 */
BOOL WINAPI IsBadStringPtrA(LPCSTR str, UINT_PTR max)
{
    return string_bad(str, max, 1);
}

BOOL WINAPI IsBadStringPtrW(LPCWSTR str, UINT_PTR max)
{
    return string_bad(str, max, sizeof(WCHAR));
}

/***********************************************************************
 *           FlushInstructionCache   (kernelbase.@)
 *
 * x86-64 keeps instruction fetches coherent with data writes (self- and cross-modifying code
 * only need the serialising return from this call), so there is nothing to flush: Windows' own
 * x64 implementation does no cache maintenance either. A bad process handle still fails.
 */
BOOL WINAPI FlushInstructionCache(HANDLE process, LPCVOID addr, SIZE_T size)
{
    if (process != GetCurrentProcess() && GetProcessId(process) == 0)
        return FALSE;
    return TRUE;
}
