/* runtimes: msvcrt ucrt */
/* loader/proc_address_missing: GetProcAddress of a name a DLL does not export gives NULL with
 * ERROR_PROC_NOT_FOUND (127); names are case-sensitive.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-getprocaddress. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    HMODULE k = GetModuleHandleW(L"kernel32.dll");
    SHOW("missing", GetProcAddress(k, "NoSuchFunctionAnywhere") != NULL);
    SHOW("wrong case", GetProcAddress(k, "getcurrentprocessid") != NULL);
    SHOW("right", GetProcAddress(k, "GetCurrentProcessId") != NULL);
    return 0;
}
