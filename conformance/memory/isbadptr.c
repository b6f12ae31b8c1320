/* runtimes: msvcrt ucrt */
/* memory/isbadptr: IsBadReadPtr/IsBadWritePtr on valid, read-only, NULL and free memory.
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-isbadreadptr. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    char buf[16];
    char *ro = VirtualAlloc(NULL, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_READONLY);
    char *freed = VirtualAlloc(NULL, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    VirtualFree(freed, 0, MEM_RELEASE);
    printf("stack read=%d write=%d\n", IsBadReadPtr(buf, 16), IsBadWritePtr(buf, 16));
    printf("readonly read=%d write=%d\n", IsBadReadPtr(ro, 16), IsBadWritePtr(ro, 16));
    printf("NULL read=%d freed read=%d\n", IsBadReadPtr(NULL, 1), IsBadReadPtr(freed, 1));
    printf("zero size NULL=%d\n", IsBadReadPtr(NULL, 0));
    return 0;
}
