/* malloc.c: the COM task allocator (CoTaskMemAlloc/Realloc/Free). Its blocks live on the
 * process heap, so that memory a function documents as "free with CoTaskMemFree" (shell32's
 * SHGetKnownFolderPath, ...) can be allocated by any of our DLLs. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(ole);

/***********************************************************************
 *           CoTaskMemAlloc   (combase.@)
 *
 * NULL when the memory cannot be had. A size of 0 gives a valid, empty block (as Windows does).
 */
LPVOID WINAPI CoTaskMemAlloc(SIZE_T size)
{
    return HeapAlloc(GetProcessHeap(), 0, size);
}

/***********************************************************************
 *           CoTaskMemFree   (combase.@)
 *
 * NULL is allowed and does nothing.
 */
void WINAPI CoTaskMemFree(LPVOID ptr)
{
    if (ptr)
        HeapFree(GetProcessHeap(), 0, ptr);
}

/***********************************************************************
 *           CoTaskMemRealloc   (combase.@)
 *
 * NULL ptr allocates; size 0 with a block frees it and returns NULL (the documented IMalloc
 * Realloc rules). On failure the old block stays valid and NULL is returned.
 */
LPVOID WINAPI CoTaskMemRealloc(LPVOID ptr, SIZE_T size)
{
    if (!ptr)
        return CoTaskMemAlloc(size);
    if (!size) {
        CoTaskMemFree(ptr);
        return NULL;
    }
    return HeapReAlloc(GetProcessHeap(), 0, ptr, size);
}
