/* runtimes: msvcrt ucrt */
/* loader/dllmain_order: DllMain is called with DLL_PROCESS_ATTACH during LoadLibrary (lpvReserved
 * NULL for a dynamic load) and DLL_PROCESS_DETACH during the last FreeLibrary (lpvReserved NULL).
 * Expected per https://learn.microsoft.com/windows/win32/dlls/dllmain (lpvReserved). Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    printf("before load\n");
    HMODULE h = LoadLibraryW(L"ldr_dll.dll");
    printf("after load\n");
    FreeLibrary(h);
    printf("after free\n");
    return 0;
}
