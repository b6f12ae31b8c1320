/* usershared.c: KUSER_SHARED_DATA at 0x7ffe0000, read directly as Go's runtime does: the
 * interrupt time (0x08) and system time (0x14) are KSYSTEM_TIMEs that move on while the program
 * sleeps; the system time agrees with GetSystemTimeAsFileTime; the version fields say 10.0. */
#include <stdio.h>
#include <windows.h>

static ULONGLONG read_time(ULONG offset)
{
    volatile ULONG *t = (volatile ULONG *)(0x7ffe0000 + (ULONG_PTR)offset);
    ULONG high, low;
    do {
        high = t[1];
        low = t[0];
    } while (high != t[2]);
    return (ULONGLONG)high << 32 | low;
}

int main(void)
{
    ULONGLONG i1 = read_time(0x08), s1 = read_time(0x14), i2, s2;
    FILETIME ft;
    ULONGLONG now;
    Sleep(100);
    i2 = read_time(0x08);
    s2 = read_time(0x14);
    GetSystemTimeAsFileTime(&ft);
    now = (ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime;
    printf("interrupt time advanced by >= 50 ms: %d\n", i2 - i1 >= 500000);
    printf("system time advanced by >= 50 ms: %d\n", s2 - s1 >= 500000);
    printf("system time within 1 s of GetSystemTimeAsFileTime: %d\n",
           (now > s2 ? now - s2 : s2 - now) < 10000000);
    printf("version: %lu.%lu\n", *(volatile ULONG *)0x7ffe026c, *(volatile ULONG *)0x7ffe0270);
    return 0;
}
