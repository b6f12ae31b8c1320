/* loader/ldr_static.dll.c: a DLL that loader/static_import links against at build time; its
 * DllMain runs before the program's main. */
#include <windows.h>
#include <stdio.h>

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    if (reason == DLL_PROCESS_ATTACH || reason == DLL_PROCESS_DETACH) {
        printf("ldr_static DllMain %s reserved=%s\n", reason ? "PROCESS_ATTACH" : "PROCESS_DETACH",
               reserved ? "non-NULL" : "NULL");
        fflush(stdout);
    }
    return TRUE;
}

__declspec(dllexport) int static_value(void)
{
    return 77;
}
