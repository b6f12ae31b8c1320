/* test_heap.c: dlls/ntdll/heap.c compiled natively, with mmap standing in for the gate's virtual
 * memory calls and setjmp/longjmp for RtlRaiseException.
 *
 * `test_heap bench` prints a malloc/free micro benchmark against glibc instead of testing.
 * HEAP_TEST_TRACE=1 turns on every trace level of the heap channel. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <cmocka.h>

#include "heap_native.h"
#include "vinho/debug.h"
#include "../../dlls/ntdll/heap.h"

#define LARGE_SIZE (1024 * 1024)
#define ABSURD ((SIZE_T)0x7FFFFFFFFFFFFFFFull)

/* ---- stand-ins for the rest of ntdll ---- */

unsigned char vinho_debug_channels[DBCH_COUNT];

void __vinho_dbg_log(int channel, int level, const char *func, const char *fmt, ...)
{
    va_list args;

    fprintf(stderr, "heap:%d:%s ", level, func);
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    (void)channel;
}

struct region {
    void *addr;
    size_t size;
};

static pthread_mutex_t vm_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct region vm_regions[1 << 16];
static size_t vm_count;
static int vm_fail;            /* make the next NtAllocateVirtualMemory calls fail */

NTSTATUS WINAPI NtAllocateVirtualMemory(HANDLE process, PVOID *addr, ULONG_PTR zero_bits,
                                        SIZE_T *size, ULONG type, ULONG protect)
{
    int prot = PROT_READ | PROT_WRITE | (protect == PAGE_EXECUTE_READWRITE ? PROT_EXEC : 0);
    size_t len = (*size + 4095) & ~(size_t)4095;
    void *p;

    if (process != NtCurrentProcess() || *addr || zero_bits || type != (MEM_RESERVE | MEM_COMMIT) ||
        (protect != PAGE_READWRITE && protect != PAGE_EXECUTE_READWRITE) || !len)
        return STATUS_INVALID_PARAMETER;
    if (__atomic_load_n(&vm_fail, __ATOMIC_RELAXED))
        return STATUS_NO_MEMORY;
    p = mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return STATUS_NO_MEMORY;
    pthread_mutex_lock(&vm_mutex);
    vm_regions[vm_count].addr = p;
    vm_regions[vm_count++].size = len;
    pthread_mutex_unlock(&vm_mutex);
    *addr = p;
    *size = len;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI NtFreeVirtualMemory(HANDLE process, PVOID *addr, SIZE_T *size, ULONG type)
{
    size_t i;

    if (process != NtCurrentProcess() || *size || type != MEM_RELEASE)
        return STATUS_INVALID_PARAMETER;
    pthread_mutex_lock(&vm_mutex);
    for (i = 0; i < vm_count; i++) {
        if (vm_regions[i].addr != *addr)
            continue;
        munmap(vm_regions[i].addr, vm_regions[i].size);
        *size = vm_regions[i].size;
        vm_regions[i] = vm_regions[--vm_count];
        pthread_mutex_unlock(&vm_mutex);
        return STATUS_SUCCESS;
    }
    pthread_mutex_unlock(&vm_mutex);
    fail_msg("NtFreeVirtualMemory(%p): not a region", *addr);
    return STATUS_INVALID_PARAMETER;
}

NTSTATUS WINAPI NtYieldExecution(void)
{
    sched_yield();
    return STATUS_SUCCESS;
}

static jmp_buf *raise_target;
static EXCEPTION_RECORD raised;
static int raise_count;

void WINAPI RtlRaiseException(EXCEPTION_RECORD *rec)
{
    raised = *rec;
    raise_count++;
    if (!raise_target)
        fail_msg("unexpected exception %#x", (unsigned int)rec->ExceptionCode);
    longjmp(*raise_target, 1);
}

static size_t vm_live(void)
{
    size_t n;

    pthread_mutex_lock(&vm_mutex);
    n = vm_count;
    pthread_mutex_unlock(&vm_mutex);
    return n;
}

static HANDLE process_heap;

/* A fresh growable heap, checked. */
static HANDLE new_heap(ULONG flags, SIZE_T reserve)
{
    HANDLE heap = RtlCreateHeap(flags, NULL, reserve, 0, NULL, NULL);

    assert_non_null(heap);
    assert_int_equal((ULONG_PTR)heap & 0xfff, 0);
    return heap;
}

static void destroy_heap(HANDLE heap)
{
    assert_true(RtlValidateHeap(heap, 0, NULL));
    assert_null(RtlDestroyHeap(heap));
}

static void fill(void *p, SIZE_T size, unsigned char byte)
{
    memset(p, byte, size);
}

static int check_fill(const void *p, SIZE_T size, unsigned char byte)
{
    const unsigned char *c = p;
    SIZE_T i;

    for (i = 0; i < size; i++)
        if (c[i] != byte)
            return 0;
    return 1;
}

/* ---- tests ---- */

static void test_create_destroy(void **state)
{
    size_t before = vm_live();
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    void *small = RtlAllocateHeap(heap, 0, 100), *big = RtlAllocateHeap(heap, 0, LARGE_SIZE);

    (void)state;
    assert_non_null(small);
    assert_non_null(big);
    assert_true(vm_live() >= before + 2);
    destroy_heap(heap);
    assert_int_equal(vm_live(), before);
    /* Caller's memory: used in place, not released. */
    {
        void *mem = mmap(NULL, 0x40000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        HANDLE h2 = RtlCreateHeap(0, mem, 0x40000, 0, NULL, NULL);

        assert_ptr_equal(h2, mem);
        assert_non_null(RtlAllocateHeap(h2, 0, 1000));
        assert_null(RtlAllocateHeap(h2, 0, 0x80000));
        destroy_heap(h2);
        assert_int_equal(vm_live(), before);
        munmap(mem, 0x40000);
    }
    assert_null(RtlCreateHeap(0, (void *)0x100000, 0, 0, NULL, NULL));
    assert_null(RtlCreateHeap(HEAP_GROWABLE, NULL, ABSURD, 0, NULL, NULL));
}

static void test_process_heaps(void **state)
{
    HANDLE heaps[64], mine[3];
    ULONG n, total, i, found = 0, j;

    (void)state;
    assert_ptr_equal(RtlDestroyHeap(process_heap), process_heap);
    total = RtlGetProcessHeaps(0, NULL);
    assert_true(total >= 1);
    for (i = 0; i < 3; i++)
        mine[i] = new_heap(0, 0);
    n = RtlGetProcessHeaps(64, heaps);
    assert_int_equal(n, total + 3);
    assert_ptr_equal(heaps[0], process_heap);
    for (i = 0; i < n; i++)
        for (j = 0; j < 3; j++)
            found += heaps[i] == mine[j];
    assert_int_equal(found, 3);
    memset(heaps, 0xff, sizeof(heaps));
    assert_int_equal(RtlGetProcessHeaps(1, heaps), total + 3);
    assert_ptr_equal(heaps[0], process_heap);
    assert_ptr_equal(heaps[1], (HANDLE)~(ULONG_PTR)0);
    for (i = 0; i < 3; i++)
        destroy_heap(mine[i]);
    assert_int_equal(RtlGetProcessHeaps(64, heaps), total);
}

static void test_alignment_and_zero_size(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    static void *ptrs[3000];
    SIZE_T size;
    int i, j;

    (void)state;
    for (i = 0; i < 3000; i++) {
        size = i < 2000 ? (SIZE_T)i : (SIZE_T)(i - 2000) * 97;
        ptrs[i] = RtlAllocateHeap(heap, 0, size);
        assert_non_null(ptrs[i]);
        assert_int_equal((ULONG_PTR)ptrs[i] & 15, 0);
        assert_int_equal(RtlSizeHeap(heap, 0, ptrs[i]), size);
        fill(ptrs[i], size, (unsigned char)i);
    }
    for (i = 0; i < 3000; i++) {
        size = i < 2000 ? (SIZE_T)i : (SIZE_T)(i - 2000) * 97;
        assert_true(check_fill(ptrs[i], size, (unsigned char)i));
    }
    /* Zero-sized blocks are distinct pointers. */
    for (i = 0; i < 50; i++)
        ptrs[i] = RtlAllocateHeap(heap, 0, 0);
    for (i = 0; i < 50; i++)
        for (j = i + 1; j < 50; j++)
            assert_ptr_not_equal(ptrs[i], ptrs[j]);
    assert_int_equal((ULONG_PTR)RtlAllocateHeap(heap, 0, LARGE_SIZE + 1) & 15, 0);
    destroy_heap(heap);
}

static void test_free_and_bad_pointers(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0), other = new_heap(HEAP_GROWABLE, 0);
    char *a = RtlAllocateHeap(heap, 0, 64), *b = RtlAllocateHeap(heap, 0, 5000);
    char *big = RtlAllocateHeap(heap, 0, LARGE_SIZE), *c = RtlAllocateHeap(other, 0, 64);
    char local[64] __attribute__((aligned(16))) = { 0 };

    (void)state;
    assert_true(RtlFreeHeap(heap, 0, NULL));
    assert_false(RtlFreeHeap(heap, 0, a + 1));
    assert_false(RtlFreeHeap(heap, 0, a + 16));
    assert_false(RtlFreeHeap(heap, 0, c));            /* another heap's block */
    assert_false(RtlFreeHeap(heap, 0, local + 32));
    assert_int_equal(RtlSizeHeap(heap, 0, c), (SIZE_T)-1);
    assert_int_equal(RtlSizeHeap(heap, 0, NULL), (SIZE_T)-1);
    assert_true(RtlFreeHeap(heap, 0, a));
    assert_false(RtlFreeHeap(heap, 0, a));            /* double frees */
    assert_int_equal(RtlSizeHeap(heap, 0, a), (SIZE_T)-1);
    assert_true(RtlFreeHeap(heap, 0, b));
    assert_false(RtlFreeHeap(heap, 0, b));
    assert_true(RtlFreeHeap(heap, 0, big));
    assert_false(RtlFreeHeap(heap, 0, big));          /* unmapped: must not be read */
    assert_int_equal(RtlSizeHeap(heap, 0, big), (SIZE_T)-1);
    assert_null(RtlReAllocateHeap(heap, 0, a, 10));
    assert_null(RtlReAllocateHeap(heap, 0, NULL, 10));
    assert_false(RtlFreeHeap(NULL, 0, c));
    assert_null(RtlAllocateHeap((HANDLE)local, 0, 10));
    assert_true(RtlFreeHeap(other, 0, c));
    destroy_heap(heap);
    destroy_heap(other);
}

static void test_reuse(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    void *a = RtlAllocateHeap(heap, 0, 40), *b;

    (void)state;
    assert_true(RtlFreeHeap(heap, 0, a));
    b = RtlAllocateHeap(heap, 0, 40);
    assert_ptr_equal(a, b);
    a = RtlAllocateHeap(heap, 0, 3000);
    assert_true(RtlFreeHeap(heap, 0, a));
    b = RtlAllocateHeap(heap, 0, 3000);
    assert_ptr_equal(a, b);
    destroy_heap(heap);
}

static void test_zero_memory(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    static const SIZE_T sizes[] = { 0, 1, 24, 100, 1000, 1024, 1025, 4000, 70000, 0x7F000, 3 << 20 };
    char *p;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        p = RtlAllocateHeap(heap, 0, sizes[i]);
        fill(p, sizes[i], 0xAA);
        RtlFreeHeap(heap, 0, p);
        p = RtlAllocateHeap(heap, HEAP_ZERO_MEMORY, sizes[i]);
        assert_non_null(p);
        assert_true(check_fill(p, sizes[i], 0));
        fill(p, sizes[i], 0xAA);
        RtlFreeHeap(heap, 0, p);
    }
    destroy_heap(heap);
}

