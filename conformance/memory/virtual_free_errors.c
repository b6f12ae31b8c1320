/* runtimes: msvcrt ucrt */
/* memory/virtual_free_errors: VirtualFree errors: MEM_RELEASE with a size fails with
 * ERROR_INVALID_PARAMETER; releasing from inside the region fails; a second release fails.
 * Expected per https://learn.microsoft.com/windows/win32/api/memoryapi/nf-memoryapi-virtualfree
 * ("If the dwFreeType parameter is MEM_RELEASE, this parameter [dwSize] must be 0"; lpAddress
 * "must be the base address returned by the VirtualAlloc function"). Neither it nor
 * ZwFreeVirtualMemory's page gives the error codes of the last two: 487 and 87 are per Wine 8.0
 * (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    char *p = VirtualAlloc(NULL, 0x10000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    SHOW("release with size", VirtualFree(p, 0x1000, MEM_RELEASE));
    SHOW("release inside", VirtualFree(p + 0x1000, 0, MEM_RELEASE));
    SHOW("decommit page", VirtualFree(p + 0x1000, 0x1000, MEM_DECOMMIT));
    SHOW("release", VirtualFree(p, 0, MEM_RELEASE));
    SHOW("release again", VirtualFree(p, 0, MEM_RELEASE));
    return 0;
}
