/* runtimes: msvcrt ucrt */
/* memory/heap_validate_walk: HeapValidate on the process heap and on one block succeeds;
 * HeapLock/HeapUnlock pair succeeds.
 * Expected per https://learn.microsoft.com/windows/win32/api/heapapi/nf-heapapi-heapvalidate and
 * .../nf-heapapi-heaplock. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE heap = GetProcessHeap();
    void *p = HeapAlloc(heap, 0, 40);
    printf("validate heap=%d block=%d\n", HeapValidate(heap, 0, NULL), HeapValidate(heap, 0, p));
    BOOL locked = HeapLock(heap);
    BOOL unlocked = HeapUnlock(heap);
    printf("lock=%d unlock=%d\n", locked, unlocked);
    HeapFree(heap, 0, p);
    return 0;
}
