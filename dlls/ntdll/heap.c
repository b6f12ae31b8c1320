/* heap.c: the Rtl heap behind HeapAlloc, LocalAlloc, GlobalAlloc and the C runtimes' malloc.
 *
 * A heap is one or more segments (virtual allocations) tiled with blocks; each block starts with
 * a 16-byte header, so every pointer handed out is 16-byte aligned. Freed blocks of up to 1 KiB
 * go onto per-size LIFO "quick" lists without coalescing (O(1) free and reuse); larger freed
 * blocks are coalesced with their free neighbours and kept in segregated bins (exact 16-byte
 * classes below 2 KiB, four classes per power of two above) found through a bitmap. When the
 * bins cannot serve a request, the quick lists are flushed into the bins (coalescing them) before
 * the heap grows by a new segment. Requests of 508 KiB and more get their own virtual allocation.
 * Each heap has one lock; on the process heap, each thread also keeps a few small blocks per size
 * that it takes and gives back without the lock (the thread cache).
 * The heap handle is the address of struct heap, which sits at the start of the first segment.
 * See docs/heap.md. */
#ifdef _WIN32
# ifndef _NTSYSTEM_
#  define _NTSYSTEM_ /* we define the Rtl heap functions, so they are not imports here */
# endif
# define WIN32_NO_STATUS
# include <windows.h>
# include <winternl.h>
# undef WIN32_NO_STATUS
# include <ntstatus.h>
/* The TEB address (NT_TIB.Self at gs:0x30) identifies the thread. NtCurrentTeb() is not used
 * because gcc 12 reports a bogus -Warray-bounds in mingw-w64's __readgsqword. */
static inline ULONG_PTR heap_thread_id(void)
{
    ULONG_PTR teb;
    __asm__("movq %%gs:0x30, %0" : "=r"(teb));
    return teb;
}
# define HEAP_THREAD_ID() heap_thread_id()
/* The thread's cache of process-heap blocks hangs off an ntdll-private TEB pointer, zeroed in
 * every new TEB: 0x1788 is DeallocationBStore, an IA-64 leftover x64 Windows does not use.
 * Define VINHO_TEB_HEAP_CACHE to 0 to do without the cache. */
# ifndef VINHO_TEB_HEAP_CACHE
#  define VINHO_TEB_HEAP_CACHE 0x1788
# endif
# if VINHO_TEB_HEAP_CACHE
static inline void *heap_tcache_get(void)
{
    void *cache;
    __asm__ volatile("movq %%gs:%c1, %0" : "=r"(cache) : "i"(VINHO_TEB_HEAP_CACHE));
    return cache;
}
static inline void heap_tcache_set(void *cache)
{
    __asm__ volatile("movq %0, %%gs:%c1" : : "r"(cache), "i"(VINHO_TEB_HEAP_CACHE) : "memory");
}
#  define HEAP_TCACHE_GET() heap_tcache_get()
#  define HEAP_TCACHE_SET(p) heap_tcache_set(p)
# endif
#else
# include "heap_native.h"
#endif
#include "vinho/debug.h"
#include "heap.h"

#ifdef HEAP_TCACHE_GET
# define HEAP_TCACHE_ENABLED 1
#else
# define HEAP_TCACHE_ENABLED 0
# define HEAP_TCACHE_GET() NULL
# define HEAP_TCACHE_SET(p) ((void)(p))
#endif

DEFAULT_DEBUG_CHANNEL(heap);

#ifndef NtCurrentProcess
# define NtCurrentProcess() ((HANDLE)(LONG_PTR)-1)
#endif

/* Provided by ntdll's gate (include/vinho/ntcalls.def) and by ntdll's exception code. */
NTSTATUS WINAPI NtAllocateVirtualMemory(HANDLE process, PVOID *addr, ULONG_PTR zero_bits,
                                        SIZE_T *size, ULONG type, ULONG protect);
NTSTATUS WINAPI NtFreeVirtualMemory(HANDLE process, PVOID *addr, SIZE_T *size, ULONG type);
NTSTATUS WINAPI NtYieldExecution(void);
extern void WINAPI RtlRaiseException(EXCEPTION_RECORD *rec);

#define HEAP_MAGIC        0x50414548u   /* "HEAP" */
#define UNIT              16            /* block granularity and alignment */
#define MIN_UNITS         2             /* header + room for two free-list links */
#define QUICK_MAX_UNITS   65            /* blocks with up to 1 KiB of data go to quick lists */
#define EXACT_CLASSES     128           /* bins 0..127 hold blocks of exactly that many units */
#define NUM_CLASSES       256
#define BITMAP_WORDS      (NUM_CLASSES / 64)
#define FIT_SCAN          8             /* blocks tried in a request's own geometric bin */
#define MAX_BLOCK_UNITS   (1u << 28)    /* 4 GiB: keeps unit arithmetic in 32 bits */
#define LARGE_MIN         0x7F000       /* from here on a growable heap maps the block alone */
#define FIXED_MAX         0x7FFF8       /* documented limit of a block in a fixed-size heap */
#define MAX_REQUEST       ((SIZE_T)1 << 47) /* no larger user address space exists on x64 */
#define PAGE_SIZE_        0x1000
#define SEGMENT_ROUND     0x10000
#define DEFAULT_SEGMENT   0x100000      /* first segment of a heap created with no size */
#define MAX_SEGMENT       0x4000000     /* growth doubles segment sizes up to 64 MiB */
#define SPINS_BEFORE_YIELD 100

enum block_state {
    BLOCK_DEAD = 0,      /* header absorbed into a neighbour */
    BLOCK_BUSY = 0x42,   /* owned by the caller */
    BLOCK_CACHED = 0x43, /* on a quick list: free, but not coalesced */
    BLOCK_END = 0x45,    /* sentinel at the end of a segment */
    BLOCK_FREE = 0x46,   /* coalesced, in a bin */
    BLOCK_LARGE = 0x4C,  /* header inside struct large */
    BLOCK_TCACHED = 0x54,/* in a thread's cache: free, but owned by that thread */
};

struct block {
    ULONG prev_units;    /* units of the block physically before; 0 for a segment's first */
    ULONG units;         /* size of the block, header included, in UNITs */
    ULONG unused;        /* bytes at the end of the block the caller did not ask for */
    USHORT tag;          /* block_tag(): catches wild pointers and other heaps' blocks */
    UCHAR state;         /* enum block_state */
    UCHAR reserved;
};

/* Lives in the data area of BLOCK_FREE (both links), BLOCK_CACHED and BLOCK_TCACHED blocks. */
struct free_links {
    struct block *next, *prev;
};

struct segment {
    struct segment *next;  /* newer to older; the heap's first segment is last */
    char *base;            /* start of the memory; the heap header for the first segment */
    SIZE_T size;           /* bytes of memory, ending with the BLOCK_END sentinel */
    struct block *first;
    BOOLEAN owned;         /* ours to release (not the caller's RtlCreateHeap base) */
};

/* A block with its own virtual allocation; the caller's data follows it. */
struct large {
    struct large *next, *prev;
    SIZE_T map_size;       /* bytes mapped */
    SIZE_T size;           /* bytes the caller asked for */
    struct block hdr;      /* BLOCK_LARGE */
};

