/* sysdlls_absent.c: a program that imports a Windows system DLL vinho does not have (pdh.dll)
 * still starts; the DLL is not loaded (LoadLibrary and GetModuleHandle fail with
 * ERROR_MOD_NOT_FOUND), and calling one of its imports names itself and raises (with the
 * argument "call"; msvcapps-test.sh checks that and `vinho --check`). vinho-specific: Windows
 * and Wine have pdh.dll. docs/win32dlls.md, "Absent system DLLs". */
#include <windows.h>
#include <pdh.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    PDH_HQUERY query;
    SetLastError(0xdeadbeef);
    HMODULE h = LoadLibraryA("pdh.dll");
    printf("LoadLibrary: %s (%lu)\n", h ? "loaded" : "NULL", h ? 0 : GetLastError());
    SetLastError(0xdeadbeef);
    h = GetModuleHandleA("pdh.dll");
    printf("GetModuleHandle: %s (%lu)\n", h ? "found" : "NULL", h ? 0 : GetLastError());
    fflush(stdout);
    if (argc > 1 && !strcmp(argv[1], "call"))
        printf("PdhOpenQueryA returned %#lx\n", PdhOpenQueryA(NULL, 0, &query));
    return 0;
}
