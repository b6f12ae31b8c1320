/* runtimes: msvcrt ucrt */
/* memory/virtual_reserve_commit: VirtualAlloc reserve then commit: the address is 64 KiB aligned,
 * committed pages read as zero, VirtualQuery reports the states.
 * Expected per https://learn.microsoft.com/windows/win32/api/memoryapi/nf-memoryapi-virtualalloc
 * and .../nf-memoryapi-virtualquery. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    char *p = VirtualAlloc(NULL, 0x20000, MEM_RESERVE, PAGE_READWRITE);
    printf("reserved=%d aligned64k=%d\n", p != NULL, ((ULONG_PTR)p & 0xffff) == 0);
    MEMORY_BASIC_INFORMATION mi;
    VirtualQuery(p, &mi, sizeof(mi));
    printf("state=0x%lx size=0x%llx\n", (unsigned long)mi.State, (unsigned long long)mi.RegionSize);
    char *c = VirtualAlloc(p + 0x1000, 0x1000, MEM_COMMIT, PAGE_READWRITE);
    printf("commit at=%d zero=%d\n", c == p + 0x1000, c[0] == 0 && c[4095] == 0);
    VirtualQuery(c, &mi, sizeof(mi));
    printf("state=0x%lx protect=0x%lx size=0x%llx alloc protect=0x%lx\n", (unsigned long)mi.State, (unsigned long)mi.Protect,
           (unsigned long long)mi.RegionSize, (unsigned long)mi.AllocationProtect);
    printf("free=%d\n", VirtualFree(p, 0, MEM_RELEASE));
    return 0;
}
