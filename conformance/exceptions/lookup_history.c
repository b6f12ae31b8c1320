/* runtimes: msvcrt ucrt */
/* exceptions/lookup_history: RtlLookupFunctionEntry with an UNWIND_HISTORY_TABLE (zeroed before
 * its first use, as documented) finds the same entries as without one, however many functions
 * it is asked about (more than the table's 12 slots) and in whatever order, and still none for
 * an address no module describes.
 * Expected per https://learn.microsoft.com/windows/win32/api/winnt/nf-winnt-rtllookupfunctionentry
 * (HistoryTable: optional). Wine 8.0 agrees. */
#include "common.h"

static const char *const names[] = {
    "GetTickCount", "GetLastError", "SetLastError", "CreateEventW", "SetEvent", "ResetEvent",
    "WaitForSingleObject", "CloseHandle", "GetCurrentThreadId", "Sleep", "HeapAlloc", "HeapFree",
    "GetProcessHeap", "lstrlenW", "MultiByteToWideChar", "WideCharToMultiByte",
};
#define COUNT (sizeof(names) / sizeof(names[0]))

int main(void)
{
    UNWIND_HISTORY_TABLE history;
    DWORD64 pcs[COUNT + 1], base, hbase;
    HMODULE k32 = GetModuleHandleW(L"kernel32.dll");
    int same = 0, found = 0, n = 0;

    memset(&history, 0, sizeof(history));
    pcs[n++] = (DWORD64)(void *)main;
    for (unsigned i = 0; i < COUNT; i++)
        if ((pcs[n] = (DWORD64)(void *)GetProcAddress(k32, names[i])))
            n++;
    for (int round = 0; round < 3; round++)     /* forwards, backwards, forwards */
        for (int j = 0; j < n; j++) {
            DWORD64 pc = pcs[round == 1 ? n - 1 - j : j] + 1;
            PRUNTIME_FUNCTION f = RtlLookupFunctionEntry(pc, &base, NULL);
            PRUNTIME_FUNCTION h = RtlLookupFunctionEntry(pc, &hbase, &history);
            found += f != NULL;
            same += f == h && (!f || base == hbase);
        }
    printf("functions=%d lookups=%d same=%d found=%d\n", n, 3 * n, same, found > 0);
    void *heap = HeapAlloc(GetProcessHeap(), 0, 16);
    printf("heap found=%d\n", RtlLookupFunctionEntry((DWORD64)heap, &base, &history) != NULL);
    return 0;
}
