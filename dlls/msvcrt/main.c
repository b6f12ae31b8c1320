/* main.c: DllMain: sets the CRT up when the DLL attaches and tears it down at detach. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

static bool process_attach(void)
{
    if (!msvcrt_init_tls())
        return false;
    msvcrt_init_locks();
    msvcrt_init_fds();
    msvcrt_init_stdio();
    msvcrt_init_clock();
    if (!msvcrt_init_args() || !msvcrt_init_environ()) {
        ERR("out of memory for the command line or the environment\n");
        return false;
    }
    return true;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    TRACE("(%p, %lu, %p)\n", instance, reason, reserved);
    switch (reason) {
    case DLL_PROCESS_ATTACH:
        return process_attach();
    case DLL_THREAD_DETACH:
        msvcrt_free_thread_data();
        break;
    case DLL_PROCESS_DETACH:
        /* reserved != NULL: the process is ending (see msvcrt_process_detach). */
        msvcrt_process_detach(reserved != NULL);
        if (!reserved) {
            msvcrt_free_thread_data();
            msvcrt_free_tls();
            msvcrt_free_locks();
        }
        break;
    }
    return TRUE;
}