/* A recursive spin lock (RtlLockHeap may be followed by heap calls on the same thread). Only
 * lock_acquire/lock_release know its insides, so a critical section can replace it. */
struct heap_lock {
    ULONG_PTR owner;       /* HEAP_THREAD_ID() of the holder, 0 when free */
    ULONG count;
};

struct heap {
    ULONG magic;
    ULONG flags;                 /* RtlCreateHeap flags */
    ULONG protect;               /* page protection of new memory */
    USHORT cookie;
    BOOLEAN growable;
    struct heap_lock lock;
    struct heap *next_heap, *prev_heap;
    struct segment *segments;
    SIZE_T next_segment_size;
    struct large *large;
    ULONGLONG bitmap[BITMAP_WORDS];       /* bit c set when bins[c] is not empty */
    struct block *quick[QUICK_MAX_UNITS + 1];
    struct block *bins[NUM_CLASSES];
    struct segment seg0;
};

/* A thread's own small blocks of the process heap, taken and given back without the lock. */
struct thread_cache {
    struct block *list[QUICK_MAX_UNITS + 1];
    UCHAR room[QUICK_MAX_UNITS + 1];   /* blocks each list may still take */
};

#define ALIGN_UP(x, a) (((x) + (a) - 1) & ~(SIZE_T)((a) - 1))
#define HEAP_HEADER_SIZE ALIGN_UP(sizeof(struct heap), UNIT)
#define SEGMENT_HEADER_SIZE ALIGN_UP(sizeof(struct segment), UNIT)
#define HEAP_MIN_SIZE (HEAP_HEADER_SIZE + 4 * PAGE_SIZE_)

_Static_assert(sizeof(struct block) == UNIT, "block header is one unit");
_Static_assert(sizeof(struct large) % UNIT == 0, "large blocks keep data aligned");
_Static_assert(sizeof(struct free_links) <= (MIN_UNITS - 1) * UNIT, "links fit a minimal block");

static struct heap_lock heap_list_lock;
static struct heap *heap_list, *heap_list_tail;
static struct heap *process_heap;     /* the first heap created; ntdll's start-up makes it */
static LONG terminate_on_corruption;  /* HeapEnableTerminationOnCorruption */

/* ---- the lock ---- */

static void lock_wait(struct heap_lock *lock, ULONG_PTR me)
{
    unsigned int spins = 0;
    ULONG_PTR expect;

    for (;;) {
        expect = 0;
        if (!__atomic_load_n(&lock->owner, __ATOMIC_RELAXED) &&
            __atomic_compare_exchange_n(&lock->owner, &expect, me, 0, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED))
            break;
        if (++spins < SPINS_BEFORE_YIELD)
            __builtin_ia32_pause();
        else
            NtYieldExecution();
    }
    lock->count = 1;
}

static inline void lock_acquire(struct heap_lock *lock)
{
    ULONG_PTR me = HEAP_THREAD_ID(), expect = 0;

    if (__atomic_compare_exchange_n(&lock->owner, &expect, me, 0, __ATOMIC_ACQUIRE,
                                    __ATOMIC_RELAXED))
        lock->count = 1;
    else if (expect == me)
        lock->count++;
    else
        lock_wait(lock, me);
}

static inline void lock_release(struct heap_lock *lock)
{
    if (!--lock->count)
        __atomic_store_n(&lock->owner, 0, __ATOMIC_RELEASE);
}

static inline void heap_enter(struct heap *heap, ULONG flags)
{
    if (!(flags & HEAP_NO_SERIALIZE))
        lock_acquire(&heap->lock);
}

static inline void heap_leave(struct heap *heap, ULONG flags)
{
    if (!(flags & HEAP_NO_SERIALIZE))
        lock_release(&heap->lock);
}

/* ---- blocks ---- */

static inline struct block *block_at(struct block *block, LONG_PTR units)
{
    return (struct block *)((char *)block + units * UNIT);
}

static inline struct block *next_block(struct block *block)
{
    return block_at(block, block->units);
}

static inline struct free_links *links(struct block *block)
{
    return (struct free_links *)(block + 1);
}

static inline USHORT block_tag(const struct heap *heap, const struct block *block)
{
    return (USHORT)(((ULONG_PTR)block >> 4) ^ heap->cookie);
}

static inline SIZE_T block_size(const struct block *block)
{
    return (SIZE_T)block->units * UNIT - sizeof(*block) - block->unused;
}

/* Units of a block for size bytes of data (size < LARGE_MIN or FIXED_MAX, so no overflow). */
static inline ULONG size_to_units(SIZE_T size)
{
    ULONG units = (ULONG)((size + sizeof(struct block) + UNIT - 1) / UNIT);
    return units < MIN_UNITS ? MIN_UNITS : units;
}

/* States are read and written with relaxed atomics: a thread changes the state of the blocks in
 * its own cache without the lock while locked code may look at them as neighbours. */
static inline UCHAR get_state(const struct block *block)
{
    return __atomic_load_n(&block->state, __ATOMIC_RELAXED);
}

static inline void set_state(struct block *block, UCHAR state)
{
    __atomic_store_n(&block->state, state, __ATOMIC_RELAXED);
}

static void block_init(struct heap *heap, struct block *block, ULONG units, ULONG prev_units,
                       UCHAR state)
{
    block->prev_units = prev_units;
    block->units = units;
    block->unused = 0;
    block->tag = block_tag(heap, block);
    set_state(block, state);
    block->reserved = 0;
}

static inline struct segment *segment_of_first(struct heap *heap, struct block *first)
{
    struct segment *seg;

    for (seg = heap->segments; seg; seg = seg->next)
        if (seg->first == first)
            return seg;
    return NULL;
}

static inline struct block *segment_end(const struct segment *seg)
{
    return (struct block *)(seg->base + seg->size - UNIT);
}

static BOOL segment_contains(const struct heap *heap, const void *ptr)
{
    const struct segment *seg;

    for (seg = heap->segments; seg; seg = seg->next)
        if ((const char *)ptr > (const char *)seg->first && (const char *)ptr < seg->base + seg->size)
            return TRUE;
    return FALSE;
}

/* ---- bins: size classes of coalesced free blocks ---- */

static inline ULONG size_class(ULONG units)
{
    ULONG log;

    if (units < EXACT_CLASSES)
        return units;
    log = 31 - __builtin_clz(units);
    return EXACT_CLASSES + (log - 7) * 4 + ((units >> (log - 2)) & 3);
}

/* The first non-empty class at or above class, or NUM_CLASSES. */
static ULONG bitmap_next(const struct heap *heap, ULONG class)
{
    ULONG word = class / 64;
    ULONGLONG mask;

    if (word >= BITMAP_WORDS)
        return NUM_CLASSES;
    mask = heap->bitmap[word] & (~0ULL << (class % 64));
    while (!mask) {
        if (++word >= BITMAP_WORDS)
            return NUM_CLASSES;
        mask = heap->bitmap[word];
    }
    return word * 64 + __builtin_ctzll(mask);
}

