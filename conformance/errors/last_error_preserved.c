/* runtimes: msvcrt ucrt */
/* errors/last_error_preserved: successful calls that document no change leave the last error
 * alone: GetLastError after SetLastError(1234) then GetCurrentProcessId, GetTickCount-free calls.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-getlasterror.
 * expected per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    SetLastError(1234);
    GetCurrentProcessId();
    GetCurrentThreadId();
    GetProcessHeap();
    printf("after simple calls=%lu\n", (unsigned long)GetLastError());
    SetLastError(1234);
    HeapFree(GetProcessHeap(), 0, HeapAlloc(GetProcessHeap(), 0, 10));
    printf("after heap=%lu\n", (unsigned long)GetLastError());
    return 0;
}
