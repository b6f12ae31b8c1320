/* sysinfo.h: the figures __vinho_memory_status returns, shared by ntcalls and kernelbase. */
#ifndef VINHO_SYSINFO_H
#define VINHO_SYSINFO_H
enum vinho_mem_value {
    VINHO_MEM_TOTAL_PHYS,       /* MemTotal */
    VINHO_MEM_AVAIL_PHYS,       /* MemAvailable (what can be had without swapping) */
    VINHO_MEM_TOTAL_SWAP,
    VINHO_MEM_FREE_SWAP,
    VINHO_MEM_PROCESS_VIRTUAL,  /* this process's address space in use (VmSize) */
    VINHO_MEM_PROCESS_COMMIT,   /* this process's resident plus swapped memory */
    VINHO_MEM_COUNT
};
#endif