static void bin_insert(struct heap *heap, struct block *block)
{
    ULONG class = size_class(block->units);
    struct block *head = heap->bins[class];

    links(block)->next = head;
    links(block)->prev = NULL;
    if (head)
        links(head)->prev = block;
    else
        heap->bitmap[class / 64] |= 1ULL << (class % 64);
    heap->bins[class] = block;
}

static void bin_unlink(struct heap *heap, struct block *block)
{
    struct free_links *l = links(block);
    ULONG class;

    if (l->prev)
        links(l->prev)->next = l->next;
    else {
        class = size_class(block->units);
        heap->bins[class] = l->next;
        if (!l->next)
            heap->bitmap[class / 64] &= ~(1ULL << (class % 64));
    }
    if (l->next)
        links(l->next)->prev = l->prev;
}

/* Unlinks and returns a free block of at least units, or NULL. */
static struct block *bins_take(struct heap *heap, ULONG units)
{
    ULONG class = size_class(units);
    struct block *block;
    int tries = 0;

    if (class >= EXACT_CLASSES) {
        /* Blocks in a geometric class may be smaller than the request: try a few first. */
        for (block = heap->bins[class]; block && tries < FIT_SCAN; block = links(block)->next, tries++) {
            if (block->units >= units) {
                bin_unlink(heap, block);
                return block;
            }
        }
        class++;
    }
    class = bitmap_next(heap, class);
    if (class >= NUM_CLASSES)
        return NULL;
    block = heap->bins[class];
    bin_unlink(heap, block);
    return block;
}

/* ---- virtual memory ---- */

static void *vm_alloc(SIZE_T size, ULONG protect)
{
    PVOID addr = NULL;
    SIZE_T len = size;

    if (NtAllocateVirtualMemory(NtCurrentProcess(), &addr, 0, &len, MEM_RESERVE | MEM_COMMIT, protect))
        return NULL;
    return addr;
}

static void vm_free(void *addr)
{
    SIZE_T len = 0;
    NTSTATUS status = NtFreeVirtualMemory(NtCurrentProcess(), &addr, &len, MEM_RELEASE);

    if (status)
        ERR("cannot release %p: %#x\n", addr, (unsigned int)status);
}

/* ---- segments ---- */

/* Tiles a segment with free blocks (at most MAX_BLOCK_UNITS each) and ends it with a sentinel. */
static void segment_format(struct heap *heap, struct segment *seg)
{
    struct block *block = seg->first, *end = segment_end(seg);
    SIZE_T left = (SIZE_T)((char *)end - (char *)block) / UNIT;
    ULONG prev = 0, chunk;

    while (left) {
        chunk = left > MAX_BLOCK_UNITS ? MAX_BLOCK_UNITS / 2 : (ULONG)left;
        block_init(heap, block, chunk, prev, BLOCK_FREE);
        bin_insert(heap, block);
        prev = chunk;
        left -= chunk;
        block = block_at(block, chunk);
    }
    block_init(heap, end, 1, prev, BLOCK_END);
}

/* Adds a segment with room for a block of units to a growable heap. */
static BOOL segment_add(struct heap *heap, ULONG units)
{
    SIZE_T need = ALIGN_UP(((SIZE_T)units + 1) * UNIT + SEGMENT_HEADER_SIZE, SEGMENT_ROUND);
    SIZE_T size = heap->next_segment_size < need ? need : heap->next_segment_size;
    struct segment *seg = vm_alloc(size, heap->protect);

    if (!seg && size > need)
        seg = vm_alloc(size = need, heap->protect);
    if (!seg) {
        WARN("heap %p: no memory for a segment of %#llx bytes\n", heap, (unsigned long long)size);
        return FALSE;
    }
    seg->base = (char *)seg;
    seg->size = size;
    seg->first = (struct block *)((char *)seg + SEGMENT_HEADER_SIZE);
    seg->owned = TRUE;
    seg->next = heap->segments;
    heap->segments = seg;
    segment_format(heap, seg);
    if (heap->next_segment_size < MAX_SEGMENT)
        heap->next_segment_size *= 2;
    TRACE("heap %p: new segment %p, %#llx bytes\n", heap, seg, (unsigned long long)size);
    return TRUE;
}

/* Releases the segment that first (a free block spanning it) starts, unless it is the heap's
 * first segment or its newest, which is kept to absorb alloc/free churn. */
static BOOL segment_release(struct heap *heap, struct block *first)
{
    struct segment **pp, *seg;

    for (pp = &heap->segments; (seg = *pp); pp = &seg->next) {
        if (seg->first != first)
            continue;
        if (seg == &heap->seg0 || pp == &heap->segments || !seg->owned)
            return FALSE;
        *pp = seg->next;
        TRACE("heap %p: releasing segment %p\n", heap, seg);
        vm_free(seg->base);
        return TRUE;
    }
    return FALSE;
}

/* ---- allocation and release of segment blocks (heap locked) ---- */

/* Marks a block free, merges it with free neighbours and files it in a bin. */
static void block_release(struct heap *heap, struct block *block)
{
    struct block *next = next_block(block), *prev;
    ULONG units = block->units;

    if (get_state(next) == BLOCK_FREE && units + next->units <= MAX_BLOCK_UNITS) {
        bin_unlink(heap, next);
        units += next->units;
        set_state(next, BLOCK_DEAD);
        next->tag = 0;
    }
    if (block->prev_units) {
        prev = block_at(block, -(LONG_PTR)block->prev_units);
        if (get_state(prev) == BLOCK_FREE && prev->units + units <= MAX_BLOCK_UNITS) {
            bin_unlink(heap, prev);
            units += prev->units;
            set_state(block, BLOCK_DEAD);
            block->tag = 0;
            block = prev;
        }
    }
    block->units = units;
    set_state(block, BLOCK_FREE);
    next = next_block(block);
    next->prev_units = units;
    if (!block->prev_units && get_state(next) == BLOCK_END && segment_release(heap, block))
        return;
    bin_insert(heap, block);
}

/* Cuts a busy block down to units, releasing the tail if it can stand as a block. */
static void block_trim(struct heap *heap, struct block *block, ULONG units)
{
    struct block *tail;

    if (block->units - units < MIN_UNITS)
        return;
    tail = block_at(block, units);
    block_init(heap, tail, block->units - units, units, BLOCK_BUSY);
    next_block(tail)->prev_units = tail->units;
    block->units = units;
    block_release(heap, tail);
}

/* Moves every quick-list block into the bins; TRUE if there were any. */
static BOOL quick_flush(struct heap *heap)
{
    struct block *block;
    BOOL any = FALSE;
    ULONG units;

    for (units = MIN_UNITS; units <= QUICK_MAX_UNITS; units++) {
        while ((block = heap->quick[units])) {
            heap->quick[units] = links(block)->next;
            set_state(block, BLOCK_BUSY);
            block_release(heap, block);
            any = TRUE;
        }
    }
    return any;
}

/* Returns a busy block of at least units (unused not yet set), or NULL. */
static struct block *block_alloc(struct heap *heap, ULONG units)
{
    struct block *block;