static void test_generate_exceptions(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0), raising = new_heap(HEAP_GENERATE_EXCEPTIONS, 0);
    jmp_buf target;
    void *volatile p = RtlAllocateHeap(heap, 0, 32);
    volatile int reached = 0;

    (void)state;
    raise_target = &target;
    raise_count = 0;
    assert_null(RtlAllocateHeap(heap, 0, ABSURD));
    assert_int_equal(raise_count, 0);
    if (!setjmp(target)) {
        RtlAllocateHeap(heap, HEAP_GENERATE_EXCEPTIONS, ABSURD);
        reached = 1;
    }
    assert_false(reached);
    assert_int_equal(raised.ExceptionCode, (DWORD)STATUS_NO_MEMORY);
    /* continuable, the size asked as its one parameter (as Windows' own, dlls/ntdll/heap.c) */
    assert_int_equal(raised.ExceptionFlags & EXCEPTION_NONCONTINUABLE, 0);
    assert_int_equal(raised.NumberParameters, 1);
    assert_int_equal(raised.ExceptionInformation[0], ABSURD);
    if (!setjmp(target)) {
        RtlAllocateHeap(raising, 0, (SIZE_T)-1);        /* the heap's own flag */
        reached = 1;
    }
    assert_false(reached);
    __atomic_store_n(&vm_fail, 1, __ATOMIC_RELAXED);
    if (!setjmp(target)) {
        RtlAllocateHeap(raising, 0, LARGE_SIZE);       /* no virtual memory left */
        reached = 1;
    }
    __atomic_store_n(&vm_fail, 0, __ATOMIC_RELAXED);
    assert_false(reached);
    if (!setjmp(target)) {
        RtlReAllocateHeap(heap, HEAP_GENERATE_EXCEPTIONS | HEAP_REALLOC_IN_PLACE_ONLY, p, 1 << 20);
        reached = 1;
    }
    assert_false(reached);
    assert_int_equal(raise_count, 4);
    raise_target = NULL;
    assert_int_equal(RtlSizeHeap(heap, 0, p), 32);
    assert_non_null(RtlAllocateHeap(raising, 0, 100));
    destroy_heap(heap);
    destroy_heap(raising);
}

