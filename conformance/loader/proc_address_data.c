/* runtimes: msvcrt ucrt */
/* loader/proc_address_data: a DATA export gives the address of the variable; writes through it are
 * seen by the DLL.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-getprocaddress. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    HMODULE h = LoadLibraryW(L"ldr_dll.dll");
    int *v = (int *)GetProcAddress(h, "data_value");
    printf("value=%d\n", v ? *v : -1);
    FreeLibrary(h);
    return 0;
}
