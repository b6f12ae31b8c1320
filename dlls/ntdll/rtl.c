/* rtl.c: small Rtl services: pointer encoding, interlocked singly linked lists, PC lookups. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(ntdll);

static ULONG_PTR pointer_cookie;

static ULONG_PTR cookie(void)
{
    if (!pointer_cookie) {
        LARGE_INTEGER t;
        NtQueryPerformanceCounter(&t, NULL);
        ULONG_PTR c = (ULONG_PTR)t.QuadPart * 0x9E3779B97F4A7C15ULL ^ (ULONG_PTR)vn_teb();
        __atomic_compare_exchange_n(&pointer_cookie, &(ULONG_PTR){ 0 }, c | 1, false,
                                    __ATOMIC_RELAXED, __ATOMIC_RELAXED);
    }
    return pointer_cookie;
}

/***********************************************************************
 *           RtlEncodePointer / RtlDecodePointer   (NTDLL.@)
 *
 * XOR with a per-process secret, then rotate by its low bits: only the round trip matters.
 */
PVOID NTAPI RtlEncodePointer(PVOID ptr)
{
    ULONG_PTR c = cookie(), v = (ULONG_PTR)ptr ^ c;
    unsigned r = c & 63;
    return (PVOID)(r ? (v >> r) | (v << (64 - r)) : v);
}

PVOID NTAPI RtlDecodePointer(PVOID ptr)
{
    ULONG_PTR c = cookie(), v = (ULONG_PTR)ptr;
    unsigned r = c & 63;
    v = r ? (v << r) | (v >> (64 - r)) : v;
    return (PVOID)(v ^ c);
}

/* SLIST_HEADER on x64: Depth (16 bits) and Sequence (48) in the low word; NextEntry >> 4 in the
 * high 60 bits of the high word. Updated with a 16-byte compare-exchange. */
static inline bool cas16(volatile ULONGLONG *dst, ULONGLONG *expect, ULONGLONG lo, ULONGLONG hi)
{
    bool ok;
    __asm__ volatile("lock cmpxchg16b %1" : "=@ccz"(ok), "+m"(*(volatile ULONGLONG(*)[2])dst),
                     "+a"(expect[0]), "+d"(expect[1]) : "b"(lo), "c"(hi) : "memory");
    return ok;
}

void NTAPI RtlInitializeSListHead(SLIST_HEADER *list)
{
    list->Alignment = 0;
    list->Region = 0;
}

USHORT NTAPI RtlQueryDepthSList(SLIST_HEADER *list)
{
    return list->HeaderX64.Depth;
}

SLIST_ENTRY *NTAPI RtlFirstEntrySList(const SLIST_HEADER *list)
{
    return (SLIST_ENTRY *)((ULONG_PTR)list->HeaderX64.NextEntry << 4);
}

SLIST_ENTRY *NTAPI RtlInterlockedPushEntrySList(SLIST_HEADER *list, SLIST_ENTRY *entry)
{
    volatile ULONGLONG *h = (volatile ULONGLONG *)list;
    ULONGLONG old[2] = { h[0], h[1] };
    do {
        entry->Next = (SLIST_ENTRY *)(old[1] & ~0xfULL);
    } while (!cas16(h, old, ((old[0] + 0x10000) & 0xffffffffffff0000ULL) | ((old[0] + 1) & 0xffff),
                    (ULONG_PTR)entry | (old[1] & 0xf)));
    return (SLIST_ENTRY *)(old[1] & ~0xfULL);
}

SLIST_ENTRY *NTAPI RtlInterlockedPopEntrySList(SLIST_HEADER *list)
{
    volatile ULONGLONG *h = (volatile ULONGLONG *)list;
    ULONGLONG old[2] = { h[0], h[1] };
    SLIST_ENTRY *entry;
    do {
        entry = (SLIST_ENTRY *)(old[1] & ~0xfULL);
        if (!entry)
            return NULL;
        /* entry->Next may be stale if another thread popped it; the sequence makes the CAS fail. */
    } while (!cas16(h, old, ((old[0] + 0x10000) & 0xffffffffffff0000ULL) | ((old[0] - 1) & 0xffff),
                    (ULONG_PTR)entry->Next | (old[1] & 0xf)));
    return entry;
}

SLIST_ENTRY *NTAPI RtlInterlockedFlushSList(SLIST_HEADER *list)
{
    volatile ULONGLONG *h = (volatile ULONGLONG *)list;
    ULONGLONG old[2] = { h[0], h[1] };
    do {
        if (!(old[1] & ~0xfULL))
            return NULL;
    } while (!cas16(h, old, (old[0] + 0x10000) & 0xffffffffffff0000ULL, old[1] & 0xf));
    return (SLIST_ENTRY *)(old[1] & ~0xfULL);
}

/***********************************************************************
 *           RtlPcToFileHeader   (NTDLL.@)
 */
PVOID NTAPI RtlPcToFileHeader(PVOID pc, PVOID *base)
{
    struct vn_ldr_entry *entry;
    *base = LdrFindEntryForAddress(pc, &entry) ? NULL : entry->DllBase;
    return *base;
}
