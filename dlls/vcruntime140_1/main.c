/* main.c: vcruntime140_1.dll has only forwarders and stubs (vcruntime140_1.spec); its DllMain. */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    return TRUE;
}