    if (units <= QUICK_MAX_UNITS && (block = heap->quick[units])) {
        heap->quick[units] = links(block)->next;
        set_state(block, BLOCK_BUSY);
        return block;
    }
    block = bins_take(heap, units);
    if (!block && quick_flush(heap))
        block = bins_take(heap, units);
    if (!block && heap->growable && segment_add(heap, units))
        block = bins_take(heap, units);
    if (!block)
        return NULL;
    set_state(block, BLOCK_BUSY);
    block_trim(heap, block, units);
    return block;
}

static void block_free(struct heap *heap, struct block *block)
{
    if (block->units <= QUICK_MAX_UNITS) {
        set_state(block, BLOCK_CACHED);
        links(block)->next = heap->quick[block->units];
        heap->quick[block->units] = block;
    } else
        block_release(heap, block);
}

/* Resizes a busy block without moving it; FALSE if it cannot. */
static BOOL block_resize(struct heap *heap, struct block *block, SIZE_T size)
{
    struct block *next;
    ULONG units;

    if (size >= (heap->growable ? LARGE_MIN : FIXED_MAX))
        return FALSE;
    units = size_to_units(size);
    if (units > block->units) {
        next = next_block(block);
        if (get_state(next) != BLOCK_FREE || block->units + next->units < units ||
            block->units + next->units > MAX_BLOCK_UNITS)
            return FALSE;
        bin_unlink(heap, next);
        block->units += next->units;
        set_state(next, BLOCK_DEAD);
        next->tag = 0;
        next_block(block)->prev_units = block->units;
    }
    block_trim(heap, block, units);
    block->unused = block->units * UNIT - sizeof(*block) - (ULONG)size;
    return TRUE;
}

/* ---- large blocks ---- */

static struct large *large_find(struct heap *heap, const void *ptr)
{
    struct large *large;

    for (large = heap->large; large; large = large->next)
        if ((const void *)(large + 1) == ptr)
            return large;
    return NULL;
}

/* A block in its own mapping of at least size + extra bytes; the memory comes zeroed. */
static void *large_alloc(struct heap *heap, ULONG flags, SIZE_T size, SIZE_T extra)
{
    struct large *large;
    SIZE_T map_size;

    if (size > MAX_REQUEST || extra > MAX_REQUEST)
        return NULL;
    map_size = ALIGN_UP(size + extra + sizeof(*large), PAGE_SIZE_);
    if (!(large = vm_alloc(map_size, heap->protect)))
        return NULL;
    large->map_size = map_size;
    large->size = size;
    block_init(heap, &large->hdr, 0, 0, BLOCK_LARGE);
    heap_enter(heap, flags);
    large->prev = NULL;
    large->next = heap->large;
    if (heap->large)
        heap->large->prev = large;
    heap->large = large;
    heap_leave(heap, flags);
    return large + 1;
}

static void large_unlink(struct heap *heap, struct large *large)
{
    if (large->prev)
        large->prev->next = large->next;
    else
        heap->large = large->next;
    if (large->next)
        large->next->prev = large->prev;
}

static BOOL large_resize(struct large *large, ULONG flags, SIZE_T size)
{
    if (size > large->map_size - sizeof(*large))
        return FALSE;
    /* Unless told to stay, a block that shrank a lot moves to a smaller home. */
    if (!(flags & HEAP_REALLOC_IN_PLACE_ONLY) &&
        (size < LARGE_MIN || size + sizeof(*large) < large->map_size / 4))
        return FALSE;
    large->size = size;
    return TRUE;
}

/* ---- the thread cache: the process heap's small blocks without the lock ---- */

/* Blocks moved at a time between a thread's cache and the heap; a cache holds up to twice that. */
static inline ULONG tcache_batch(ULONG units)
{
    return units <= 8 ? 8 : units <= 32 ? 4 : 2;
}

static inline struct block *tcache_pop(struct thread_cache *cache, ULONG units)
{
    struct block *block = cache->list[units];

    if (block) {
        cache->list[units] = links(block)->next;
        cache->room[units]++;
    }
    return block;
}

/* Gives up to n blocks of a cache list to the heap's quick list (heap locked). */
static void tcache_spill(struct heap *heap, struct thread_cache *cache, ULONG units, ULONG n)
{
    struct block *block;

    while (n-- && (block = tcache_pop(cache, units))) {
        set_state(block, BLOCK_CACHED);
        links(block)->next = heap->quick[units];
        heap->quick[units] = block;
    }
}

static void tcache_spill_all(struct heap *heap, struct thread_cache *cache)
{
    ULONG units;

    for (units = MIN_UNITS; units <= QUICK_MAX_UNITS; units++)
        tcache_spill(heap, cache, units, ~0u);
}

/* Takes a batch of blocks from the heap's quick list into an empty cache list (heap locked). */
static void tcache_fill(struct heap *heap, struct thread_cache *cache, ULONG units)
{
    ULONG n = tcache_batch(units);
    struct block *block;

    while (n-- && (block = heap->quick[units])) {
        heap->quick[units] = links(block)->next;
        set_state(block, BLOCK_TCACHED);
        links(block)->next = cache->list[units];
        cache->list[units] = block;
        cache->room[units]--;
    }
}

/* The calling thread's cache, made on first use (heap locked); NULL without memory. */
static struct thread_cache *tcache_create(struct heap *heap)
{
    struct block *block = block_alloc(heap, size_to_units(sizeof(struct thread_cache)));
    struct thread_cache *cache;
    ULONG units;

    if (!block)
        return NULL;
    block->unused = block->units * UNIT - sizeof(*block) - sizeof(*cache);
    cache = (struct thread_cache *)(block + 1);
    for (units = 0; units <= QUICK_MAX_UNITS; units++) {
        cache->list[units] = NULL;
        cache->room[units] = 2 * tcache_batch(units);
    }
    HEAP_TCACHE_SET(cache);
    return cache;
}

/* A busy block of units from the thread's cache, refilled under the lock when empty. */
static struct block *tcache_alloc(struct heap *heap, ULONG flags, ULONG units)
{
    struct thread_cache *cache = HEAP_TCACHE_GET();
    struct block *block;

    if (!cache || !(block = tcache_pop(cache, units))) {
        heap_enter(heap, flags);
        if (!cache)
            cache = tcache_create(heap);
        if (cache && heap->quick[units]) {
            tcache_fill(heap, cache, units);
            block = tcache_pop(cache, units);
        } else
            block = block_alloc(heap, units);
        heap_leave(heap, flags);
        if (!block)
            return NULL;
    }
    set_state(block, BLOCK_BUSY);
    return block;
}

/* The fast path of RtlAllocateHeap: a cached block of the process heap, or NULL. */
static inline __attribute__((always_inline)) void *tcache_try_alloc(ULONG flags, SIZE_T size)
{
    struct thread_cache *cache = HEAP_TCACHE_GET();
    ULONG units = size_to_units(size);
    struct block *block;

    if (!cache || !(block = tcache_pop(cache, units)))
        return NULL;
    set_state(block, BLOCK_BUSY);
    block->unused = block->units * UNIT - sizeof(*block) - (ULONG)size;
    if (flags & HEAP_ZERO_MEMORY)
        __builtin_memset(block + 1, 0, size);
    return block + 1;
}

