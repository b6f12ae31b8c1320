/* runtimes: msvcrt ucrt */
/* memory/system_info: GetSystemInfo: 4 KiB pages, 64 KiB allocation granularity, the x64 processor
 * architecture (9).
 * Expected per https://learn.microsoft.com/windows/win32/api/sysinfoapi/ns-sysinfoapi-system_info.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    printf("page=%lu granularity=%lu arch=%u\n", (unsigned long)si.dwPageSize, (unsigned long)si.dwAllocationGranularity, si.wProcessorArchitecture);
    printf("min app addr=%p\n", si.lpMinimumApplicationAddress);
    return 0;
}