static void test_absurd_sizes(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    static const SIZE_T sizes[] = { ~(SIZE_T)0, ~(SIZE_T)0 - 15, ~(SIZE_T)0 - 0x10000,
                                    (SIZE_T)1 << 63, ABSURD, (SIZE_T)1 << 48 };
    char *p = RtlAllocateHeap(heap, 0, 100);
    size_t i;

    (void)state;
    fill(p, 100, 7);
    for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        assert_null(RtlAllocateHeap(heap, 0, sizes[i]));
        assert_null(RtlAllocateHeap(heap, HEAP_ZERO_MEMORY, sizes[i]));
        assert_null(RtlReAllocateHeap(heap, 0, p, sizes[i]));
    }
    assert_int_equal(RtlSizeHeap(heap, 0, p), 100);
    assert_true(check_fill(p, 100, 7));
    destroy_heap(heap);
}

static void test_reallocate(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    static const SIZE_T sizes[] = { 1, 16, 17, 500, 1024, 1500, 9000, 100000, 600000, 2000000,
                                    700000, 300000, 5000, 40, 0, 33 };
    char *p = RtlAllocateHeap(heap, 0, 10), *q;
    SIZE_T old = 10, keep;
    size_t i;

    (void)state;
    fill(p, 10, 0x5A);
    for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        q = RtlReAllocateHeap(heap, HEAP_ZERO_MEMORY, p, sizes[i]);
        assert_non_null(q);
        assert_int_equal((ULONG_PTR)q & 15, 0);
        assert_int_equal(RtlSizeHeap(heap, 0, q), sizes[i]);
        keep = old < sizes[i] ? old : sizes[i];
        assert_true(check_fill(q, keep, 0x5A));
        if (sizes[i] > old)
            assert_true(check_fill(q + old, sizes[i] - old, 0));
        fill(q, sizes[i], 0x5A);
        p = q;
        old = sizes[i];
        assert_true(RtlValidateHeap(heap, 0, NULL));
    }
    /* Growth after a shrink exposes the old tail: HEAP_ZERO_MEMORY must clear it. */
    p = RtlAllocateHeap(heap, 0, 1000);
    fill(p, 1000, 0xCC);
    p = RtlReAllocateHeap(heap, 0, p, 100);
    p = RtlReAllocateHeap(heap, HEAP_ZERO_MEMORY | HEAP_REALLOC_IN_PLACE_ONLY, p, 900);
    assert_non_null(p);
    assert_true(check_fill(p, 100, 0xCC));
    assert_true(check_fill(p + 100, 800, 0));
    destroy_heap(heap);
}

