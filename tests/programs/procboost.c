/* procboost.c: SetProcessPriorityBoost/GetProcessPriorityBoost (Go's runtime calls the first at
 * start). Documented: https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/nf-processthreadsapi-setprocesspriorityboost
 * - nonzero on success, zero and GetLastError on failure. A process starts with
 * boosting enabled (Get reports FALSE for "disabled"); vinho has no boosts, so Set does not
 * change what Get reports. Wine 8.0 agrees except for the bad handle, which it accepts (its
 * functions are stubs); Windows passes the handle to Nt{Set,Query}InformationProcess, which fail
 * with STATUS_INVALID_HANDLE -> ERROR_INVALID_HANDLE (6): the documentation wins. */
#include <stdio.h>
#include <windows.h>

int main(void)
{
    BOOL disabled = 7;
    BOOL ok = GetProcessPriorityBoost(GetCurrentProcess(), &disabled);
    printf("get: %d disabled=%d\n", ok != 0, disabled);
    ok = SetProcessPriorityBoost(GetCurrentProcess(), TRUE);
    printf("set: %d\n", ok != 0);
    SetLastError(0);
    ok = SetProcessPriorityBoost((HANDLE)0x1230, TRUE);
    printf("set bad handle: %d error %lu\n", ok != 0, GetLastError());
    SetLastError(0);
    ok = GetProcessPriorityBoost((HANDLE)0x1230, &disabled);
    printf("get bad handle: %d error %lu\n", ok != 0, GetLastError());
    return 0;
}
