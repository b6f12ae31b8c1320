/* runtimes: msvcrt ucrt */
/* loader/load_extension: LoadLibraryW appends ".dll" to a name without an extension; a trailing
 * "." means "no extension" and finds nothing.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-loadlibraryw ("If the
 * string specifies a module name without a path and the file name extension is omitted, the
 * function appends the default library extension .DLL"; "To prevent the function from appending
 * .DLL to the module name, include a trailing point character"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HMODULE h = LoadLibraryW(L"ldr_dll");
    printf("no extension=%d\n", h != NULL);
    FreeLibrary(h);
    SHOW("trailing dot", LoadLibraryW(L"ldr_dll.") != NULL);
    return 0;
}
