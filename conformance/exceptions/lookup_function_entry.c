/* runtimes: msvcrt ucrt */
/* exceptions/lookup_function_entry: RtlLookupFunctionEntry finds the unwind entry for main inside
 * the program (the .pdata of the x64 PE), and none for a heap address.
 * Expected per https://learn.microsoft.com/windows/win32/api/winnt/nf-winnt-rtllookupfunctionentry
 * and the PE/COFF specification (.pdata). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    DWORD64 base = 0;
    PRUNTIME_FUNCTION f = RtlLookupFunctionEntry((DWORD64)(void *)main, &base, NULL);
    printf("found=%d base is image=%d covers=%d\n", f != NULL, base == (DWORD64)GetModuleHandleW(NULL),
           f && base + f->BeginAddress <= (DWORD64)(void *)main && (DWORD64)(void *)main < base + f->EndAddress);
    void *heap = HeapAlloc(GetProcessHeap(), 0, 16);
    f = RtlLookupFunctionEntry((DWORD64)heap, &base, NULL);
    printf("heap found=%d\n", f != NULL);
    return 0;
}