static void test_realloc_in_place_only(void **state)
{
    HANDLE heap = new_heap(HEAP_NO_SERIALIZE, 0);
    char *a = RtlAllocateHeap(heap, 0, 2000), *b = RtlAllocateHeap(heap, 0, 2000), *big;
    void *guard = RtlAllocateHeap(heap, 0, 3000);

    (void)state;
    assert_ptr_equal(b, a + 2016);                    /* carved in order from one free block */
    fill(a, 2000, 1);
    assert_null(RtlReAllocateHeap(heap, HEAP_REALLOC_IN_PLACE_ONLY, a, 3000));
    assert_int_equal(RtlSizeHeap(heap, 0, a), 2000);
    assert_true(check_fill(a, 2000, 1));
    assert_true(RtlFreeHeap(heap, 0, b));
    assert_ptr_equal(RtlReAllocateHeap(heap, HEAP_REALLOC_IN_PLACE_ONLY, a, 3500), a);
    assert_int_equal(RtlSizeHeap(heap, 0, a), 3500);
    assert_true(check_fill(a, 2000, 1));
    assert_ptr_equal(RtlReAllocateHeap(heap, HEAP_REALLOC_IN_PLACE_ONLY, a, 100), a);
    assert_int_equal(RtlSizeHeap(heap, 0, a), 100);
    assert_true(check_fill(a, 100, 1));
    /* Large blocks stay put within their mapping, even when shrinking far. */
    big = RtlAllocateHeap(heap, 0, LARGE_SIZE);
    assert_ptr_equal(RtlReAllocateHeap(heap, HEAP_REALLOC_IN_PLACE_ONLY, big, LARGE_SIZE + 1000), big);
    assert_ptr_equal(RtlReAllocateHeap(heap, HEAP_REALLOC_IN_PLACE_ONLY, big, 10), big);
    assert_int_equal(RtlSizeHeap(heap, 0, big), 10);
    assert_null(RtlReAllocateHeap(heap, HEAP_REALLOC_IN_PLACE_ONLY, big, 8 * LARGE_SIZE));
    assert_true(RtlFreeHeap(heap, 0, guard));
    destroy_heap(heap);
}

static void test_big_blocks(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    size_t before = vm_live();
    char *p[8];
    int i;

    (void)state;
    for (i = 0; i < 8; i++) {
        p[i] = RtlAllocateHeap(heap, 0, ((SIZE_T)1 << 20) * (i + 1) + 13);
        assert_non_null(p[i]);
        assert_int_equal((ULONG_PTR)p[i] & 15, 0);
        p[i][0] = (char)i;
        p[i][((SIZE_T)1 << 20) * (i + 1) + 12] = (char)i;
        assert_int_equal(RtlSizeHeap(heap, 0, p[i]), ((SIZE_T)1 << 20) * (i + 1) + 13);
        assert_true(RtlValidateHeap(heap, 0, p[i]));
    }
    assert_int_equal(vm_live(), before + 8);
    p[0] = RtlReAllocateHeap(heap, 0, p[0], 64 << 20);
    assert_non_null(p[0]);
    assert_int_equal(p[0][0], 0);
    assert_int_equal(p[0][(1 << 20) + 12], 0);
    for (i = 0; i < 8; i++)
        assert_true(RtlFreeHeap(heap, 0, p[i]));
    assert_int_equal(vm_live(), before);
    /* A fixed heap refuses blocks from the documented 0x7FFF8 limit on. */
    {
        HANDLE fixed = RtlCreateHeap(0, NULL, 4 << 20, 0, NULL, NULL);

        assert_non_null(RtlAllocateHeap(fixed, 0, 0x7FFF7));
        assert_null(RtlAllocateHeap(fixed, 0, 0x7FFF8));
        destroy_heap(fixed);
    }
    destroy_heap(heap);
}

