/* runtimes: msvcrt ucrt */
/* memory/heap_realloc_in_place: HeapReAlloc with HEAP_REALLOC_IN_PLACE_ONLY either grows in place
 * or fails with NULL, never moving the block; shrinking in place works.
 * Expected per https://learn.microsoft.com/windows/win32/api/heapapi/nf-heapapi-heaprealloc. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE heap = GetProcessHeap();
    char *p = HeapAlloc(heap, 0, 64);
    char *block = HeapAlloc(heap, 0, 64);   /* likely right after p */
    char *q = HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, p, 32);
    printf("shrink same=%d size=%llu\n", q == p, (unsigned long long)HeapSize(heap, 0, p));
    q = HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, p, 1 << 20);
    printf("grow huge moved=%d\n", q != NULL && q != p);
    HeapFree(heap, 0, p);
    HeapFree(heap, 0, block);
    return 0;
}
