/* procboost.c: process priority boost switches (Go's runtime disables boosting at start). */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(process);

/* Linux's scheduler gives no temporary priority boosts, so there is nothing to disable or
 * report: the handle is checked (a bad one fails with the Windows error) and boosting is
 * reported as enabled, i.e. "not disabled", as on a Windows system with default settings. */
static NTSTATUS check_process(HANDLE process)
{
    PROCESS_BASIC_INFORMATION pbi;
    return NtQueryInformationProcess(process, ProcessBasicInformation, &pbi, sizeof(pbi), NULL);
}

/***********************************************************************
 *           SetProcessPriorityBoost   (kernelbase.@)
 */
BOOL WINAPI SetProcessPriorityBoost(HANDLE process, BOOL disable)
{
    TRACE("(%p, %d)\n", process, disable);
    return set_ntstatus(check_process(process));
}

/***********************************************************************
 *           GetProcessPriorityBoost   (kernelbase.@)
 */
BOOL WINAPI GetProcessPriorityBoost(HANDLE process, PBOOL disabled)
{
    if (!set_ntstatus(check_process(process)))
        return FALSE;
    if (!disabled) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *disabled = FALSE;
    return TRUE;
}
