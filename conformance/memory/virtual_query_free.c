/* runtimes: msvcrt ucrt */
/* memory/virtual_query_free: VirtualQuery of a released region reports MEM_FREE; of address 0
 * MEM_FREE too; VirtualQuery past the user address space returns 0 with ERROR_INVALID_PARAMETER.
 * Expected per https://learn.microsoft.com/windows/win32/api/memoryapi/nf-memoryapi-virtualquery.
 * The error for the kernel address is per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    char *p = VirtualAlloc(NULL, 0x10000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    VirtualFree(p, 0, MEM_RELEASE);
    MEMORY_BASIC_INFORMATION mi;
    SIZE_T n = VirtualQuery(p, &mi, sizeof(mi));
    printf("released: n=%d state=0x%lx\n", n == sizeof(mi), (unsigned long)mi.State);
    n = VirtualQuery(NULL, &mi, sizeof(mi));
    printf("null: n=%d state=0x%lx\n", n == sizeof(mi), (unsigned long)mi.State);
    SHOW("kernel address", VirtualQuery((void *)0xffff800000000000ULL, &mi, sizeof(mi)));
    return 0;
}
