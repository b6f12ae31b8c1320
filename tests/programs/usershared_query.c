/* usershared_query.c: KUSER_SHARED_DATA (0x7ffe0000) answers VirtualQuery as a committed
 * read-only private page even when nothing has read it yet (vinho makes the page on its first
 * access). MEM_COMMIT, PAGE_READONLY, MEM_PRIVATE as Wine 8.0 answers (its NtMajorVersion is 6:
 * its default prefix is Windows 7; Windows 10 and 11 say 10). */
#include <windows.h>
#include <stdio.h>

int main(void)
{
    MEMORY_BASIC_INFORMATION m;
    SIZE_T n = VirtualQuery((void *)0x7ffe0000, &m, sizeof(m));
    printf("VirtualQuery: %d, base %#lx, state %#lx, protect %#lx, type %#lx\n", n == sizeof(m),
           (unsigned long)(ULONG_PTR)m.BaseAddress, m.State, m.Protect, m.Type);
    /* NtMajorVersion at offset 0x26c: Windows 10 and 11 say 10. */
    printf("NtMajorVersion %lu\n", *(volatile ULONG *)0x7ffe026c);
    return 0;
}
