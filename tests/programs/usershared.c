/* usershared.c: KUSER_SHARED_DATA at 0x7ffe0000, read directly as Go's runtime does: the
 * interrupt time (0x08) and system time (0x14) are KSYSTEM_TIMEs that move on while the program
 * sleeps; the system time agrees with GetSystemTimeAsFileTime; the version fields say 10.0. The
 * page is read-only: a write, even the first access (vinho makes the page on first access), is
 * an access violation that leaves it unchanged. */
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

static int write_faults;

/* Skips the 2-byte store of try_write after recording its access violation. */
static LONG CALLBACK on_fault(EXCEPTION_POINTERS *ep)
{
    EXCEPTION_RECORD *rec = ep->ExceptionRecord;
    if (rec->ExceptionCode == EXCEPTION_ACCESS_VIOLATION && rec->NumberParameters == 2 &&
        rec->ExceptionInformation[0] == 1 && rec->ExceptionInformation[1] == 0x7ffe026c) {
        write_faults++;
        ep->ContextRecord->Rip += 2;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

static void try_write(void)
{
    __asm__ volatile("movl %0, (%1)" /* 89 02: two bytes */ : : "a"(99), "d"(0x7ffe026cULL) : "memory");
}

int main(void)
{
    ULONGLONG i1, s1, i2, s2;
    FILETIME ft;
    ULONGLONG now;
    PVOID handler = AddVectoredExceptionHandler(1, on_fault);
    try_write();    /* the first access of all */
    try_write();
    RemoveVectoredExceptionHandler(handler);
    printf("writes to the page fault: %d\n", write_faults);
    i1 = read_time(0x08);
    s1 = read_time(0x14);
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
