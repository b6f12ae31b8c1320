/* loader/ldr_fail.dll.c: a DLL whose DllMain refuses PROCESS_ATTACH, for loader/dllmain_fail. */
#include <windows.h>
#include <stdio.h>

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    printf("ldr_fail DllMain reason=%lu\n", (unsigned long)reason);
    fflush(stdout);
    return reason != DLL_PROCESS_ATTACH;
}
