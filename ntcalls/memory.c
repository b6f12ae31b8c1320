/* memory.c: NT virtual memory (reserve/commit/protect/query) over mmap, with Windows' 64 KiB
 * allocation granularity. Every region vinho hands to PE code is tracked here, page by page. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(virtual);

#define PAGE_SIZE_ 0x1000UL
#define GRANULARITY 0x10000UL
#define USER_SPACE_END 0x7ffffffe0000UL
#define PAGE_COMMITTED 0x8000   /* in region.pages[]: the low bits are the Windows protection */

struct region {
    char *base;
    size_t size;
    ULONG alloc_protect, type;
    uint16_t *pages;
};

static pthread_mutex_t vm_lock = PTHREAD_MUTEX_INITIALIZER;
static struct region *regions;  /* sorted by base */
static size_t nregions, regions_cap;

static const ULONG valid_protections[] = {
    PAGE_NOACCESS, PAGE_READONLY, PAGE_READWRITE, PAGE_WRITECOPY, PAGE_EXECUTE,
    PAGE_EXECUTE_READ, PAGE_EXECUTE_READWRITE, PAGE_EXECUTE_WRITECOPY,
};

static bool protection_valid(ULONG protect)
{
    ULONG base = protect & 0xff;
    if (protect & ~(0xffUL | PAGE_GUARD | PAGE_NOCACHE | PAGE_WRITECOMBINE))
        return false;
    for (size_t i = 0; i < sizeof(valid_protections) / sizeof(valid_protections[0]); i++)
        if (base == valid_protections[i])
            return !(base == PAGE_NOACCESS && (protect & PAGE_GUARD));
    return false;
}

int virtual_win_to_unix_prot(ULONG protect)
{
    if (protect & PAGE_GUARD)
        return PROT_NONE;   /* a fault on it clears the guard: virtual_clear_guard() */
    switch (protect & 0xff) {
    case PAGE_READONLY:          return PROT_READ;
    case PAGE_READWRITE:
    case PAGE_WRITECOPY:         return PROT_READ | PROT_WRITE;
    case PAGE_EXECUTE:           /* x86 cannot execute without reading */
    case PAGE_EXECUTE_READ:      return PROT_READ | PROT_EXEC;
    case PAGE_EXECUTE_READWRITE:
    case PAGE_EXECUTE_WRITECOPY: return PROT_READ | PROT_WRITE | PROT_EXEC;
    }
    return PROT_NONE;
}

ULONG virtual_unix_to_win_prot(int prot)
{
    if (prot & PROT_EXEC)
        return prot & PROT_WRITE ? PAGE_EXECUTE_READWRITE : PAGE_EXECUTE_READ;
    if (prot & PROT_WRITE)
        return PAGE_READWRITE;
    return prot & PROT_READ ? PAGE_READONLY : PAGE_NOACCESS;
}

/* Index of the region containing addr, or -1; with lock held. */
static long find_region(const void *addr)
{
    size_t lo = 0, hi = nregions;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((const char *)addr < regions[mid].base)
            hi = mid;
        else if ((const char *)addr >= regions[mid].base + regions[mid].size)
            lo = mid + 1;
        else
            return mid;
    }
    return -1;
}

static struct region *add_region(char *base, size_t size, ULONG alloc_protect, ULONG type)
{
    size_t i, npages = size / PAGE_SIZE_;
    uint16_t *pages = calloc(npages, sizeof(*pages));
    if (!pages)
        return NULL;
    if (nregions == regions_cap) {
        size_t cap = regions_cap ? regions_cap * 2 : 64;
        struct region *grown = realloc(regions, cap * sizeof(*grown));
        if (!grown) {
            free(pages);
            return NULL;
        }
        regions = grown;
        regions_cap = cap;
    }
    for (i = 0; i < nregions && regions[i].base < base; i++)
        ;
    memmove(regions + i + 1, regions + i, (nregions - i) * sizeof(*regions));
    nregions++;
    regions[i] = (struct region){ base, size, alloc_protect, type, pages };
    return &regions[i];
}

static void remove_region(long i)
{
    free(regions[i].pages);
    memmove(regions + i, regions + i + 1, (nregions - i - 1) * sizeof(*regions));
    nregions--;
}