/* The units of ptr if it is a small busy block of the heap a thread cache can take, else 0 (maybe
 * a large block, or not a busy block at all: the locked path decides). */
static inline __attribute__((always_inline)) ULONG tcache_units(const struct heap *heap, const void *ptr)
{
    const struct block *block = (const struct block *)ptr - 1;

    if (((ULONG_PTR)ptr & (UNIT - 1)) || (ULONG_PTR)ptr < 0x10000 ||
        ((ULONG_PTR)ptr & (PAGE_SIZE_ - 1)) == sizeof(struct large))
        return 0;
    if (block->tag != block_tag(heap, block) || get_state(block) != BLOCK_BUSY ||
        block->units > QUICK_MAX_UNITS)
        return 0;
    return block->units;
}

static inline void tcache_push(struct thread_cache *cache, struct block *block, ULONG units)
{
    set_state(block, BLOCK_TCACHED);
    links(block)->next = cache->list[units];
    cache->list[units] = block;
    cache->room[units]--;
}

/* The fast path of RtlFreeHeap: puts a small busy block of the process heap on the thread's
 * cache unless that list is full. */
static inline __attribute__((always_inline)) BOOL tcache_try_free(struct heap *heap, void *ptr)
{
    struct thread_cache *cache = HEAP_TCACHE_GET();
    ULONG units;

    if (!cache || !(units = tcache_units(heap, ptr)) || !cache->room[units])
        return FALSE;
    tcache_push(cache, (struct block *)ptr - 1, units);
    return TRUE;
}

/* Puts a small busy block of the process heap on the thread's cache, giving half of a full list
 * to the heap first; FALSE leaves ptr to the locked path. */
static BOOL tcache_free(struct heap *heap, ULONG flags, void *ptr)
{
    struct thread_cache *cache = HEAP_TCACHE_GET();
    ULONG units;

    if (!cache || !(units = tcache_units(heap, ptr)))
        return FALSE;
    if (!cache->room[units]) {
        heap_enter(heap, flags);
        tcache_spill(heap, cache, units, tcache_batch(units));
        heap_leave(heap, flags);
    }
    tcache_push(cache, (struct block *)ptr - 1, units);
    return TRUE;
}

/* ---- the heap (callers hold the lock unless said otherwise) ---- */

/* Finds the busy block behind ptr: *block for a segment block, *large for a large one. */
static BOOL heap_lookup(struct heap *heap, const void *ptr, struct block **block, struct large **large)
{
    struct block *b;

    *block = NULL;
    *large = NULL;
    if (((ULONG_PTR)ptr & (UNIT - 1)) || (ULONG_PTR)ptr < 0x10000)
        return FALSE;
    /* Large data starts at a fixed page offset; check those pointers first so that a freed
     * (unmapped) large block is reported, not read. */
    if (((ULONG_PTR)ptr & (PAGE_SIZE_ - 1)) == sizeof(struct large)) {
        if ((*large = large_find(heap, ptr)))
            return TRUE;
        if (!segment_contains(heap, ptr))
            return FALSE;
    }
    b = (struct block *)ptr - 1;
    if (b->tag != block_tag(heap, b) || get_state(b) != BLOCK_BUSY)
        return FALSE;
    *block = b;
    return TRUE;
}

/* Takes the lock itself. */
static void *heap_alloc(struct heap *heap, ULONG flags, SIZE_T size)
{
    struct block *block;
    ULONG units;

    if (size >= LARGE_MIN) {
        if (heap->growable)
            return large_alloc(heap, flags, size, 0);
        if (size >= FIXED_MAX)
            return NULL;
    }
    units = size_to_units(size);
    if (HEAP_TCACHE_ENABLED && units <= QUICK_MAX_UNITS && heap == process_heap)
        block = tcache_alloc(heap, flags, units);
    else {
        heap_enter(heap, flags);
        block = block_alloc(heap, units);
        heap_leave(heap, flags);
    }
    if (!block)
        return NULL;
    block->unused = block->units * UNIT - sizeof(*block) - (ULONG)size;
    if (flags & HEAP_ZERO_MEMORY)
        __builtin_memset(block + 1, 0, size);
    return block + 1;
}

/* Takes the lock itself. */
static BOOL heap_free(struct heap *heap, ULONG flags, void *ptr)
{
    struct block *block;
    struct large *large;

    if (HEAP_TCACHE_ENABLED && heap == process_heap && tcache_free(heap, flags, ptr))
        return TRUE;
    heap_enter(heap, flags);
    if (!heap_lookup(heap, ptr, &block, &large)) {
        heap_leave(heap, flags);
        return FALSE;
    }
    if (large) {
        large_unlink(heap, large);
        heap_leave(heap, flags);
        vm_free(large);
        return TRUE;
    }
    block_free(heap, block);
    heap_leave(heap, flags);
    return TRUE;
}

/* Takes the lock itself. *bad is set for a pointer that is not a busy block of this heap. */
static void *heap_realloc(struct heap *heap, ULONG flags, void *ptr, SIZE_T size, BOOL *bad)
{
    struct block *block;
    struct large *large;
    SIZE_T old_size = 0;
    BOOL done = FALSE, fresh = FALSE;
    void *ret = ptr;

    heap_enter(heap, flags);
    if (!(*bad = !heap_lookup(heap, ptr, &block, &large))) {
        old_size = large ? large->size : block_size(block);
        done = large ? large_resize(large, flags, size) : block_resize(heap, block, size);
    }
    heap_leave(heap, flags);
    if (*bad || (!done && (flags & HEAP_REALLOC_IN_PLACE_ONLY)))
        return NULL;
    if (!done) {
        /* The block is the caller's: copying it outside the lock is safe. */
        if ((fresh = size >= LARGE_MIN && heap->growable && size > old_size))
            ret = large_alloc(heap, flags, size, size / 4);  /* room to grow in place */
        else
            ret = heap_alloc(heap, flags & ~HEAP_ZERO_MEMORY, size);
        if (!ret)
            return NULL;
        __builtin_memcpy(ret, ptr, old_size < size ? old_size : size);
        heap_free(heap, flags, ptr);
    }
    /* A new large block is zeroed already: do not touch its pages. */
    if ((flags & HEAP_ZERO_MEMORY) && size > old_size && !fresh)
        __builtin_memset((char *)ret + old_size, 0, size - old_size);
    return ret;
}

/* ---- helpers of the exports ---- */

static inline struct heap *heap_from_handle(HANDLE handle)
{
    struct heap *heap = handle;

    if (!heap || ((ULONG_PTR)heap & (UNIT - 1)) || heap->magic != HEAP_MAGIC) {
        WARN("invalid heap %p\n", handle);
        return NULL;
    }
    return heap;
}

/* Flags given to RtlCreateHeap that hold for every call. */
static inline ULONG heap_flags(const struct heap *heap, ULONG flags)
{
    return flags | (heap->flags & (HEAP_NO_SERIALIZE | HEAP_GENERATE_EXCEPTIONS));
}