static void test_fixed_heap_exhaustion(void **state)
{
    HANDLE heap = RtlCreateHeap(0, NULL, 256 * 1024, 0, NULL, NULL);
    static void *ptrs[1000];
    size_t before = vm_live();
    jmp_buf target;
    volatile int n = 0, reached = 0;
    int i;

    (void)state;
    assert_non_null(heap);
    while (n < 1000 && (ptrs[n] = RtlAllocateHeap(heap, 0, 1000)))
        n++;
    assert_true(n > 200 && n < 256);
    assert_int_equal(vm_live(), before);
    raise_target = &target;
    if (!setjmp(target)) {
        RtlAllocateHeap(heap, HEAP_GENERATE_EXCEPTIONS, 1000);
        reached = 1;
    }
    raise_target = NULL;
    assert_false(reached);
    assert_int_equal(raised.ExceptionCode, (DWORD)STATUS_NO_MEMORY);
    assert_true(RtlValidateHeap(heap, 0, NULL));
    /* Freed small blocks are coalesced again when a big request needs the room. */
    for (i = 0; i < n; i++)
        assert_true(RtlFreeHeap(heap, 0, ptrs[i]));
    ptrs[0] = RtlAllocateHeap(heap, 0, 200 * 1024);
    assert_non_null(ptrs[0]);
    assert_true(RtlCompactHeap(heap, 0) < 64 * 1024);
    RtlFreeHeap(heap, 0, ptrs[0]);
    assert_true(RtlCompactHeap(heap, 0) > 240 * 1024);
    assert_int_equal(vm_live(), before);
    destroy_heap(heap);
}

static void test_growable(void **state)
{
    HANDLE grow = RtlCreateHeap(HEAP_GROWABLE, NULL, 64 * 1024, 0, NULL, NULL);
    HANDLE nosize = RtlCreateHeap(0, NULL, 0, 0, NULL, NULL);
    static void *ptrs[20000];
    size_t before = vm_live(), peak;
    int i;

    (void)state;
    for (i = 0; i < 20000; i++) {
        ptrs[i] = RtlAllocateHeap(i & 1 ? grow : nosize, 0, 1500);
        assert_non_null(ptrs[i]);
        fill(ptrs[i], 1500, (unsigned char)i);
    }
    peak = vm_live();
    assert_true(peak > before + 4);
    for (i = 0; i < 20000; i++) {
        assert_true(check_fill(ptrs[i], 1500, (unsigned char)i));
        assert_true(RtlFreeHeap(i & 1 ? grow : nosize, 0, ptrs[i]));
    }
    assert_true(vm_live() < peak);                    /* empty segments went back */
    destroy_heap(grow);
    destroy_heap(nosize);
}

static void test_no_serialize_and_execute(void **state)
{
    HANDLE heap = new_heap(HEAP_NO_SERIALIZE | HEAP_CREATE_ENABLE_EXECUTE, 0);
    char line[512], *p = RtlAllocateHeap(heap, HEAP_NO_SERIALIZE, 64);
    unsigned long lo, hi;
    char perms[8];
    int found = 0;
    FILE *maps = fopen("/proc/self/maps", "r");

    (void)state;
    assert_non_null(p);
    assert_non_null(maps);
    while (fgets(line, sizeof(line), maps)) {
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3 && (ULONG_PTR)p >= lo &&
            (ULONG_PTR)p < hi)
            found = perms[2] == 'x';
    }
    fclose(maps);
    assert_true(found);
    assert_true(RtlFreeHeap(heap, 0, p));
    destroy_heap(heap);
}

static volatile int locked_alloc_done;

static void *locked_alloc_thread(void *heap)
{
    void *p = RtlAllocateHeap(heap, 0, 100);

    __atomic_store_n(&locked_alloc_done, 1, __ATOMIC_SEQ_CST);
    RtlFreeHeap(heap, 0, p);
    return NULL;
}

static void *unlock_other_thread(void *heap)
{
    return (void *)(ULONG_PTR)RtlUnlockHeap(heap);
}

static void test_lock_unlock(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    pthread_t thread;
    void *p, *ret;

    (void)state;
    assert_true(RtlLockHeap(heap));
    assert_true(RtlLockHeap(heap));
    p = RtlAllocateHeap(heap, 0, 10);                 /* the lock is recursive */
    assert_non_null(p);
    assert_true(RtlFreeHeap(heap, 0, p));
    pthread_create(&thread, NULL, unlock_other_thread, heap);
    pthread_join(thread, &ret);
    assert_null(ret);
    pthread_create(&thread, NULL, locked_alloc_thread, heap);
    usleep(50000);
    assert_false(__atomic_load_n(&locked_alloc_done, __ATOMIC_SEQ_CST));
    assert_true(RtlUnlockHeap(heap));
    usleep(20000);
    assert_false(__atomic_load_n(&locked_alloc_done, __ATOMIC_SEQ_CST));
    assert_true(RtlUnlockHeap(heap));
    pthread_join(thread, NULL);
    assert_true(locked_alloc_done);
    assert_false(RtlUnlockHeap(heap));
    destroy_heap(heap);
}

static void test_validate(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    char *a = RtlAllocateHeap(heap, 0, 100), *b = RtlAllocateHeap(heap, 0, 3000);
    char saved[16];

    (void)state;
    assert_true(RtlValidateHeap(heap, 0, NULL));
    assert_true(RtlValidateHeap(heap, 0, a));
    assert_true(RtlValidateHeap(heap, 0, b));
    assert_false(RtlValidateHeap(heap, 0, a + 16));
    assert_false(RtlValidateHeap(heap, 0, saved));
    RtlFreeHeap(heap, 0, a);
    assert_false(RtlValidateHeap(heap, 0, a));
    assert_true(RtlValidateHeap(heap, 0, NULL));
    memcpy(saved, b - 16, 16);
    memset(b - 16, 0x41, 16);                         /* a buffer underrun */
    assert_false(RtlValidateHeap(heap, 0, NULL));
    assert_false(RtlValidateHeap(heap, 0, b));
    memcpy(b - 16, saved, 16);
    assert_true(RtlValidateHeap(heap, 0, NULL));
    assert_false(RtlValidateHeap(NULL, 0, NULL));
    destroy_heap(heap);
}

