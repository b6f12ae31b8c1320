/* runtimes: msvcrt ucrt */
/* memory/virtual_protect: VirtualProtect returns the old protection; PAGE_READONLY then
 * PAGE_READWRITE; VirtualQuery shows the change.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/memoryapi/nf-memoryapi-virtualprotect. Wine 8.0
 * agrees (lpflOldProtect must not be NULL: ERROR_NOACCESS 998). */
#include "common.h"

int main(void)
{
    char *p = VirtualAlloc(NULL, 0x2000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    DWORD old = 0;
    SHOW("to readonly", VirtualProtect(p, 0x1000, PAGE_READONLY, &old));
    printf("old=0x%lx\n", (unsigned long)old);
    MEMORY_BASIC_INFORMATION mi;
    VirtualQuery(p, &mi, sizeof(mi));
    printf("protect=0x%lx size=0x%llx\n", (unsigned long)mi.Protect, (unsigned long long)mi.RegionSize);
    VirtualQuery(p + 0x1000, &mi, sizeof(mi));
    printf("next page protect=0x%lx\n", (unsigned long)mi.Protect);
    SHOW("back", VirtualProtect(p, 0x1000, PAGE_READWRITE, &old));
    printf("old=0x%lx\n", (unsigned long)old);
    SHOW("NULL old", VirtualProtect(p, 0x1000, PAGE_READONLY, NULL));
    VirtualFree(p, 0, MEM_RELEASE);
    return 0;
}
