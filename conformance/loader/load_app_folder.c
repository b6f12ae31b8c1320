/* runtimes: msvcrt ucrt */
/* loader/load_app_folder: the program's own folder is searched first: a DLL next to the program
 * loads although the current folder is elsewhere (the cases run in an empty folder).
 * Expected per https://learn.microsoft.com/windows/win32/dlls/dynamic-link-library-search-order.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    WCHAR cwd[MAX_PATH];
    GetCurrentDirectoryW(MAX_PATH, cwd);
    SHOW("in cwd", GetFileAttributesW(L"ldr_dll.dll") != INVALID_FILE_ATTRIBUTES);
    HMODULE h = LoadLibraryW(L"ldr_dll.dll");
    printf("loaded=%d\n", h != NULL);
    FreeLibrary(h);
    return 0;
}