static void test_walk_and_compact(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    void *p[100];
    int i;

    (void)state;
    assert_int_equal(RtlWalkHeap(heap, p), STATUS_NOT_IMPLEMENTED);
    for (i = 0; i < 100; i++)
        p[i] = RtlAllocateHeap(heap, 0, 200);
    for (i = 0; i < 100; i++)
        RtlFreeHeap(heap, 0, p[i]);
    assert_true(RtlCompactHeap(heap, 0) > 512 * 1024);
    assert_true(RtlValidateHeap(heap, 0, NULL));
    destroy_heap(heap);
}

static void test_heap_information(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    ULONG value = 0;
    SIZE_T len = 0;

    (void)state;
    assert_int_equal(RtlQueryHeapInformation(heap, HeapCompatibilityInformation, &value,
                                             sizeof(value), &len), STATUS_SUCCESS);
    assert_int_equal(value, 2);
    assert_int_equal(len, sizeof(ULONG));
    assert_int_equal(RtlQueryHeapInformation(heap, HeapCompatibilityInformation, &value, 2, &len),
                     (DWORD)STATUS_BUFFER_TOO_SMALL);
    value = 2;
    assert_int_equal(RtlSetHeapInformation(heap, HeapCompatibilityInformation, &value,
                                           sizeof(value)), STATUS_SUCCESS);
    value = 1;
    assert_int_not_equal(RtlSetHeapInformation(heap, HeapCompatibilityInformation, &value,
                                               sizeof(value)), STATUS_SUCCESS);
    value = 7;
    assert_int_not_equal(RtlSetHeapInformation(heap, HeapCompatibilityInformation, &value,
                                               sizeof(value)), STATUS_SUCCESS);
    assert_int_not_equal(RtlSetHeapInformation(heap, (HEAP_INFORMATION_CLASS)99, &value,
                                               sizeof(value)), STATUS_SUCCESS);
    destroy_heap(heap);
}

/* Runs last: the setting is process-wide and sticky. */
static void test_termination_on_corruption(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    void *volatile p = RtlAllocateHeap(heap, 0, 10);
    volatile int reached = 0;
    jmp_buf target;

    (void)state;
    assert_int_equal(RtlSetHeapInformation(NULL, HeapEnableTerminationOnCorruption, NULL, 0),
                     STATUS_SUCCESS);
    RtlFreeHeap(heap, 0, p);
    raise_target = &target;
    if (!setjmp(target)) {
        RtlFreeHeap(heap, 0, p);
        reached = 1;
    }
    raise_target = NULL;
    assert_false(reached);
    assert_int_equal(raised.ExceptionCode, (DWORD)STATUS_HEAP_CORRUPTION);
    destroy_heap(heap);
}

/* ---- the shadow model ---- */

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static SIZE_T random_size(uint64_t *rng)
{
    uint64_t r = rng_next(rng) % 1000;

    if (r < 600)
        return rng_next(rng) % 129;
    if (r < 900)
        return rng_next(rng) % 1100;
    if (r < 995)
        return rng_next(rng) % 70000;
    if (r < 999)
        return 400000 + rng_next(rng) % 400000;
    return LARGE_SIZE + rng_next(rng) % LARGE_SIZE;
}

struct slot {
    unsigned char *ptr;
    SIZE_T size;
    unsigned char byte;
};

/* Full check of small blocks, the ends of big ones. */
static void check_slot(HANDLE heap, const struct slot *s)
{
    SIZE_T n = s->size < 8192 ? s->size : 4096;

    assert_int_equal(RtlSizeHeap(heap, 0, s->ptr), s->size);
    assert_true(check_fill(s->ptr, n, s->byte));
    assert_true(check_fill(s->ptr + s->size - n, n, s->byte));
}

/* Fills what check_slot() looks at (not the middle of big blocks: page faults cost too much). */
static void set_slot(struct slot *s, void *ptr, SIZE_T size, unsigned char byte)
{
    s->ptr = ptr;
    s->size = size;
    s->byte = byte;
    if (size < 8192)
        fill(ptr, size, byte);
    else {
        fill(ptr, 4096, byte);
        fill(s->ptr + size - 4096, 4096, byte);
    }
}

static void shadow_step(HANDLE heap, struct slot *s, uint64_t *rng, ULONG flags)
{
    uint64_t op = rng_next(rng) % 10;
    SIZE_T size = random_size(rng), keep;
    unsigned char byte = (unsigned char)rng_next(rng);
    unsigned char *p;

    if (s->ptr)
        check_slot(heap, s);
    if (s->ptr && op < 5) {
        assert_true(RtlFreeHeap(heap, flags, s->ptr));
        s->ptr = NULL;
    } else if (s->ptr) {
        p = RtlReAllocateHeap(heap, flags | (op & 1 ? HEAP_ZERO_MEMORY : 0), s->ptr, size);
        assert_non_null(p);
        keep = s->size < size ? s->size : size;
        assert_true(check_fill(p, keep < 4096 ? keep : 4096, s->byte));
        if ((op & 1) && size > s->size)
            assert_true(check_fill(p + s->size, size - s->size < 4096 ? size - s->size : 4096, 0));
        set_slot(s, p, size, byte);
    } else {
        p = RtlAllocateHeap(heap, flags | (op & 1 ? HEAP_ZERO_MEMORY : 0), size);
        assert_non_null(p);
        assert_int_equal((ULONG_PTR)p & 15, 0);
        if (op & 1)
            assert_true(check_fill(p, size < 4096 ? size : 4096, 0));
        set_slot(s, p, size, byte);
    }
}