static void heap_raise(NTSTATUS status, ULONG_PTR info)
{
    EXCEPTION_RECORD rec;

    __builtin_memset(&rec, 0, sizeof(rec));
    rec.ExceptionCode = status;
    rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
    rec.NumberParameters = 1;
    rec.ExceptionInformation[0] = info;
    RtlRaiseException(&rec);
}

static void heap_no_memory(const struct heap *heap, ULONG flags, SIZE_T size)
{
    WARN("heap %p: cannot provide %#llx bytes\n", heap, (unsigned long long)size);
    if (flags & HEAP_GENERATE_EXCEPTIONS)
        heap_raise(STATUS_NO_MEMORY, size);
}

static void heap_bad_pointer(const struct heap *heap, const void *ptr, const char *op)
{
    WARN("%s: %p is not a busy block of heap %p\n", op, ptr, heap);
    if (__atomic_load_n(&terminate_on_corruption, __ATOMIC_RELAXED))
        heap_raise(STATUS_HEAP_CORRUPTION, (ULONG_PTR)ptr);
}

static void heap_list_add(struct heap *heap)
{
    lock_acquire(&heap_list_lock);
    heap->next_heap = NULL;
    heap->prev_heap = heap_list_tail;
    if (heap_list_tail)
        heap_list_tail->next_heap = heap;
    else
        heap_list = heap;
    heap_list_tail = heap;
    if (!process_heap)
        process_heap = heap;
    lock_release(&heap_list_lock);
}

static void heap_list_remove(struct heap *heap)
{
    lock_acquire(&heap_list_lock);
    if (heap->prev_heap)
        heap->prev_heap->next_heap = heap->next_heap;
    else
        heap_list = heap->next_heap;
    if (heap->next_heap)
        heap->next_heap->prev_heap = heap->prev_heap;
    else
        heap_list_tail = heap->prev_heap;
    lock_release(&heap_list_lock);
}

/* Bytes of the first segment, from RtlCreateHeap's sizes; 0 for absurd ones. */
static SIZE_T heap_initial_size(SIZE_T reserve, SIZE_T commit)
{
    SIZE_T size;

    if (reserve > MAX_REQUEST || commit > MAX_REQUEST)
        return 0;
    if (reserve)
        size = ALIGN_UP(reserve, PAGE_SIZE_);
    else if (commit)
        size = ALIGN_UP(commit, SEGMENT_ROUND);
    else
        size = DEFAULT_SEGMENT;
    return size < HEAP_MIN_SIZE ? ALIGN_UP(HEAP_MIN_SIZE, PAGE_SIZE_) : size;
}

static void heap_init(struct heap *heap, ULONG flags, ULONG protect, SIZE_T size, BOOL owned,
                      BOOL growable)
{
    static USHORT counter;

    __builtin_memset(heap, 0, sizeof(*heap));
    heap->magic = HEAP_MAGIC;
    heap->flags = flags;
    heap->protect = protect;
    heap->growable = growable;
    heap->cookie = (USHORT)(((ULONG_PTR)heap >> 16) * 0x9E37u) ^
                   (USHORT)(__atomic_add_fetch(&counter, 0x3B5, __ATOMIC_RELAXED));
    heap->seg0.base = (char *)heap;
    heap->seg0.size = size;
    heap->seg0.first = (struct block *)((char *)heap + HEAP_HEADER_SIZE);
    heap->seg0.owned = owned;
    heap->segments = &heap->seg0;
    heap->next_segment_size = size * 2 < DEFAULT_SEGMENT ? DEFAULT_SEGMENT : size * 2;
    if (heap->next_segment_size > MAX_SEGMENT)
        heap->next_segment_size = MAX_SEGMENT;
    segment_format(heap, &heap->seg0);
}

/* ---- RtlValidateHeap ---- */

/* Walks a segment's blocks; counts free and cached ones. */
static BOOL validate_segment(const struct heap *heap, const struct segment *seg, SIZE_T *nfree,
                             SIZE_T *ncached)
{
    struct block *block = seg->first, *end = segment_end(seg);
    ULONG prev_units = 0;
    UCHAR prev_state = 0, state;

    while (block < end) {
        if (block->tag != block_tag(heap, block) || block->prev_units != prev_units ||
            block->units < MIN_UNITS || block->units > MAX_BLOCK_UNITS) {
            WARN("heap %p: bad block header at %p\n", heap, block);
            return FALSE;
        }
        state = get_state(block);
        if (state == BLOCK_FREE) {
            if (prev_state == BLOCK_FREE && prev_units + block->units <= MAX_BLOCK_UNITS) {
                WARN("heap %p: free blocks not merged at %p\n", heap, block);
                return FALSE;
            }
            (*nfree)++;
        } else if (state == BLOCK_CACHED)
            (*ncached)++;
        else if (state != BLOCK_BUSY && state != BLOCK_TCACHED) {
            WARN("heap %p: bad block state %#x at %p\n", heap, state, block);
            return FALSE;
        }
        prev_units = block->units;
        prev_state = state;
        block = next_block(block);
    }
    return block == end && get_state(end) == BLOCK_END && end->prev_units == prev_units &&
           end->tag == block_tag(heap, end);
}

/* Checks the bins and quick lists against the counts found in the segments. */
static BOOL validate_lists(const struct heap *heap, SIZE_T nfree, SIZE_T ncached)
{
    struct block *block, *prev;
    ULONG class, units;
    BOOL bit;

    for (class = 0; class < NUM_CLASSES; class++) {
        bit = (heap->bitmap[class / 64] >> (class % 64)) & 1;
        if (bit != (heap->bins[class] != NULL))
            return FALSE;
        for (block = heap->bins[class], prev = NULL; block; prev = block, block = links(block)->next) {
            if (!nfree-- || get_state(block) != BLOCK_FREE || size_class(block->units) != class ||
                links(block)->prev != prev)
                return FALSE;
        }
    }
    for (units = 0; units <= QUICK_MAX_UNITS; units++) {
        for (block = heap->quick[units]; block; block = links(block)->next)
            if (!ncached-- || get_state(block) != BLOCK_CACHED || block->units != units)
                return FALSE;
    }
    return !nfree && !ncached;
}

static BOOL validate_heap(const struct heap *heap)
{
    const struct segment *seg;
    const struct large *large;
    SIZE_T nfree = 0, ncached = 0;

    for (seg = heap->segments; seg; seg = seg->next)
        if (!validate_segment(heap, seg, &nfree, &ncached))
            return FALSE;
    if (!validate_lists(heap, nfree, ncached)) {
        WARN("heap %p: free lists disagree with the blocks\n", heap);
        return FALSE;
    }
    for (large = heap->large; large; large = large->next)
        if (get_state(&large->hdr) != BLOCK_LARGE || large->hdr.tag != block_tag(heap, &large->hdr) ||
            (large->next && large->next->prev != large))
            return FALSE;
    return TRUE;
}

/* ---- thread exit ---- */

/* Gives the calling thread's cached blocks back to the process heap; ntdll calls it when a
 * thread exits. */
