/* sysinfo.c: the machine's memory figures for GlobalMemoryStatusEx (from /proc/meminfo). */
#include <stdio.h>
#include <string.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"
#include "vinho/sysinfo.h"

DEFAULT_DEBUG_CHANNEL(process);

/* The value of a "Name:   123 kB" line of a /proc file, in bytes; 0 if absent. */
static ULONGLONG proc_value(const char *file, const char *name)
{
    char line[256];
    size_t len = strlen(name);
    unsigned long long kb = 0;
    FILE *f = fopen(file, "r");

    if (!f)
        return 0;
    while (fgets(line, sizeof(line), f))
        if (!strncmp(line, name, len) && line[len] == ':' && sscanf(line + len + 1, "%llu", &kb) == 1)
            break;
    fclose(f);
    return kb * 1024;
}

/***********************************************************************
 *           __vinho_memory_status
 *
 * Fills values[0..count) with VINHO_MEM_* figures in bytes (include/vinho/sysinfo.h).
 */
NTSTATUS WINAPI __vinho_memory_status(ULONGLONG *values, ULONG count)
{
    ULONGLONG out[VINHO_MEM_COUNT];

    if (!values)
        return STATUS_ACCESS_VIOLATION;
    if (count > VINHO_MEM_COUNT)
        return STATUS_INVALID_PARAMETER;
    out[VINHO_MEM_TOTAL_PHYS] = proc_value("/proc/meminfo", "MemTotal");
    out[VINHO_MEM_AVAIL_PHYS] = proc_value("/proc/meminfo", "MemAvailable");
    if (!out[VINHO_MEM_AVAIL_PHYS])     /* kernels before 3.14 */
        out[VINHO_MEM_AVAIL_PHYS] = proc_value("/proc/meminfo", "MemFree");
    out[VINHO_MEM_TOTAL_SWAP] = proc_value("/proc/meminfo", "SwapTotal");
    out[VINHO_MEM_FREE_SWAP] = proc_value("/proc/meminfo", "SwapFree");
    out[VINHO_MEM_PROCESS_VIRTUAL] = proc_value("/proc/self/status", "VmSize");
    out[VINHO_MEM_PROCESS_COMMIT] = proc_value("/proc/self/status", "VmRSS") +
                                    proc_value("/proc/self/status", "VmSwap");
    TRACE("total %llu avail %llu\n", (unsigned long long)out[VINHO_MEM_TOTAL_PHYS], (unsigned long long)out[VINHO_MEM_AVAIL_PHYS]);
    memcpy(values, out, count * sizeof(*values));
    return STATUS_SUCCESS;
}
