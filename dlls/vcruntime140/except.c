/* except.c: the C parts of std::exception and std::type_info support in vcruntime140.dll
 * (__std_exception_copy/destroy, __std_type_info_compare/hash/destroy_list). Their data layouts
 * are the ones the MSVC headers (<vcruntime_exception.h>, <vcruntime_typeinfo.h>) declare. */
#include <windows.h>
#include <stdbool.h>
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(seh);

struct std_exception_data {
    const char *what;
    bool do_free;       /* what is ours (heap) and is freed by __std_exception_destroy */
};

struct std_type_info_data {
    const char *undecorated;    /* filled in lazily by __std_type_info_name */
    const char decorated[1];    /* ".?AVname@@", NUL-terminated */
};

/*********************************************************************
 *      __std_exception_copy (VCRUNTIME140.@)
 *
 * A copy that owns its message copies it; otherwise the pointer is shared.
 */
void __cdecl __std_exception_copy(const struct std_exception_data *from, struct std_exception_data *to)
{
    to->what = NULL;
    to->do_free = false;
    if (from->do_free && from->what) {
        size_t len = lstrlenA(from->what) + 1;
        char *copy = HeapAlloc(GetProcessHeap(), 0, len);
        if (!copy)
            return;     /* as the CRT: the copy has no message */
        memcpy(copy, from->what, len);
        to->what = copy;
        to->do_free = true;
    } else {
        to->what = from->what;
    }
}

/*********************************************************************
 *      __std_exception_destroy (VCRUNTIME140.@)
 */
void __cdecl __std_exception_destroy(struct std_exception_data *data)
{
    if (data->do_free)
        HeapFree(GetProcessHeap(), 0, (void *)data->what);
    data->what = NULL;
    data->do_free = false;
}

/*********************************************************************
 *      __std_type_info_compare (VCRUNTIME140.@)
 *
 * 0 if both describe the same type: the same object, or the same decorated name after its
 * leading '.'.
 */
int __cdecl __std_type_info_compare(const struct std_type_info_data *a,
                                    const struct std_type_info_data *b)
{
    const unsigned char *x, *y;

    if (a == b)
        return 0;
    x = (const unsigned char *)a->decorated + 1;
    y = (const unsigned char *)b->decorated + 1;
    while (*x && *x == *y) {
        x++;
        y++;
    }
    return *x < *y ? -1 : *x > *y;
}

/*********************************************************************
 *      __std_type_info_hash (VCRUNTIME140.@)
 *
 * 64-bit FNV-1a of the decorated name after its leading '.' (the hash MSVC's type_info uses).
 */
size_t __cdecl __std_type_info_hash(const struct std_type_info_data *data)
{
    uint64_t h = 14695981039346656037ULL;

    for (const unsigned char *p = (const unsigned char *)data->decorated + 1; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    return h;
}

/*********************************************************************
 *      __std_type_info_destroy_list (VCRUNTIME140.@)
 *
 * Frees the names __std_type_info_name allocated (an SLIST of blocks, each starting with its
 * list entry).
 */
void __cdecl __std_type_info_destroy_list(SLIST_HEADER *list)
{
    SLIST_ENTRY *e = InterlockedFlushSList(list);

    while (e) {
        SLIST_ENTRY *next = e->Next;
        HeapFree(GetProcessHeap(), 0, e);
        e = next;
    }
}

char *cxx_undecorate(const char *mangled);

/*********************************************************************
 *      __std_type_info_name (VCRUNTIME140.@)
 *
 * The readable name ("class Name", "int"), made once and kept in the type_info; the blocks are
 * chained on list for __std_type_info_destroy_list (each starts with its list entry).
 */
const char *__cdecl __std_type_info_name(struct std_type_info_data *data, SLIST_HEADER *list)
{
    char *name, *block;
    size_t len;

    if (data->undecorated)
        return data->undecorated;
    name = cxx_undecorate(data->decorated);
    if (!name)
        return data->decorated + 1;
    len = lstrlenA(name) + 1;
    block = HeapAlloc(GetProcessHeap(), 0, sizeof(SLIST_ENTRY) + len);
    if (!block) {
        HeapFree(GetProcessHeap(), 0, name);
        return data->decorated + 1;
    }
    memcpy(block + sizeof(SLIST_ENTRY), name, len);
    HeapFree(GetProcessHeap(), 0, name);
    if (InterlockedCompareExchangePointer((void **)&data->undecorated, block + sizeof(SLIST_ENTRY), NULL))
        HeapFree(GetProcessHeap(), 0, block);           /* another thread was first */
    else
        InterlockedPushEntrySList(list, (SLIST_ENTRY *)block);
    return data->undecorated;
}