void heap_thread_detach(void)
{
    struct thread_cache *cache = HEAP_TCACHE_GET();
    struct heap *heap = process_heap;
    ULONG flags;

    if (!cache || !heap)
        return;
    HEAP_TCACHE_SET(NULL);
    flags = heap_flags(heap, 0);
    heap_enter(heap, flags);
    tcache_spill_all(heap, cache);
    block_free(heap, (struct block *)cache - 1);
    heap_leave(heap, flags);
}

/* ---- exports ---- */

/***********************************************************************
 *           RtlCreateHeap   (NTDLL.@)
 *
 * PARAMS
 *  flags   [I] HEAP_* flags; HEAP_GROWABLE, or a zero reserve, makes the heap growable.
 *  base    [I] caller's memory for the heap, or NULL to allocate it.
 *  reserve [I] size of the heap (fixed-size heaps) or of its first segment.
 *  commit  [I] initial size hint; all memory is committed at once here.
 *  lock    [I] caller's lock: not used (FIXME), the heap has its own.
 *  params  [I] RTL_HEAP_PARAMETERS: not used.
 *
 * RETURNS
 *  The heap handle (its base address), or NULL.
 */
PVOID WINAPI RtlCreateHeap(ULONG flags, PVOID base, SIZE_T reserve, SIZE_T commit, PVOID lock,
                           PRTL_HEAP_PARAMETERS params)
{
    ULONG protect = (flags & HEAP_CREATE_ENABLE_EXECUTE) ? PAGE_EXECUTE_READWRITE : PAGE_READWRITE;
    SIZE_T size = heap_initial_size(reserve, commit);
    struct heap *heap;

    TRACE("(%#x, %p, %#llx, %#llx, %p, %p)\n", (unsigned int)flags, base,
          (unsigned long long)reserve, (unsigned long long)commit, lock, params);
    if (lock && (flags & HEAP_NO_SERIALIZE))
        return NULL;
    if (lock)
        FIXME_ONCE("caller's heap lock %p not used\n", lock);
    if (params && params->CommitRoutine)
        FIXME_ONCE("commit routine %p not supported\n", params->CommitRoutine);
    if (!size)
        return NULL;
    if (base) {
        heap = (struct heap *)ALIGN_UP((ULONG_PTR)base, UNIT);
        size = reserve > (SIZE_T)((char *)heap - (char *)base) ?
               (reserve - ((char *)heap - (char *)base)) & ~(SIZE_T)(UNIT - 1) : 0;
        if (size < HEAP_MIN_SIZE) {
            WARN("caller's memory %p, %#llx bytes, is too small\n", base, (unsigned long long)reserve);
            return NULL;
        }
    } else if (!(heap = vm_alloc(size, protect)))
        return NULL;
    heap_init(heap, flags, protect, size, !base, (flags & HEAP_GROWABLE) || (!base && !reserve));
    heap_list_add(heap);
    TRACE("-> %p\n", heap);
    return heap;
}

/***********************************************************************
 *           RtlDestroyHeap   (NTDLL.@)
 *
 * RETURNS
 *  NULL on success, the handle if it is invalid or the process heap.
 */
PVOID WINAPI RtlDestroyHeap(PVOID handle)
{
    struct heap *heap = heap_from_handle(handle);
    struct segment *seg, *next_seg;
    struct large *large, *next_large;

    TRACE("(%p)\n", handle);
    if (!heap)
        return handle;
    if (heap == process_heap) {
        WARN("refusing to destroy the process heap\n");
        return handle;
    }
    heap_list_remove(heap);
    heap->magic = 0;
    for (large = heap->large; large; large = next_large) {
        next_large = large->next;
        vm_free(large);
    }
    for (seg = heap->segments; seg != &heap->seg0; seg = next_seg) {
        next_seg = seg->next;
        vm_free(seg->base);
    }
    if (heap->seg0.owned)
        vm_free(heap);
    return NULL;
}

/***********************************************************************
 *           RtlAllocateHeap   (NTDLL.@)
 *
 * RETURNS
 *  A 16-byte aligned block of size bytes (a unique one for size 0), or NULL (or an exception
 *  STATUS_NO_MEMORY with HEAP_GENERATE_EXCEPTIONS).
 */
PVOID WINAPI RtlAllocateHeap(PVOID handle, ULONG flags, SIZE_T size)
{
    struct heap *heap;
    void *ptr;

    if (HEAP_TCACHE_ENABLED && handle == process_heap && size <= (QUICK_MAX_UNITS - 1) * UNIT &&
        (ptr = tcache_try_alloc(flags, size))) {
        TRACE("(%p, %#x, %#llx) -> %p\n", handle, (unsigned int)flags, (unsigned long long)size, ptr);
        return ptr;
    }
    if (!(heap = heap_from_handle(handle)))
        return NULL;
    flags = heap_flags(heap, flags);
    ptr = heap_alloc(heap, flags, size);
    TRACE("(%p, %#x, %#llx) -> %p\n", handle, (unsigned int)flags, (unsigned long long)size, ptr);
    if (!ptr)
        heap_no_memory(heap, flags, size);
    return ptr;
}

/***********************************************************************
 *           RtlFreeHeap   (NTDLL.@)
 *
 * RETURNS
 *  TRUE for NULL or a busy block of the heap; FALSE for anything else (double frees included).
 */
BOOLEAN WINAPI RtlFreeHeap(PVOID handle, ULONG flags, PVOID ptr)
{
    struct heap *heap;

    TRACE("(%p, %#x, %p)\n", handle, (unsigned int)flags, ptr);
    if (!ptr)
        return TRUE;
    if (HEAP_TCACHE_ENABLED && handle == process_heap && tcache_try_free(process_heap, ptr))
        return TRUE;
    if (!(heap = heap_from_handle(handle)))
        return FALSE;
    if (heap_free(heap, heap_flags(heap, flags), ptr))
        return TRUE;
    heap_bad_pointer(heap, ptr, "free");
    return FALSE;
}

/***********************************************************************
 *           RtlReAllocateHeap   (NTDLL.@)
 *
 * RETURNS
 *  The resized block (moved unless HEAP_REALLOC_IN_PLACE_ONLY), or NULL; ptr stays valid on
 *  failure. HEAP_ZERO_MEMORY zeroes the growth.
 */
PVOID WINAPI RtlReAllocateHeap(HANDLE handle, ULONG flags, PVOID ptr, SIZE_T size)
{
    struct heap *heap = heap_from_handle(handle);
    BOOL bad = FALSE;
    void *ret;

    TRACE("(%p, %#x, %p, %#llx)\n", handle, (unsigned int)flags, ptr, (unsigned long long)size);
    if (!heap || !ptr)
        return NULL;
    flags = heap_flags(heap, flags);
    ret = size > MAX_REQUEST ? NULL : heap_realloc(heap, flags, ptr, size, &bad);
    if (bad)
        heap_bad_pointer(heap, ptr, "realloc");
    else if (!ret)
        heap_no_memory(heap, flags, size);
    TRACE("-> %p\n", ret);
    return ret;
}

