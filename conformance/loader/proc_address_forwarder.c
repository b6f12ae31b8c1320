/* runtimes: msvcrt ucrt */
/* loader/proc_address_forwarder: an export forwarded to another DLL ("fwd_tick =
 * kernel32.GetTickCount") resolves to the target's address.
 * Expected per the PE/COFF specification (Export Address Table: forwarder RVAs) and
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-getprocaddress. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    HMODULE h = LoadLibraryW(L"ldr_dll.dll");
    void *f = (void *)GetProcAddress(h, "fwd_tick");
    void *t = (void *)GetProcAddress(GetModuleHandleW(L"kernel32.dll"), "GetTickCount");
    printf("resolved=%d same=%d\n", f != NULL, f == t);
    FreeLibrary(h);
    return 0;
}
