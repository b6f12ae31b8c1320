/* runtimes: msvcrt ucrt */
/* loader/dllmain_threads: a thread started while a DLL is loaded calls its DllMain with
 * DLL_THREAD_ATTACH and DLL_THREAD_DETACH; after DisableThreadLibraryCalls it does not.
 * Expected per https://learn.microsoft.com/windows/win32/dlls/dllmain and
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-disablethreadlibrarycalls. Wine 8.0 differs (it still calls DllMain after DisableThreadLibraryCalls); the documentation wins. */
#include "common.h"

static DWORD WINAPI worker(void *arg)
{
    return 0;
}

int main(void)
{
    HMODULE h = LoadLibraryW(L"ldr_dll.dll");
    LONG (*count)(void) = (void *)GetProcAddress(h, "thread_call_count");
    *(int *)GetProcAddress(h, "quiet_threads") = 1;
    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    printf("calls with thread notifications=%ld\n", count());
    DisableThreadLibraryCalls(h);
    t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    printf("calls after DisableThreadLibraryCalls=%ld\n", count());
    FreeLibrary(h);
    return 0;
}