/* Reserves size bytes at a 64 KiB-aligned address (the given one, or any). */
static NTSTATUS reserve(char **addr, size_t size, ULONG_PTR zero_bits)
{
    if (*addr) {
        void *p = mmap(*addr, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
                       MAP_FIXED_NOREPLACE, -1, 0);
        if (p == MAP_FAILED)
            return errno == EEXIST ? STATUS_CONFLICTING_ADDRESSES : STATUS_NO_MEMORY;
        if (p != *addr) {   /* an old kernel that ignores MAP_FIXED_NOREPLACE */
            munmap(p, size);
            return STATUS_CONFLICTING_ADDRESSES;
        }
        return STATUS_SUCCESS;
    }
    int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
    if (zero_bits && zero_bits < 32)
        flags |= MAP_32BIT;   /* XXX: below 2 GiB, stricter than most zero_bits values ask */
    char *p = mmap(NULL, size + GRANULARITY, PROT_NONE, flags, -1, 0);
    if (p == MAP_FAILED)
        return STATUS_NO_MEMORY;
    char *aligned = (char *)(((ULONG_PTR)p + GRANULARITY - 1) & ~(GRANULARITY - 1));
    if (aligned > p)
        munmap(p, aligned - p);
    munmap(aligned + size, p + size + GRANULARITY - (aligned + size));
    *addr = aligned;
    return STATUS_SUCCESS;
}

static NTSTATUS commit(struct region *r, char *start, size_t size, ULONG protect)
{
    if (mprotect(start, size, virtual_win_to_unix_prot(protect)) < 0)
        return errno_to_status(errno);
    for (size_t i = (start - r->base) / PAGE_SIZE_, n = size / PAGE_SIZE_; n; n--, i++)
        r->pages[i] = PAGE_COMMITTED | protect;
    return STATUS_SUCCESS;
}

