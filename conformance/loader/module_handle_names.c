/* runtimes: msvcrt ucrt */
/* loader/module_handle_names: GetModuleHandleW matches names case-insensitively, with or without
 * ".dll"; an unloaded module gives NULL with ERROR_MOD_NOT_FOUND (126).
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-getmodulehandlew.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HMODULE k = GetModuleHandleW(L"kernel32.dll");
    printf("found=%d\n", k != NULL);
    printf("upper=%d noext=%d\n", GetModuleHandleW(L"KERNEL32.DLL") == k, GetModuleHandleW(L"kernel32") == k);
    SHOW("missing", GetModuleHandleW(L"nosuchmodule.dll") != NULL);
    return 0;
}
