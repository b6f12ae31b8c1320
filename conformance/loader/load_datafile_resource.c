/* runtimes: msvcrt ucrt */
/* loader/load_datafile_resource: a module loaded with LOAD_LIBRARY_AS_DATAFILE runs no DllMain,
 * is unknown to GetModuleHandle and GetProcAddress, and serves its resources to FindResource,
 * SizeofResource, LoadResource and LockResource; FreeLibrary releases it; a later LoadLibrary
 * loads it as a module (DllMain runs).
 * Expected per https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-loadlibraryexw
 * (LOAD_LIBRARY_AS_DATAFILE: "Nothing is done to execute or prepare to execute the mapped file ...
 * you cannot call functions like GetModuleFileName, GetModuleHandle or GetProcAddress with this
 * DLL. ... Use this flag when you want to load a DLL only to extract messages or resources from
 * it") and .../nf-libloaderapi-findresourcew; the error of the missing resource (1814,
 * ERROR_RESOURCE_NAME_NOT_FOUND) is per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    HMODULE h = LoadLibraryExW(L"ldr_res.dll", NULL, LOAD_LIBRARY_AS_DATAFILE);
    printf("loaded=%d\n", h != NULL);
    printf("proc=%d\n", GetProcAddress(h, "res_export") != NULL);
    printf("module handle=%d\n", GetModuleHandleW(L"ldr_res.dll") != NULL);
    HRSRC r = FindResourceW(h, MAKEINTRESOURCEW(1), (LPCWSTR)RT_RCDATA);
    printf("found=%d size=%lu\n", r != NULL, (unsigned long)SizeofResource(h, r));
    const char *p = LockResource(LoadResource(h, r));
    printf("data=<");
    print_a(p, 5);
    printf(">\n");
    SHOW("missing name", FindResourceW(h, MAKEINTRESOURCEW(2), (LPCWSTR)RT_RCDATA) != NULL);
    SHOW("free", FreeLibrary(h));
    h = LoadLibraryW(L"ldr_res.dll");
    int (*fn)(void) = (int (*)(void))GetProcAddress(h, "res_export");
    printf("as module: export=%d\n", fn ? fn() : -1);
    FreeLibrary(h);
    return 0;
}
