/* runtimes: msvcrt ucrt */
/* loader/dllmain_fail: a DllMain that returns FALSE for DLL_PROCESS_ATTACH makes LoadLibraryW fail
 * with ERROR_DLL_INIT_FAILED (1114); the DLL then gets DLL_PROCESS_DETACH and is unloaded.
 * Expected per https://learn.microsoft.com/windows/win32/dlls/dllmain ("If the return value is
 * FALSE when DllMain is called because the process uses the LoadLibrary function, LoadLibrary
 * returns NULL"; "the system immediately calls your entry-point function with
 * DLL_PROCESS_DETACH"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    SHOW("load", LoadLibraryW(L"ldr_fail.dll") != NULL);
    printf("loaded after=%d\n", GetModuleHandleW(L"ldr_fail.dll") != NULL);
    return 0;
}