/***********************************************************************
 *           RtlSizeHeap   (NTDLL.@)
 *
 * RETURNS
 *  The size asked for the block, or (SIZE_T)-1 for a pointer that is not a busy block.
 */
SIZE_T WINAPI RtlSizeHeap(HANDLE handle, ULONG flags, const void *ptr)
{
    struct heap *heap = heap_from_handle(handle);
    struct block *block;
    struct large *large;
    SIZE_T size = ~(SIZE_T)0;

    if (!heap)
        return size;
    flags = heap_flags(heap, flags);
    heap_enter(heap, flags);
    if (heap_lookup(heap, ptr, &block, &large))
        size = large ? large->size : block_size(block);
    heap_leave(heap, flags);
    if (size == ~(SIZE_T)0)
        heap_bad_pointer(heap, ptr, "size");
    TRACE("(%p, %#x, %p) -> %#llx\n", handle, (unsigned int)flags, ptr, (unsigned long long)size);
    return size;
}

/***********************************************************************
 *           RtlValidateHeap   (NTDLL.@)
 *
 * Checks one block (ptr) or, for a NULL ptr, every block and free list of the heap.
 */
BOOLEAN WINAPI RtlValidateHeap(HANDLE handle, ULONG flags, const void *ptr)
{
    struct heap *heap = heap_from_handle(handle);
    struct block *block;
    struct large *large;
    BOOLEAN ret;

    TRACE("(%p, %#x, %p)\n", handle, (unsigned int)flags, ptr);
    if (!heap)
        return FALSE;
    flags = heap_flags(heap, flags);
    heap_enter(heap, flags);
    if (ptr)
        ret = large_find(heap, ptr) || (segment_contains(heap, ptr) &&
                                        heap_lookup(heap, ptr, &block, &large));
    else
        ret = validate_heap(heap);
    heap_leave(heap, flags);
    return ret;
}

/***********************************************************************
 *           RtlLockHeap   (NTDLL.@)
 */
BOOLEAN WINAPI RtlLockHeap(HANDLE handle)
{
    struct heap *heap = heap_from_handle(handle);

    if (!heap)
        return FALSE;
    lock_acquire(&heap->lock);
    return TRUE;
}

/***********************************************************************
 *           RtlUnlockHeap   (NTDLL.@)
 *
 * RETURNS
 *  FALSE if the calling thread does not hold the heap's lock.
 */
BOOLEAN WINAPI RtlUnlockHeap(HANDLE handle)
{
    struct heap *heap = heap_from_handle(handle);

    if (!heap || __atomic_load_n(&heap->lock.owner, __ATOMIC_RELAXED) != HEAP_THREAD_ID())
        return FALSE;
    lock_release(&heap->lock);
    return TRUE;
}

/***********************************************************************
 *           RtlGetProcessHeaps   (NTDLL.@)
 *
 * RETURNS
 *  The number of heaps; the first min(count, that) handles are stored, the process heap first.
 */
ULONG WINAPI RtlGetProcessHeaps(ULONG count, HANDLE *heaps)
{
    struct heap *heap;
    ULONG total = 0;

    lock_acquire(&heap_list_lock);
    for (heap = heap_list; heap; heap = heap->next_heap, total++)
        if (total < count)
            heaps[total] = heap;
    lock_release(&heap_list_lock);
    return total;
}

/***********************************************************************
 *           RtlCompactHeap   (NTDLL.@)
 *
 * Coalesces the blocks cached on quick lists (and in the calling thread's cache).
 *
 * RETURNS
 *  The size of the largest free block (0 if none).
 */
SIZE_T WINAPI RtlCompactHeap(HANDLE handle, ULONG flags)
{
    struct heap *heap = heap_from_handle(handle);
    struct thread_cache *cache;
    struct block *block;
    ULONG units = 0, class;

    if (!heap)
        return 0;
    flags = heap_flags(heap, flags);
    heap_enter(heap, flags);
    if (heap == process_heap && (cache = HEAP_TCACHE_GET()))
        tcache_spill_all(heap, cache);
    quick_flush(heap);
    for (class = bitmap_next(heap, 0); class < NUM_CLASSES; class = bitmap_next(heap, class + 1))
        for (block = heap->bins[class]; block; block = links(block)->next)
            if (block->units > units)
                units = block->units;
    heap_leave(heap, flags);
    return units ? (SIZE_T)units * UNIT - sizeof(struct block) : 0;
}

/***********************************************************************
 *           RtlWalkHeap   (NTDLL.@)
 */
NTSTATUS WINAPI RtlWalkHeap(HANDLE handle, PVOID entry)
{
    FIXME("(%p, %p): not implemented\n", handle, entry);
    return STATUS_NOT_IMPLEMENTED;
}

/***********************************************************************
 *           RtlSetHeapInformation   (NTDLL.@)
 *
 * HeapCompatibilityInformation accepts 2 (the low-fragmentation heap, which is what this heap
 * reports being); HeapEnableTerminationOnCorruption makes bad pointers raise
 * STATUS_HEAP_CORRUPTION.
 */
DWORD WINAPI RtlSetHeapInformation(PVOID handle, HEAP_INFORMATION_CLASS info_class, PVOID info,
                                   SIZE_T length)
{
    TRACE("(%p, %d, %p, %#llx)\n", handle, (int)info_class, info, (unsigned long long)length);
    if (info_class == HeapEnableTerminationOnCorruption) {
        __atomic_store_n(&terminate_on_corruption, 1, __ATOMIC_RELAXED);
        return STATUS_SUCCESS;
    }
    if (info_class != HeapCompatibilityInformation) {
        FIXME("information class %d not supported\n", (int)info_class);
        return STATUS_INVALID_INFO_CLASS;
    }
    if (!heap_from_handle(handle))
        return STATUS_INVALID_PARAMETER;
    if (!info || length < sizeof(ULONG))
        return STATUS_BUFFER_TOO_SMALL;
    if (*(ULONG *)info == 2)
        return STATUS_SUCCESS;
    WARN("compatibility mode %u not available\n", (unsigned int)*(ULONG *)info);
    return *(ULONG *)info <= 1 ? STATUS_UNSUCCESSFUL : STATUS_INVALID_PARAMETER;
}

/***********************************************************************
 *           RtlQueryHeapInformation   (NTDLL.@)
 */
DWORD WINAPI RtlQueryHeapInformation(PVOID handle, HEAP_INFORMATION_CLASS info_class, PVOID info,
                                     SIZE_T length, PSIZE_T result_length)
{
    TRACE("(%p, %d, %p, %#llx, %p)\n", handle, (int)info_class, info, (unsigned long long)length,
          result_length);
    if (info_class != HeapCompatibilityInformation) {
        FIXME("information class %d not supported\n", (int)info_class);
        return STATUS_INVALID_INFO_CLASS;
    }
    if (!heap_from_handle(handle))
        return STATUS_INVALID_PARAMETER;
    if (result_length)
        *result_length = sizeof(ULONG);
    if (!info || length < sizeof(ULONG))
        return STATUS_BUFFER_TOO_SMALL;
    *(ULONG *)info = 2;
    return STATUS_SUCCESS;
}
