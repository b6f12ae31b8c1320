/* runtimes: msvcrt ucrt */
/* memory/virtual_alloc_errors: VirtualAlloc errors: size 0, a bad protection value, committing in
 * a free region without MEM_RESERVE at a fixed address that is taken.
 * Expected per https://learn.microsoft.com/windows/win32/api/memoryapi/nf-memoryapi-virtualalloc.
 * The codes are per Wine 8.0 (not yet recorded on Windows): 87 for the first three, 487
 * ERROR_INVALID_ADDRESS for the last. */
#include "common.h"

int main(void)
{
    SHOW("size 0", VirtualAlloc(NULL, 0, MEM_COMMIT, PAGE_READWRITE) != NULL);
    SHOW("bad protect", VirtualAlloc(NULL, 0x1000, MEM_COMMIT, 0x12345) != NULL);
    SHOW("bad type", VirtualAlloc(NULL, 0x1000, 0x40, PAGE_READWRITE) != NULL);
    char *p = VirtualAlloc(NULL, 0x10000, MEM_RESERVE, PAGE_READWRITE);
    SHOW("reserve taken", VirtualAlloc(p, 0x10000, MEM_RESERVE, PAGE_READWRITE) != NULL);
    VirtualFree(p, 0, MEM_RELEASE);
    return 0;
}
