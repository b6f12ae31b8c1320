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

static void *heap_fail(size_t size)
{
    if (new_mode)
        FIXME_ONCE("new mode 1: no C++ new handler support yet\n");
    WARN("out of memory (%Iu bytes)\n", size);
    errno = ENOMEM;
    return NULL;
}

/*********************************************************************
 *      malloc (MSVCRT.@)
 *
 * malloc(0) returns a unique non-NULL block, as on Windows.
 */
void *__cdecl malloc(size_t size)
{
    void *ptr = NULL;

    if (size <= HEAP_MAXREQ)
        ptr = HeapAlloc(crt_heap(), 0, size ? size : 1);
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

/* _aligned_malloc keeps the original block pointer just below the aligned one. */
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
