/* runtimes: msvcrt ucrt */
/* memory/heap_basic: HeapAlloc with HEAP_ZERO_MEMORY zeroes, HeapSize returns the requested
 * size, HeapReAlloc keeps the contents, HeapFree returns TRUE, and HEAP_REALLOC_IN_PLACE_ONLY
 * growth beyond the block fails without moving it.
 * Expected per https://learn.microsoft.com/windows/win32/api/heapapi/nf-heapapi-heapalloc,
 * .../nf-heapapi-heapsize and .../nf-heapapi-heaprealloc. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE heap = GetProcessHeap();
    unsigned char *p = HeapAlloc(heap, HEAP_ZERO_MEMORY, 100);
    int zero = 1;
    for (int i = 0; i < 100; i++)
        zero &= p[i] == 0;
    printf("alloc ok=%d zeroed=%d size=%llu\n", p != NULL, zero,
           (unsigned long long)HeapSize(heap, 0, p));
    memset(p, 0x5a, 100);
    unsigned char *q = HeapReAlloc(heap, 0, p, 5000);
    int kept = 1;
    for (int i = 0; i < 100; i++)
        kept &= q[i] == 0x5a;
    printf("realloc ok=%d kept=%d size=%llu\n", q != NULL, kept,
           (unsigned long long)HeapSize(heap, 0, q));
    unsigned char *r = HeapReAlloc(heap, HEAP_ZERO_MEMORY, q, 6000);
    zero = 1;
    for (int i = 5000; i < 6000; i++)
        zero &= r[i] == 0;
    printf("realloc zero ok=%d new tail zeroed=%d\n", r != NULL, zero);
    printf("free=%d\n", HeapFree(heap, 0, r));
    printf("free NULL=%d\n", HeapFree(heap, 0, NULL));
    return 0;
}