/* ops random allocations, reallocations and frees over 4096 slots, every block checked. */
static void shadow_run(HANDLE heap, int ops, uint64_t rng)
{
    enum { SLOTS = 4096 };
    struct slot *slots = calloc(SLOTS, sizeof(*slots));
    int i;

    for (i = 0; i < ops; i++) {
        shadow_step(heap, &slots[rng_next(&rng) % SLOTS], &rng, 0);
        if (i % 100000 == 0)
            assert_true(RtlValidateHeap(heap, 0, NULL));
    }
    assert_true(RtlValidateHeap(heap, 0, NULL));
    for (i = 0; i < SLOTS; i++) {
        if (slots[i].ptr) {
            check_slot(heap, &slots[i]);
            assert_true(RtlFreeHeap(heap, 0, slots[i].ptr));
        }
    }
    assert_true(RtlValidateHeap(heap, 0, NULL));
    free(slots);
}

static void test_random_shadow(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);
    size_t before = vm_live();

    (void)state;
    shadow_run(heap, 300000, 0x9E3779B97F4A7C15ull);
    RtlCompactHeap(heap, 0);
    assert_true(vm_live() <= before + 1);             /* all but the newest segment went back */
    destroy_heap(heap);
}

/* The process heap takes the thread cache path for small blocks. */
static void test_random_shadow_process_heap(void **state)
{
    (void)state;
    shadow_run(process_heap, 1000000, 0xC0FFEE1234567ull);
    heap_thread_detach();
    assert_true(RtlValidateHeap(process_heap, 0, NULL));
}

static void test_thread_cache(void **state)
{
    void *p[40], *q;
    int i;

    (void)state;
    for (i = 0; i < 40; i++)
        p[i] = RtlAllocateHeap(process_heap, 0, 24);
    for (i = 0; i < 40; i++)
        assert_true(RtlFreeHeap(process_heap, 0, p[i]));
    assert_false(RtlFreeHeap(process_heap, 0, p[39]));    /* double frees, cached or not */
    assert_false(RtlFreeHeap(process_heap, 0, p[0]));
    assert_int_equal(RtlSizeHeap(process_heap, 0, p[39]), (SIZE_T)-1);
    assert_null(RtlReAllocateHeap(process_heap, 0, p[39], 10));
    q = RtlAllocateHeap(process_heap, 0, 20);
    assert_ptr_equal(q, p[39]);                           /* LIFO reuse */
    assert_true(RtlValidateHeap(process_heap, 0, NULL));
    assert_true(RtlFreeHeap(process_heap, 0, q));
    heap_thread_detach();
    heap_thread_detach();
    assert_true(RtlValidateHeap(process_heap, 0, NULL));
    q = RtlAllocateHeap(process_heap, HEAP_ZERO_MEMORY, 1000);
    assert_true(check_fill(q, 1000, 0));
    assert_true(RtlFreeHeap(process_heap, 0, q));
}

/* ---- threads ---- */

enum { THREADS = 8, THREAD_SLOTS = 512, THREAD_OPS = 100000, EXCHANGE = 64 };

struct hammer {
    HANDLE heap;
    int id;
};

static void *volatile exchange[EXCHANGE];  /* blocks handed from one thread to another */

static void *hammer_thread(void *arg)
{
    struct hammer *h = arg;
    struct slot *slots = calloc(THREAD_SLOTS, sizeof(*slots));
    uint64_t rng = 0x1234567ull * (h->id + 1);
    void *p, *old;
    int i;

    for (i = 0; i < THREAD_OPS; i++) {
        if (rng_next(&rng) % 8 == 0) {
            p = RtlAllocateHeap(h->heap, 0, rng_next(&rng) % 300);
            assert_non_null(p);
            old = __atomic_exchange_n(&exchange[rng_next(&rng) % EXCHANGE], p, __ATOMIC_ACQ_REL);
            if (old)
                assert_true(RtlFreeHeap(h->heap, 0, old));
            continue;
        }
        shadow_step(h->heap, &slots[rng_next(&rng) % THREAD_SLOTS], &rng, 0);
    }
    for (i = 0; i < THREAD_SLOTS; i++)
        if (slots[i].ptr)
            assert_true(RtlFreeHeap(h->heap, 0, slots[i].ptr));
    free(slots);
    heap_thread_detach();                             /* what ntdll's thread exit does */
    return NULL;
}

static void hammer(HANDLE heap)
{
    struct hammer args[THREADS];
    pthread_t threads[THREADS];
    int i;

    for (i = 0; i < THREADS; i++) {
        args[i].heap = heap;
        args[i].id = i;
        assert_int_equal(pthread_create(&threads[i], NULL, hammer_thread, &args[i]), 0);
    }
    for (i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);
    for (i = 0; i < EXCHANGE; i++) {
        if (exchange[i])
            assert_true(RtlFreeHeap(heap, 0, exchange[i]));
        exchange[i] = NULL;
    }
    assert_true(RtlValidateHeap(heap, 0, NULL));
}

