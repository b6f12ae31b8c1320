/* badptr.c: a bad pointer handed to the system is an error return, not a crash: the NT call
 * returns STATUS_ACCESS_VIOLATION (0xC0000005) and the Win32 function fails with ERROR_NOACCESS
 * (998), as Windows' kernel does when it probes a user buffer (Microsoft docs: "Handling
 * Exceptions" in the driver guide, and ERROR_NOACCESS "Invalid access to memory location").
 * The calls after each failure must work normally. */
#include <stdio.h>
#include <windows.h>

typedef LONG (WINAPI *query_time_fn)(LARGE_INTEGER *);

int main(void)
{
    query_time_fn query = (query_time_fn)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtQuerySystemTime");
    LARGE_INTEGER now;
    MEMORY_BASIC_INFORMATION info;
    char buf[8];
    DWORD n = 0;

    printf("NtQuerySystemTime(bad): %#lx\n", (unsigned long)query((LARGE_INTEGER *)16));
    printf("NtQuerySystemTime(good): %#lx\n", (unsigned long)query(&now));
    SetLastError(0xdeadbeef);
    SIZE_T got = VirtualQuery(&info, (MEMORY_BASIC_INFORMATION *)16, sizeof(info));
    printf("VirtualQuery into a bad buffer: %lu, error %lu\n", (unsigned long)got, GetLastError());
    printf("VirtualQuery into a good one: %s\n", VirtualQuery(&info, &info, sizeof(info)) ? "ok" : "failed");
    SetLastError(0xdeadbeef);
    BOOL ok = ReadFile(GetStdHandle(STD_INPUT_HANDLE), (void *)16, sizeof(buf), &n, NULL);
    printf("ReadFile into a bad buffer: %d, error %lu\n", ok, GetLastError());
    for (int i = 0; i < 40; i++)    /* the guard's frames must not leak: more than its depth */
        query((LARGE_INTEGER *)16);
    printf("after 40 more faults: %#lx\n", (unsigned long)query(&now));
    return 0;
}
