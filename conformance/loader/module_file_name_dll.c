/* runtimes: msvcrt ucrt */
/* loader/module_file_name_dll: GetModuleFileNameW of a loaded DLL gives the full path of the file
 * next to the program.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-getmodulefilenamew.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HMODULE h = LoadLibraryW(L"ldr_dll.dll");
    WCHAR dll[MAX_PATH], exe[MAX_PATH];
    GetModuleFileNameW(h, dll, MAX_PATH);
    GetModuleFileNameW(NULL, exe, MAX_PATH);
    *wcsrchr(exe, '\\') = 0;
    *wcsrchr(dll, '\\') = 0;
    printf("same folder=%d name=", !_wcsicmp(exe, dll));
    GetModuleFileNameW(h, dll, MAX_PATH);
    print_w(wcsrchr(dll, '\\') + 1, -1);
    printf("\n");
    FreeLibrary(h);
    return 0;
}
