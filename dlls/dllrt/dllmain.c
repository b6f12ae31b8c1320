/* dllmain.c: the DllMain of a DLL that needs none (the archive member is used only then). */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    return TRUE;
}
