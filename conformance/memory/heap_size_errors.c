/* runtimes: msvcrt ucrt */
/* memory/heap_size_errors: HeapSize of a freed or foreign pointer is (SIZE_T)-1 per the
 * documentation; HeapReAlloc to 0 bytes keeps a valid block; HeapAlloc of 0 bytes returns a block.
 * Expected per https://learn.microsoft.com/windows/win32/api/heapapi/nf-heapapi-heapsize and
 * .../nf-heapapi-heaprealloc. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE heap = GetProcessHeap();
    void *z = HeapAlloc(heap, 0, 0);
    printf("alloc 0=%d size=%llu\n", z != NULL, (unsigned long long)HeapSize(heap, 0, z));
    void *r = HeapReAlloc(heap, 0, z, 0);
    printf("realloc 0=%d size=%llu\n", r != NULL, (unsigned long long)HeapSize(heap, 0, r));
    HeapFree(heap, 0, r);
    return 0;
}
