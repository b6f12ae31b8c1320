/* stackguarantee.c: SetThreadStackGuarantee (Rust's runtime and wasmer call it on each thread):
 * a query with 0, a larger guarantee that returns the previous one, a smaller one that is
 * ignored (the guarantee cannot be reduced), one larger than the stack's reserve that fails,
 * and a new thread that starts without one. Debian's Wine 8.0 prints the same. */
#include <windows.h>
#include <stdio.h>

static void set(const char *what, ULONG want)
{
    ULONG size = want;
    BOOL ok;
    SetLastError(0xdeadbeef);
    ok = SetThreadStackGuarantee(&size);
    printf("%s: %d, previous %#lx, error %lu\n", what, ok, size, ok ? 0 : GetLastError());
}

static DWORD WINAPI thread(void *arg)
{
    set("new thread: query", 0);
    set("new thread: 0x3000", 0x3000);
    set("new thread: query", 0);
    return 0;
}

int main(void)
{
    HANDLE h;
    set("query", 0);
    set("0x5000", 0x5000);
    set("query", 0);
    set("smaller 0x1000 (ignored)", 0x1000);
    set("query", 0);
    set("0x6001 (rounded up to pages)", 0x6001);
    set("query", 0);
    set("larger than the reserve", 0x40000000);
    set("query", 0);
    h = CreateThread(NULL, 0, thread, NULL, 0, NULL);
    WaitForSingleObject(h, INFINITE);
    CloseHandle(h);
    set("main thread again: query", 0);
    return 0;
}
