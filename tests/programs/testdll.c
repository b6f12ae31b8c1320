/* testdll.c: the DLL of the PE test programs dllimport.c and dynload.c (exports: testdll.def).
 * DllMain reports each reason on standard output with WriteFile, so that the report does not
 * depend on the C runtime's buffering. What Windows passes DllMain:
 * https://learn.microsoft.com/en-us/windows/win32/dlls/dllmain ("lpvReserved is NULL for dynamic
 * loads and non-NULL for static loads"; on DLL_PROCESS_DETACH "NULL if FreeLibrary has been
 * called or the DLL load failed and non-NULL if the process is terminating"). */
#include <windows.h>

int testdll_counter = 100;

static void say(const char *text)
{
    DWORD written;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), text, lstrlenA(text), &written, NULL);
}

int testdll_add(int a, int b)
{
    return a + b;
}

const char *testdll_name(void)
{
    return "testdll";
}

int testdll_bump(void)
{
    return ++testdll_counter;
}

int testdll_secret(void)
{
    return 1234;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    switch (reason) {
    case DLL_PROCESS_ATTACH:
        say(reserved ? "testdll: process attach (static load)\r\n"
                     : "testdll: process attach (dynamic load)\r\n");
        break;
    case DLL_PROCESS_DETACH:
        say(reserved ? "testdll: process detach (process exit)\r\n"
                     : "testdll: process detach (FreeLibrary)\r\n");
        break;
    case DLL_THREAD_ATTACH:
        say("testdll: thread attach\r\n");
        break;
    case DLL_THREAD_DETACH:
        say("testdll: thread detach\r\n");
        break;
    }
    return TRUE;
}
