/* runtimes: msvcrt ucrt */
/* memory/heap_create_destroy: HeapCreate with a maximum size: allocations beyond it fail and
 * return NULL; HeapDestroy succeeds.
 * Expected per https://learn.microsoft.com/windows/win32/api/heapapi/nf-heapapi-heapcreate. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE h = HeapCreate(0, 0x10000, 0x20000);
    printf("created=%d\n", h != NULL);
    void *a = HeapAlloc(h, 0, 0x1000);
    printf("small=%d\n", a != NULL);
    SetLastError(0xdeadbeef);
    void *b = HeapAlloc(h, 0, 0x40000);
    printf("too big=%d\n", b != NULL);
    printf("destroy=%d\n", HeapDestroy(h));
    return 0;
}
