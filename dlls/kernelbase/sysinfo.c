/* sysinfo.c: memory status of the machine and the process (GlobalMemoryStatus(Ex)). */
#include "kernelbase.h"
#include "vinho/sysinfo.h"

DEFAULT_DEBUG_CHANNEL(process);

/* The user-mode address space of an x64 process (lpMaximumApplicationAddress + 1 - 64 KiB). */
#define USER_SPACE_SIZE 0x7ffffffe0000ULL

/***********************************************************************
 *           GlobalMemoryStatusEx   (kernelbase.@)
 *
 * The page file of Windows is Linux's RAM plus swap (the commit limit); the virtual figures are
 * the 128 TiB user address space and what this process has not mapped of it.
 */
BOOL WINAPI GlobalMemoryStatusEx(MEMORYSTATUSEX *status)
{
    ULONGLONG v[VINHO_MEM_COUNT];
    NTSTATUS st;

    if (!status || status->dwLength != sizeof(*status)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if ((st = __vinho_memory_status(v, VINHO_MEM_COUNT)))
        return set_ntstatus(st);
    status->ullTotalPhys = v[VINHO_MEM_TOTAL_PHYS];
    status->ullAvailPhys = v[VINHO_MEM_AVAIL_PHYS];
    status->dwMemoryLoad = v[VINHO_MEM_TOTAL_PHYS] ?
        (DWORD)((v[VINHO_MEM_TOTAL_PHYS] - v[VINHO_MEM_AVAIL_PHYS]) * 100 / v[VINHO_MEM_TOTAL_PHYS]) : 0;
    status->ullTotalPageFile = v[VINHO_MEM_TOTAL_PHYS] + v[VINHO_MEM_TOTAL_SWAP];
    status->ullAvailPageFile = v[VINHO_MEM_AVAIL_PHYS] + v[VINHO_MEM_FREE_SWAP];
    status->ullTotalVirtual = USER_SPACE_SIZE;
    status->ullAvailVirtual = v[VINHO_MEM_PROCESS_VIRTUAL] < USER_SPACE_SIZE ?
        USER_SPACE_SIZE - v[VINHO_MEM_PROCESS_VIRTUAL] : 0;
    status->ullAvailExtendedVirtual = 0;    /* always 0, as documented */
    return TRUE;
}

/***********************************************************************
 *           GlobalMemoryStatus   (kernelbase.@)
 *
 * The old form; its SIZE_T fields are 64-bit on x64, so nothing needs clipping.
 */
void WINAPI GlobalMemoryStatus(MEMORYSTATUS *status)
{
    MEMORYSTATUSEX ex = { .dwLength = sizeof(ex) };

    if (!GlobalMemoryStatusEx(&ex)) {
        memset(status, 0, sizeof(*status));
        status->dwLength = sizeof(*status);
        return;
    }
    status->dwLength = sizeof(*status);
    status->dwMemoryLoad = ex.dwMemoryLoad;
    status->dwTotalPhys = ex.ullTotalPhys;
    status->dwAvailPhys = ex.ullAvailPhys;
    status->dwTotalPageFile = ex.ullTotalPageFile;
    status->dwAvailPageFile = ex.ullAvailPageFile;
    status->dwTotalVirtual = ex.ullTotalVirtual;
    status->dwAvailVirtual = ex.ullAvailVirtual;
}
