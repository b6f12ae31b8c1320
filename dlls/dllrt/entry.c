/* entry.c: the entry point of every one of our DLLs; it calls the DLL's DllMain. */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved);

BOOL WINAPI __vinho_dll_entry(HINSTANCE instance, DWORD reason, void *reserved)
{
    return DllMain(instance, reason, reserved);
}
