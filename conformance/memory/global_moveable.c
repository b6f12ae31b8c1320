/* runtimes: msvcrt ucrt */
/* memory/global_moveable: GlobalAlloc(GMEM_MOVEABLE) returns a handle: GlobalLock gives the
 * memory, the lock count shows in GlobalFlags, GlobalUnlock returns FALSE with NO_ERROR at zero.
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-globallock and
 * .../nf-winbase-globalunlock. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HGLOBAL g = GlobalAlloc(GMEM_MOVEABLE | GMEM_ZEROINIT, 16);
    char *p = GlobalLock(g);
    printf("locked=%d zero=%d flags lock count=%u\n", p != NULL, p[0] == 0, GlobalFlags(g) & GMEM_LOCKCOUNT);
    SetLastError(0xdeadbeef);
    BOOL still = GlobalUnlock(g);
    printf("unlock=%d err=%lu\n", still, (unsigned long)GetLastError());
    printf("free=%p\n", (void *)GlobalFree(g));
    return 0;
}
