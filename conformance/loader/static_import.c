/* runtimes: msvcrt ucrt */
/* loader/static_import: a DLL the program imports is loaded and its DllMain(PROCESS_ATTACH,
 * lpvReserved non-NULL) runs before main; at exit it gets PROCESS_DETACH with lpvReserved non-NULL.
 * Expected per https://learn.microsoft.com/windows/win32/dlls/dllmain (lpvReserved: "non-NULL for
 * static loads"; "non-NULL if the process is terminating"). Wine 8.0 agrees.
 * link: ldr_static */
#include "common.h"
__declspec(dllimport) int static_value(void);

int main(void)
{
    printf("main: static_value=%d\n", static_value());
    return 0;
}
