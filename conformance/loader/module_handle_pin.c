/* runtimes: msvcrt ucrt */
/* loader/module_handle_pin: GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_PIN) keeps a module
 * loaded after its last FreeLibrary.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-getmodulehandleexw
 * (GET_MODULE_HANDLE_EX_FLAG_PIN). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HMODULE h = LoadLibraryW(L"ldr_dll.dll"), pinned;
    printf("pin=%d\n", GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_PIN, L"ldr_dll.dll", &pinned));
    FreeLibrary(h);
    printf("still loaded=%d\n", GetModuleHandleW(L"ldr_dll.dll") != NULL);
    return 0;
}
