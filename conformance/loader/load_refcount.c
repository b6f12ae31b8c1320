/* runtimes: msvcrt ucrt */
/* loader/load_refcount: LoadLibraryW twice needs FreeLibrary twice: the module stays loaded (and
 * DllMain is not called again) until the last FreeLibrary.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-loadlibraryw and
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-freelibrary. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    HMODULE a = LoadLibraryW(L"ldr_dll.dll");
    HMODULE b = LoadLibraryW(L"ldr_dll.dll");
    printf("same=%d\n", a == b);
    printf("free 1=%d still loaded=%d\n", FreeLibrary(a), GetModuleHandleW(L"ldr_dll.dll") != NULL);
    printf("free 2=%d\n", FreeLibrary(b));
    printf("unloaded=%d\n", GetModuleHandleW(L"ldr_dll.dll") == NULL);
    return 0;
}
