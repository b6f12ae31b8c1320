/* heap.c: malloc and friends over the process heap (as msvcrt does on current Windows). */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(heap);

/* msvcrt refuses requests above _HEAP_MAXREQ. */
#define HEAP_MAXREQ ((size_t)-32)

static int new_mode;    /* _set_new_mode(): 1 = malloc failures call the new handler */

static HANDLE crt_heap(void)
{
    return GetProcessHeap();
}

typedef int (__cdecl *new_handler_func)(size_t);
static new_handler_func new_handler;

static void *heap_fail(size_t size)
{
    WARN("out of memory (%Iu bytes)\n", size);
    errno = ENOMEM;
    return NULL;
}

/*********************************************************************
 *      _callnewh (MSVCRT.@)
 *
 * Calls the new handler (_set_new_handler): nonzero if it ran and asks for a retry.
 */
int __cdecl _callnewh(size_t size)
{
    new_handler_func handler = new_handler;
    return handler && handler(size);
}

/*********************************************************************
 *      ?_set_new_handler@@YAP6AH_K@ZP6AH0@Z@Z (MSVCRT.@)
 *
 * Also the UCRT's _set_new_handler. Returns the previous handler.
 */
new_handler_func __cdecl crt_set_new_handler(new_handler_func handler)
{
    return InterlockedExchangePointer((void **)&new_handler, (void *)handler);
}

/*********************************************************************
 *      ?_query_new_handler@@YAP6AH_K@ZXZ (MSVCRT.@)
 */
new_handler_func __cdecl crt_query_new_handler(void)
{
    return new_handler;
}

/*********************************************************************
 *      malloc (MSVCRT.@)
 *
 * malloc(0) returns a unique non-NULL block, as on Windows.
 */
void *__cdecl malloc(size_t size)
{
    void *ptr = NULL;

    for (;;) {
        if (size <= HEAP_MAXREQ)
            ptr = HeapAlloc(crt_heap(), 0, size ? size : 1);
        /* _set_new_mode(1): malloc failures go to the new handler too, until it gives up. */
        if (ptr || size > HEAP_MAXREQ || !new_mode || !_callnewh(size))
            break;
    }
    TRACE("(%Iu) -> %p\n", size, ptr);
    return ptr ? ptr : heap_fail(size);
}

/*********************************************************************
 *      calloc (MSVCRT.@)
 */
void *__cdecl calloc(size_t count, size_t size)
{
    size_t total;
    void *ptr = NULL;

    if (__builtin_mul_overflow(count, size, &total) || total > HEAP_MAXREQ)
        return heap_fail((size_t)-1);
    ptr = HeapAlloc(crt_heap(), HEAP_ZERO_MEMORY, total ? total : 1);
    TRACE("(%Iu, %Iu) -> %p\n", count, size, ptr);
    return ptr ? ptr : heap_fail(total);
}

/*********************************************************************
 *      free (MSVCRT.@)
 */
void __cdecl free(void *ptr)
{
    TRACE("(%p)\n", ptr);
    if (ptr && !HeapFree(crt_heap(), 0, ptr))
        WARN("HeapFree(%p) failed (%lu)\n", ptr, GetLastError());
}

/*********************************************************************
 *      realloc (MSVCRT.@)
 *
 * realloc(NULL, n) is malloc(n); realloc(p, 0) frees p and returns NULL. On failure the
 * block is left alone.
 */
void *__cdecl realloc(void *ptr, size_t size)
{
    void *res = NULL;

    if (!ptr)
        return malloc(size);
    if (!size) {
        free(ptr);
        return NULL;
    }
    if (size <= HEAP_MAXREQ)
        res = HeapReAlloc(crt_heap(), 0, ptr, size);
    TRACE("(%p, %Iu) -> %p\n", ptr, size, res);
    return res ? res : heap_fail(size);
}

/*********************************************************************
 *      _expand (MSVCRT.@)
 *
 * Resizes a block in place or fails with ENOMEM.
 */
void *__cdecl _expand(void *ptr, size_t size)
{
    void *res = NULL;

    if (!ptr) {
        errno = EINVAL;
        return NULL;
    }
    if (size <= HEAP_MAXREQ)
        res = HeapReAlloc(crt_heap(), HEAP_REALLOC_IN_PLACE_ONLY, ptr, size ? size : 1);
    if (!res)
        errno = ENOMEM;
    return res;
}

/*********************************************************************
 *      _msize (MSVCRT.@)
 */
size_t __cdecl _msize(void *ptr)
{
    SIZE_T size;

    if (!ptr) {
        errno = EINVAL;
        return (size_t)-1;
    }
    size = HeapSize(crt_heap(), 0, ptr);
    if (size == (SIZE_T)-1)
        WARN("HeapSize(%p) failed\n", ptr);
    return size;
}

/*********************************************************************
 *      _set_new_mode (MSVCRT.@)
 */
int __cdecl _set_new_mode(int mode)
{
    int old = new_mode;

    if (mode != 0 && mode != 1) {
        errno = EINVAL;
        return -1;
    }
    new_mode = mode;
    return old;
}

/*********************************************************************
 *      _query_new_mode (MSVCRT.@)
 */
