/* dllimport.c: load-time linking against testdll.dll (import library testdll.a): functions by
 * name, a function by ordinal only (NONAME), a data export and a forwarder to kernel32.
 * Expected: the DLL is found in the application's folder first
 * (https://learn.microsoft.com/en-us/windows/win32/dlls/dynamic-link-library-search-order), its
 * DllMain gets DLL_PROCESS_ATTACH with lpvReserved non-NULL before main runs and
 * DLL_PROCESS_DETACH with lpvReserved non-NULL when the process exits
 * (https://learn.microsoft.com/en-us/windows/win32/dlls/dllmain); a forwarded export resolves to
 * the target's function (https://learn.microsoft.com/en-us/windows/win32/debug/pe-format,
 * "Export Address Table"). Checked with Wine 8.0. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

__declspec(dllimport) int testdll_counter;
__declspec(dllimport) int testdll_add(int a, int b);
__declspec(dllimport) const char *testdll_name(void);
__declspec(dllimport) int testdll_bump(void);
__declspec(dllimport) int testdll_secret(void);
__declspec(dllimport) DWORD testdll_pid(void);

int main(void)
{
    HMODULE dll = GetModuleHandleA("testdll.dll");

    setvbuf(stdout, NULL, _IONBF, 0);
    printf("main: testdll loaded before main: %s\n", dll ? "yes" : "no");
    printf("main: testdll_add(2, 3) = %d\n", testdll_add(2, 3));
    printf("main: testdll_name() = %s\n", testdll_name());
    printf("main: testdll_counter = %d\n", testdll_counter);
    printf("main: testdll_bump() = %d\n", testdll_bump());
    printf("main: testdll_counter after bump = %d\n", testdll_counter);
    printf("main: testdll_secret() (by ordinal) = %d\n", testdll_secret());
    printf("main: forwarded testdll_pid() matches GetCurrentProcessId: %s\n",
           testdll_pid() == GetCurrentProcessId() ? "yes" : "no");
    printf("main: GetProcAddress(testdll, \"testdll_add\") is the imported function: %s\n",
           dll && (void *)GetProcAddress(dll, "testdll_add") == (void *)testdll_add ? "yes" : "no");
    printf("main: returning 3\n");
    return 3;
}
