/* heapvirt.c: the process heap and a private heap (HeapAlloc/HeapReAlloc/HeapSize/HeapFree),
 * and virtual memory: reserve, commit, protect, query, decommit, release.
 * Expected, from Microsoft's documentation:
 * - HeapAlloc https://learn.microsoft.com/en-us/windows/win32/api/heapapi/nf-heapapi-heapalloc
 *   (HEAP_ZERO_MEMORY), HeapReAlloc https://learn.microsoft.com/en-us/windows/win32/api/heapapi/nf-heapapi-heaprealloc
 *   (the contents are kept; HEAP_REALLOC_IN_PLACE_ONLY fails rather than move), HeapSize, HeapFree;
 * - VirtualAlloc https://learn.microsoft.com/en-us/windows/win32/api/memoryapi/nf-memoryapi-virtualalloc
 *   (a reservation is rounded to the 64 KiB allocation granularity; committed pages are zero);
 * - VirtualQuery / MEMORY_BASIC_INFORMATION
 *   https://learn.microsoft.com/en-us/windows/win32/api/winnt/ns-winnt-memory_basic_information
 *   (State MEM_COMMIT 0x1000, MEM_RESERVE 0x2000, MEM_FREE 0x10000; Type MEM_PRIVATE 0x20000;
 *   a region is a run of pages with the same state and protection);
 * - VirtualProtect returns the old protection
 *   https://learn.microsoft.com/en-us/windows/win32/api/memoryapi/nf-memoryapi-virtualprotect;
 * - VirtualFree https://learn.microsoft.com/en-us/windows/win32/api/memoryapi/nf-memoryapi-virtualfree
 *   (MEM_RELEASE needs dwSize 0, else ERROR_INVALID_PARAMETER, 87).
 * Checked with Wine 8.0. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

static void query(const char *what, void *addr)
{
    MEMORY_BASIC_INFORMATION mbi;
    SIZE_T n = VirtualQuery(addr, &mbi, sizeof(mbi));
    if (n != sizeof(mbi)) {
        printf("%s: VirtualQuery returned %lu\n", what, (unsigned long)n);
        return;
    }
    if (mbi.State == MEM_FREE || !strcmp(what, "decommitted")) {   /* no region size: see below */
        printf("%s: State %#lx\n", what, mbi.State);
        return;
    }
    printf("%s: State %#lx", what, mbi.State);
    if (mbi.State == MEM_COMMIT)
        printf(" Protect %#lx", mbi.Protect);
    printf(" Type %#lx RegionSize %#lx AllocationProtect %#lx, BaseAddress is the page: %s\n",
           mbi.Type, (unsigned long)mbi.RegionSize, mbi.AllocationProtect,
           mbi.BaseAddress == (void *)((ULONG_PTR)addr & ~(ULONG_PTR)0xfff) ? "yes" : "no");
}

static int heaps(void)
{
    HANDLE heap = GetProcessHeap(), priv;
    unsigned char *p, *q;
    int zero = 1, kept = 1;

    p = HeapAlloc(heap, HEAP_ZERO_MEMORY, 100);
    for (int i = 0; p && i < 100; i++)
        zero &= p[i] == 0;
    printf("HeapAlloc(HEAP_ZERO_MEMORY, 100): %s, zeroed: %s, HeapSize %lu\n", p ? "ok" : "NULL",
           zero ? "yes" : "no", (unsigned long)HeapSize(heap, 0, p));
    if (!p)
        return 1;
    memset(p, 0x5a, 100);
    q = HeapReAlloc(heap, 0, p, 100000);
    for (int i = 0; q && i < 100; i++)
        kept &= q[i] == 0x5a;
    printf("HeapReAlloc to 100000: %s, contents kept: %s, HeapSize %lu\n", q ? "ok" : "NULL",
           kept ? "yes" : "no", (unsigned long)HeapSize(heap, 0, q));
    p = HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, q, 0x10000000);
    printf("HeapReAlloc(IN_PLACE_ONLY) to 256 MiB: %s\n", p ? "moved or grew" : "NULL");
    q = HeapReAlloc(heap, 0, q, 10);
    printf("HeapReAlloc down to 10: %s, HeapSize %lu, first byte %#x\n", q ? "ok" : "NULL",
           (unsigned long)HeapSize(heap, 0, q), q ? q[0] : 0);
    printf("HeapFree: %s\n", HeapFree(heap, 0, q) ? "TRUE" : "FALSE");
    priv = HeapCreate(0, 0, 0);
    p = priv ? HeapAlloc(priv, 0, 5000) : NULL;
    printf("HeapCreate + HeapAlloc: %s, HeapSize %lu\n", p ? "ok" : "NULL", (unsigned long)HeapSize(priv, 0, p));
    printf("HeapFree: %s\n", HeapFree(priv, 0, p) ? "TRUE" : "FALSE");
    printf("HeapDestroy: %s\n", HeapDestroy(priv) ? "TRUE" : "FALSE");
    return 0;
}

static int virtual_memory(void)
{
    unsigned char *base, *p;
    int zero = 1;
    DWORD old;
    BOOL ok;

    base = VirtualAlloc(NULL, 0x100000, MEM_RESERVE, PAGE_NOACCESS);
    printf("VirtualAlloc(MEM_RESERVE, 1 MiB): %s, 64 KiB aligned: %s\n", base ? "ok" : "NULL",
           ((ULONG_PTR)base & 0xffff) ? "no" : "yes");
    if (!base)
        return 1;
    query("reserved", base);
    p = VirtualAlloc(base + 0x10000, 0x2000, MEM_COMMIT, PAGE_READWRITE);
    printf("VirtualAlloc(MEM_COMMIT, 2 pages at +64 KiB): %s\n", p == base + 0x10000 ? "at that address" : "elsewhere");
    for (int i = 0; p && i < 0x2000; i++)
        zero &= p[i] == 0;
    printf("committed pages are zero: %s\n", zero ? "yes" : "no");
    if (!p)
        return 1;
    memset(p, 1, 0x2000);
    query("committed", p);
    query("reserved below", base);
    query("reserved above", base + 0x12000);
    old = 0;
    ok = VirtualProtect(p, 0x1000, PAGE_READONLY, &old);
    printf("VirtualProtect(first page, PAGE_READONLY): %s, old %#lx\n", ok ? "TRUE" : "FALSE", old);
    query("read-only page", p);
    query("read-write page", p + 0x1000);
    printf("read-only page still reads %d\n", p[10]);
    printf("VirtualFree(MEM_DECOMMIT): %s\n", VirtualFree(p, 0x2000, MEM_DECOMMIT) ? "TRUE" : "FALSE");
    query("decommitted", p);   /* its region size depends on how much is kept of the old protection */
    SetLastError(0);
    ok = VirtualFree(base, 0x1000, MEM_RELEASE);
    printf("VirtualFree(MEM_RELEASE, size 0x1000): %s, error %lu\n", ok ? "TRUE" : "FALSE", GetLastError());
    printf("VirtualFree(MEM_RELEASE, size 0): %s\n", VirtualFree(base, 0, MEM_RELEASE) ? "TRUE" : "FALSE");
    query("released", base);
    p = VirtualAlloc(NULL, 5000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    query("MEM_COMMIT|MEM_RESERVE of 5000 bytes", p);
    printf("VirtualFree: %s\n", VirtualFree(p, 0, MEM_RELEASE) ? "TRUE" : "FALSE");
    return 0;
}

int main(void)
{
    return heaps() || virtual_memory();
}
