/* runtimes: msvcrt ucrt */
/* memory/global_local: GlobalAlloc(GMEM_FIXED)/LocalAlloc(LMEM_ZEROINIT): sizes, GlobalFree
 * returns NULL on success, GlobalSize, LocalReAlloc.
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-globalalloc and
 * .../nf-winbase-localalloc. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HGLOBAL g = GlobalAlloc(GMEM_FIXED, 100);
    printf("global=%d size=%llu\n", g != NULL, (unsigned long long)GlobalSize(g));
    printf("free=%p\n", (void *)GlobalFree(g));
    char *l = LocalAlloc(LMEM_ZEROINIT, 50);
    printf("local zero=%d size=%llu\n", l[0] == 0 && l[49] == 0, (unsigned long long)LocalSize(l));
    l = LocalReAlloc(l, 500, LMEM_MOVEABLE);
    printf("realloc size=%llu\n", (unsigned long long)LocalSize(l));
    printf("free=%p\n", (void *)LocalFree(l));
    return 0;
}