int __cdecl _query_new_mode(void)
{
    return new_mode;
}

/* _aligned_malloc keeps the original block pointer just below the aligned one, and the size
 * asked for below that. */
static void **aligned_slot(void *aligned)
{
    return (void **)((uintptr_t)aligned & ~(uintptr_t)(sizeof(void *) - 1)) - 1;
}

/*********************************************************************
 *      _aligned_offset_malloc (MSVCRT.@)
 *
 * A block whose address + offset is a multiple of alignment (a power of two).
 */
void *__cdecl _aligned_offset_malloc(size_t size, size_t alignment, size_t offset)
{
    size_t total;
    uintptr_t user;
    void *block;

    if (!alignment || (alignment & (alignment - 1)) || (size && offset >= size)) {
        errno = EINVAL;
        return NULL;
    }
    if (alignment < sizeof(void *))
        alignment = sizeof(void *);
    if (__builtin_add_overflow(size, alignment + sizeof(void *) * 2, &total))
        return heap_fail(size);
    if (!(block = malloc(total)))
        return NULL;
    user = ((uintptr_t)block + sizeof(void *) * 2 + offset + alignment - 1) & ~(alignment - 1);
    user -= offset;
    *aligned_slot((void *)user) = block;
    ((size_t *)aligned_slot((void *)user))[-1] = size;       /* for _aligned_msize */
    return (void *)user;
}

/*********************************************************************
 *      _aligned_malloc (MSVCRT.@)
 */
void *__cdecl _aligned_malloc(size_t size, size_t alignment)
{
    return _aligned_offset_malloc(size, alignment, 0);
}

/*********************************************************************
 *      _aligned_free (MSVCRT.@)
 */
void __cdecl _aligned_free(void *ptr)
{
    if (ptr)
        free(*aligned_slot(ptr));
}

/* A heap copy of a string, for our own use (no errno contract). */
char *msvcrt_strdup_heap(const char *s)
{
    size_t len = strlen(s) + 1;
    char *copy = HeapAlloc(crt_heap(), 0, len);

    if (copy)
        memcpy(copy, s, len);
    return copy;
}

/*********************************************************************
 *      _recalloc (MSVCRT.@)
 *
 * realloc to count * size bytes; the bytes past the old size are zeroed.
 */
void *__cdecl _recalloc(void *ptr, size_t count, size_t size)
{
    size_t total, old = 0;
    void *res;

    if (__builtin_mul_overflow(count, size, &total) || total > HEAP_MAXREQ) {
        errno = ENOMEM;
        return NULL;
    }
    if (ptr)
        old = _msize(ptr);
    if (!(res = realloc(ptr, total ? total : 1)))
        return NULL;
    if (total > old)
        memset((char *)res + old, 0, total - old);
    return res;
}

/*********************************************************************
 *      _aligned_msize (MSVCRT.@)
 *
 * The size asked for when the block was made (alignment and offset as given then).
 */
size_t __cdecl _aligned_msize(void *ptr, size_t alignment, size_t offset)
{
    if (crt_null(ptr) || !alignment || (alignment & (alignment - 1))) {
        errno = EINVAL;
        return (size_t)-1;
    }
    return ((size_t *)aligned_slot(ptr))[-1];
}

/*********************************************************************
 *      _aligned_offset_realloc (MSVCRT.@)
 *
 * A new aligned block with the old contents (up to the smaller size); size 0 frees.
 */
void *__cdecl _aligned_offset_realloc(void *ptr, size_t size, size_t alignment, size_t offset)
{
    size_t old;
    void *res;

    if (!ptr)
        return _aligned_offset_malloc(size, alignment, offset);
    if (!size) {
        _aligned_free(ptr);
        return NULL;
    }
    if (!alignment || (alignment & (alignment - 1)) || offset >= size) {
        errno = EINVAL;
        return NULL;
    }
    old = _aligned_msize(ptr, alignment, offset);
    if (!(res = _aligned_offset_malloc(size, alignment, offset)))
        return NULL;        /* the old block stays */
    memcpy(res, ptr, old < size ? old : size);
    _aligned_free(ptr);
    return res;
}

/*********************************************************************
 *      _aligned_realloc (MSVCRT.@)
 */
void *__cdecl _aligned_realloc(void *ptr, size_t size, size_t alignment)
{
    return _aligned_offset_realloc(ptr, size, alignment, 0);
}

/*********************************************************************
 *      _heapchk (MSVCRT.@)
 *
 * _HEAPOK if the heap is consistent, _HEAPBADNODE if not (HeapValidate).
 */
int __cdecl _heapchk(void)
{
    if (!HeapValidate(crt_heap(), 0, NULL)) {
        errno = EINVAL;
        return _HEAPBADNODE;
    }
    return _HEAPOK;
}

/*********************************************************************
 *      _heapmin (MSVCRT.@)
 *
 * Would give unused heap memory back to the system: ntdll's heap has no compaction yet
 * (HeapCompact), so nothing is released; 0, which is also what Windows returns when there
 * is nothing to release.
 */
int __cdecl _heapmin(void)
{
    FIXME_ONCE("nothing released: no heap compaction\n");
    return 0;
}