static NTSTATUS allocate_locked(char **addr, size_t *size, ULONG_PTR zero_bits, ULONG type, ULONG protect)
{
    char *start;
    size_t len;
    struct region *r;
    NTSTATUS status;

    if ((type & MEM_RESERVE) || !*addr) {
        start = (char *)((ULONG_PTR)*addr & ~(GRANULARITY - 1));
        len = (((ULONG_PTR)*addr + *size + PAGE_SIZE_ - 1) & ~(PAGE_SIZE_ - 1)) - (ULONG_PTR)start;
        if (!*addr)
            len = (*size + PAGE_SIZE_ - 1) & ~(PAGE_SIZE_ - 1);
        if ((status = reserve(&start, len, zero_bits)))
            return status;
        if (!(r = add_region(start, len, protect, MEM_PRIVATE))) {
            munmap(start, len);
            return STATUS_NO_MEMORY;
        }
        if ((type & MEM_COMMIT) && (status = commit(r, start, len, protect))) {
            munmap(start, len);
            remove_region(r - regions);
            return status;
        }
    } else {
        long i = find_region(*addr);
        start = (char *)((ULONG_PTR)*addr & ~(PAGE_SIZE_ - 1));
        len = (((ULONG_PTR)*addr + *size + PAGE_SIZE_ - 1) & ~(PAGE_SIZE_ - 1)) - (ULONG_PTR)start;
        if (i < 0 || start + len > regions[i].base + regions[i].size)
            return STATUS_CONFLICTING_ADDRESSES;
        if ((status = commit(&regions[i], start, len, protect)))
            return status;
    }
    *addr = start;
    *size = len;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtAllocateVirtualMemory
 */
NTSTATUS WINAPI NtAllocateVirtualMemory(HANDLE process, PVOID *addr, ULONG_PTR zero_bits,
                                        SIZE_T *size, ULONG type, ULONG protect)
{
    NTSTATUS status;
    char *start;

    if (!addr || !size)
        return STATUS_ACCESS_VIOLATION;
    TRACE("%p %p %#lx type %#x protect %#x\n", process, *addr, (unsigned long)*size, type, protect);
    if (process != NtCurrentProcess()) {
        FIXME("allocating in another process is not implemented\n");
        return STATUS_NOT_IMPLEMENTED;
    }
    if (!*size || *size > USER_SPACE_END)
        return STATUS_INVALID_PARAMETER;
    if (type & MEM_RESET)
        return (type & ~MEM_RESET) ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS; /* contents may stay */
    if (!(type & (MEM_COMMIT | MEM_RESERVE)) ||
        (type & ~(MEM_COMMIT | MEM_RESERVE | MEM_TOP_DOWN | MEM_WRITE_WATCH)))
        return STATUS_INVALID_PARAMETER;
    if (!protection_valid(protect))
        return STATUS_INVALID_PAGE_PROTECTION;
    if ((ULONG_PTR)*addr >= USER_SPACE_END)
        return STATUS_INVALID_PARAMETER;
    start = *addr;
    pthread_mutex_lock(&vm_lock);
    status = allocate_locked(&start, size, zero_bits, type, protect);
    pthread_mutex_unlock(&vm_lock);
    if (!status)
        *addr = start;
    TRACE("-> %#x %p %#lx\n", status, *addr, (unsigned long)*size);
    return status;
}

static NTSTATUS free_locked(char **addr, size_t *size, ULONG type)
{
    long i = find_region(*addr);
    struct region *r;
    char *start;
    size_t len;

    if (i < 0)
        return STATUS_MEMORY_NOT_ALLOCATED;
    r = &regions[i];
    if (r->type != MEM_PRIVATE)
        return STATUS_UNABLE_TO_FREE_VM;
    if (type == MEM_RELEASE) {
        if (*size)
            return STATUS_INVALID_PARAMETER;
        if (*addr != r->base)
            return STATUS_FREE_VM_NOT_AT_BASE;
        munmap(r->base, r->size);
        *size = r->size;
        remove_region(i);
        return STATUS_SUCCESS;
    }
    start = (char *)((ULONG_PTR)*addr & ~(PAGE_SIZE_ - 1));
    len = *size ? (((ULONG_PTR)*addr + *size + PAGE_SIZE_ - 1) & ~(PAGE_SIZE_ - 1)) - (ULONG_PTR)start
                : (start == r->base ? r->size : 0);
    if (!len || start + len > r->base + r->size)
        return STATUS_INVALID_PARAMETER;
    if (mmap(start, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0)
        == MAP_FAILED)
        return errno_to_status(errno);
    memset(r->pages + (start - r->base) / PAGE_SIZE_, 0, len / PAGE_SIZE_ * sizeof(*r->pages));
    *addr = start;
    *size = len;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtFreeVirtualMemory
 */
NTSTATUS WINAPI NtFreeVirtualMemory(HANDLE process, PVOID *addr, SIZE_T *size, ULONG type)
{
    NTSTATUS status;
    char *start;

    if (!addr || !size)
        return STATUS_ACCESS_VIOLATION;
    TRACE("%p %p %#lx %#x\n", process, *addr, (unsigned long)*size, type);
    if (process != NtCurrentProcess())
        return STATUS_NOT_IMPLEMENTED;
    if (type != MEM_RELEASE && type != MEM_DECOMMIT)
        return STATUS_INVALID_PARAMETER;
    start = *addr;
    pthread_mutex_lock(&vm_lock);
    status = free_locked(&start, size, type);
    pthread_mutex_unlock(&vm_lock);
    if (!status)
        *addr = start;
    return status;
}

/***********************************************************************
 *           NtProtectVirtualMemory
 */
NTSTATUS WINAPI NtProtectVirtualMemory(HANDLE process, PVOID *addr, SIZE_T *size, ULONG new_protect,
                                       ULONG *old_protect)
{
    char *start;
    size_t len, first;
    long i;
    ULONG old = 0;
    NTSTATUS status = STATUS_SUCCESS;

    if (!addr || !size || !old_protect)
        return STATUS_ACCESS_VIOLATION;
    TRACE("%p %p %#lx %#x\n", process, *addr, (unsigned long)*size, new_protect);
    if (process != NtCurrentProcess())
        return STATUS_NOT_IMPLEMENTED;
    if (!protection_valid(new_protect))
        return STATUS_INVALID_PAGE_PROTECTION;
    start = (char *)((ULONG_PTR)*addr & ~(PAGE_SIZE_ - 1));
    len = (((ULONG_PTR)*addr + *size + PAGE_SIZE_ - 1) & ~(PAGE_SIZE_ - 1)) - (ULONG_PTR)start;
    if (!len)
        len = PAGE_SIZE_;
    pthread_mutex_lock(&vm_lock);
    i = find_region(start);
    if (i < 0 || start + len > regions[i].base + regions[i].size) {
        status = STATUS_CONFLICTING_ADDRESSES;
        goto out;
    }
    first = (start - regions[i].base) / PAGE_SIZE_;
    for (size_t p = 0; p < len / PAGE_SIZE_; p++) {
        if (!(regions[i].pages[first + p] & PAGE_COMMITTED)) {
            status = STATUS_NOT_COMMITTED;
            goto out;
        }
    }
    old = regions[i].pages[first] & ~PAGE_COMMITTED;
    status = commit(&regions[i], start, len, new_protect);
out:
    pthread_mutex_unlock(&vm_lock);
    if (!status) {
        *old_protect = old;     /* the caller's memory is touched only with no lock held */
        *addr = start;
        *size = len;
    }
    return status;
}

/* Memory vinho did not hand out: ask the kernel's map so the answer is at least true. */
static void query_unix(char *addr, MEMORY_BASIC_INFORMATION *info)
{
    FILE *maps = fopen("/proc/self/maps", "re");
    unsigned long lo, hi, next = USER_SPACE_END;
    char perms[5];
    info->State = MEM_FREE;
    info->Protect = PAGE_NOACCESS;
    info->AllocationBase = NULL;
    info->AllocationProtect = 0;
    info->Type = 0;
    while (maps && fscanf(maps, "%lx-%lx %4s%*[^\n]", &lo, &hi, perms) == 3) {
        if ((unsigned long)addr >= lo && (unsigned long)addr < hi) {
            int prot = (perms[0] == 'r' ? PROT_READ : 0) | (perms[1] == 'w' ? PROT_WRITE : 0) |
                       (perms[2] == 'x' ? PROT_EXEC : 0);
            info->State = MEM_COMMIT;
            info->Type = MEM_PRIVATE;
            info->AllocationBase = (void *)lo;
            info->Protect = info->AllocationProtect = virtual_unix_to_win_prot(prot);
            next = hi;
            break;
        }
        if (lo > (unsigned long)addr && lo < next)
            next = lo;
    }
    if (maps)
        fclose(maps);
    if (info->State == MEM_FREE)
        for (size_t i = 0; i < nregions; i++)
            if (regions[i].base > addr && (unsigned long)regions[i].base < next)
                next = (unsigned long)regions[i].base;
    info->RegionSize = next - (unsigned long)addr;
}

static void query_region(const struct region *r, char *addr, MEMORY_BASIC_INFORMATION *info)
{
    size_t first = (addr - r->base) / PAGE_SIZE_, n = r->size / PAGE_SIZE_, p;
    uint16_t state = r->pages[first];
    for (p = first + 1; p < n && r->pages[p] == state; p++)
        ;
    info->AllocationBase = r->base;
    info->AllocationProtect = r->alloc_protect;
    info->RegionSize = (p - first) * PAGE_SIZE_;
    info->State = state & PAGE_COMMITTED ? MEM_COMMIT : MEM_RESERVE;
    info->Protect = state & PAGE_COMMITTED ? state & ~PAGE_COMMITTED : 0;
    info->Type = r->type;
}

static void *lazy_page;
static bool (*lazy_page_make)(const void *addr, bool write);

void virtual_register_lazy_page(void *page, bool (*make)(const void *addr, bool write))
{
    lazy_page = page;
    lazy_page_make = make;
}

/***********************************************************************
 *           NtQueryVirtualMemory
 */
NTSTATUS WINAPI NtQueryVirtualMemory(HANDLE process, const void *addr, ULONG info_class,
                                     PVOID buffer, SIZE_T length, SIZE_T *result_length)
{
    MEMORY_BASIC_INFORMATION local, *info = &local;   /* filled under the lock, copied after */
    char *page = (char *)((ULONG_PTR)addr & ~(PAGE_SIZE_ - 1));
    long i;

    TRACE("%p %p class %u\n", process, addr, info_class);
    if (process != NtCurrentProcess())
        return STATUS_NOT_IMPLEMENTED;
    if (info_class != 0 /* MemoryBasicInformation */) {
        FIXME("information class %u is not implemented\n", info_class);
        return STATUS_INVALID_INFO_CLASS;
    }
    if (length < sizeof(*info))
        return STATUS_INFO_LENGTH_MISMATCH;
    if ((ULONG_PTR)addr >= USER_SPACE_END)
        return STATUS_INVALID_PARAMETER;
    if (page == lazy_page && lazy_page_make)
        lazy_page_make(page, false);    /* made on first access, and a query is one */
    memset(info, 0, sizeof(*info));
    info->BaseAddress = page;
    pthread_mutex_lock(&vm_lock);
    if ((i = find_region(page)) >= 0)
        query_region(&regions[i], page, info);
    else
        query_unix(page, info);
    pthread_mutex_unlock(&vm_lock);
    memcpy(buffer, &local, sizeof(local));
    if (result_length)
        *result_length = sizeof(*info);
    return STATUS_SUCCESS;
}

/* The loader maps images itself, then records them and their section protections here. */
void virtual_register_image(void *base, size_t size)
{
    pthread_mutex_lock(&vm_lock);
    struct region *r = add_region(base, (size + PAGE_SIZE_ - 1) & ~(PAGE_SIZE_ - 1),
                                  PAGE_EXECUTE_WRITECOPY, MEM_IMAGE);
    if (r)
        for (size_t i = 0; i < r->size / PAGE_SIZE_; i++)
            r->pages[i] = PAGE_COMMITTED | PAGE_READONLY;
    pthread_mutex_unlock(&vm_lock);
}

void virtual_set_protection(void *addr, size_t size, ULONG protect)
{
    pthread_mutex_lock(&vm_lock);
    long i = find_region(addr);
    if (i >= 0)
        commit(&regions[i], (char *)((ULONG_PTR)addr & ~(PAGE_SIZE_ - 1)),
               (size + PAGE_SIZE_ - 1) & ~(PAGE_SIZE_ - 1), protect);
    pthread_mutex_unlock(&vm_lock);
}

void virtual_unregister_image(void *base)
{
    pthread_mutex_lock(&vm_lock);
    long i = find_region(base);
    if (i >= 0 && regions[i].type == MEM_IMAGE)
        remove_region(i);
    pthread_mutex_unlock(&vm_lock);
}

/* Views of sections: MEM_MAPPED regions, committed with the view's protection. */
bool virtual_register_view(void *base, size_t size, ULONG protect)
{
    size = (size + PAGE_SIZE_ - 1) & ~(PAGE_SIZE_ - 1);
    pthread_mutex_lock(&vm_lock);
    struct region *r = add_region(base, size, protect, MEM_MAPPED);
    if (r)
        for (size_t i = 0; i < size / PAGE_SIZE_; i++)
            r->pages[i] = PAGE_COMMITTED | protect;
    pthread_mutex_unlock(&vm_lock);
    return r != NULL;
}

bool virtual_find_view(const void *addr, void **base, size_t *size)
{
    pthread_mutex_lock(&vm_lock);
    long i = find_region(addr);
    bool found = i >= 0 && regions[i].type == MEM_MAPPED;
    if (found) {
        *base = regions[i].base;
        *size = regions[i].size;
    }
    pthread_mutex_unlock(&vm_lock);
    return found;
}

/* Forgets the view holding addr; says where it was so the caller can unmap it. */
bool virtual_unregister_view(void *addr, void **base, size_t *size)
{
    pthread_mutex_lock(&vm_lock);
    long i = find_region(addr);
    bool found = i >= 0 && regions[i].type == MEM_MAPPED;
    if (found) {
        *base = regions[i].base;
        *size = regions[i].size;
        remove_region(i);
    }
    pthread_mutex_unlock(&vm_lock);
    return found;
}

/* A fault on a PAGE_GUARD page (loader/signal.c, exceptions): the guard goes away (the page gets
 * its protection without PAGE_GUARD) and the caller raises STATUS_GUARD_PAGE_VIOLATION, as
 * Windows does once per arming. False if addr is not on a guard page. */
bool virtual_clear_guard(const void *addr)
{
    bool cleared = false;
    long i;

    pthread_mutex_lock(&vm_lock);
    if ((i = find_region(addr)) >= 0) {
        struct region *r = &regions[i];
        size_t page = ((const char *)addr - r->base) / PAGE_SIZE_;
        uint16_t p = r->pages[page];
        if ((p & PAGE_COMMITTED) && (p & PAGE_GUARD)) {
            char *start = r->base + page * PAGE_SIZE_;
            r->pages[page] = p & ~PAGE_GUARD;
            cleared = !mprotect(start, PAGE_SIZE_, virtual_win_to_unix_prot(p & ~(PAGE_GUARD | PAGE_COMMITTED)));
        }
    }
    pthread_mutex_unlock(&vm_lock);
    return cleared;
}
