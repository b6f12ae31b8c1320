/* runtimes: msvcrt ucrt */
/* loader/load_datafile: LoadLibraryExW(LOAD_LIBRARY_AS_DATAFILE) maps the file without running
 * DllMain; GetProcAddress on it fails.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-loadlibraryexw
 * (LOAD_LIBRARY_AS_DATAFILE). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HMODULE h = LoadLibraryExW(L"ldr_dll.dll", NULL, LOAD_LIBRARY_AS_DATAFILE);
    printf("loaded=%d\n", h != NULL);
    printf("proc=%d\n", GetProcAddress(h, "first") != NULL);
    FreeLibrary(h);
    return 0;
}