static void test_threads(void **state)
{
    HANDLE heap = new_heap(HEAP_GROWABLE, 0);

    (void)state;
    hammer(heap);
    destroy_heap(heap);
}

static void test_threads_process_heap(void **state)
{
    (void)state;
    hammer(process_heap);
    heap_thread_detach();
    RtlCompactHeap(process_heap, 0);
    assert_true(RtlValidateHeap(process_heap, 0, NULL));
}

/* ---- benchmark (`test_heap bench`): prints, asserts nothing ---- */

static double now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);  /* other load on the machine does not count */
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

enum { BENCH_OPS = 10000000, BENCH_TABLE = 1 << 20, BENCH_SLOTS = 1024 };
static unsigned int bench_size[BENCH_TABLE];
static unsigned short bench_slot[BENCH_TABLE];

static double bench_run(int use_heap, int churn)
{
    static void *live[BENCH_SLOTS];
    double start = now_ns();
    unsigned int size;
    void *p;
    int i;

    for (i = 0; i < BENCH_OPS; i++) {
        size = bench_size[i & (BENCH_TABLE - 1)];
        p = use_heap ? RtlAllocateHeap(process_heap, 0, size) : malloc(size);
        *(volatile char *)p = 1;
        if (churn) {
            void **slot = &live[bench_slot[i & (BENCH_TABLE - 1)]], *old = *slot;
            *slot = p;
            p = old;
        }
        if (use_heap)
            RtlFreeHeap(process_heap, 0, p);
        else
            free(p);
    }
    for (i = 0; i < BENCH_SLOTS; i++) {
        if (use_heap)
            RtlFreeHeap(process_heap, 0, live[i]);
        else
            free(live[i]);
        live[i] = NULL;
    }
    return (now_ns() - start) / BENCH_OPS;
}

/* Sizes: 70% 8..128, 25% 128..1024, and with mixed, 5% 1024..8192 (else 128..1024 too). */
static void bench_fill(int mixed)
{
    uint64_t rng = 42, r;
    int i;

    for (i = 0; i < BENCH_TABLE; i++) {
        r = rng_next(&rng) % 100;
        bench_size[i] = r < 70 ? 8 + rng_next(&rng) % 121 :
                        r < 95 || !mixed ? 128 + rng_next(&rng) % 897 : 1024 + rng_next(&rng) % 7169;
        bench_slot[i] = rng_next(&rng) % BENCH_SLOTS;
    }
}

static void bench(void)
{
    static const struct { const char *name; int mixed, churn; } runs[] = {
        { "pairs, 8..1024 B", 0, 0 },
        { "pairs, 8..8192 B", 1, 0 },
        { "churn, 8..1024 B", 0, 1 },
        { "churn, 8..8192 B", 1, 1 },
    };
    double glibc, ours, g, o;
    size_t r;
    int i;

    printf("%d malloc+free per run (churn: each malloc replaces one of 1024 live blocks); "
           "best of 4, thread CPU time\n", BENCH_OPS);
    for (r = 0; r < sizeof(runs) / sizeof(runs[0]); r++) {
        bench_fill(runs[r].mixed);
        glibc = ours = 1e9;
        for (i = 0; i < 4; i++) {
            g = bench_run(0, runs[r].churn);
            o = bench_run(1, runs[r].churn);
            glibc = g < glibc ? g : glibc;
            ours = o < ours ? o : ours;
        }
        printf("%-18s glibc %6.2f ns   RtlAllocateHeap/RtlFreeHeap %6.2f ns   ratio %.2f\n",
               runs[r].name, glibc, ours, ours / glibc);
    }
}

static int group_setup(void **state)
{
    (void)state;
    process_heap = RtlCreateHeap(HEAP_GROWABLE, NULL, 0, 0, NULL, NULL);
    return process_heap ? 0 : -1;
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_destroy),
        cmocka_unit_test(test_process_heaps),
        cmocka_unit_test(test_alignment_and_zero_size),
        cmocka_unit_test(test_free_and_bad_pointers),
        cmocka_unit_test(test_reuse),
        cmocka_unit_test(test_zero_memory),
        cmocka_unit_test(test_generate_exceptions),
        cmocka_unit_test(test_absurd_sizes),
        cmocka_unit_test(test_reallocate),
        cmocka_unit_test(test_realloc_in_place_only),
        cmocka_unit_test(test_big_blocks),
        cmocka_unit_test(test_fixed_heap_exhaustion),
        cmocka_unit_test(test_growable),
        cmocka_unit_test(test_no_serialize_and_execute),
        cmocka_unit_test(test_lock_unlock),
        cmocka_unit_test(test_validate),
        cmocka_unit_test(test_walk_and_compact),
        cmocka_unit_test(test_heap_information),
        cmocka_unit_test(test_thread_cache),
        cmocka_unit_test(test_random_shadow),
        cmocka_unit_test(test_random_shadow_process_heap),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_threads_process_heap),
        cmocka_unit_test(test_termination_on_corruption),
    };

    if (getenv("HEAP_TEST_TRACE"))
        memset(vinho_debug_channels, 0xff, sizeof(vinho_debug_channels));
    if (argc > 1 && !strcmp(argv[1], "bench")) {
        if (group_setup(NULL))
            return 1;
        bench();
        return 0;
    }
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
