/* loader/ldr_dll.dll.c: the DLL the loader cases load. Its DllMain reports each call on stdout
 * (through the same C runtime as the case: the DLLs are built once per runtime) and counts thread
 * attach/detach calls; ldr_dll.dll.def gives it ordinals, a data export and a forwarder. */
#include <windows.h>
#include <stdio.h>

static const char *reasons[] = { "PROCESS_DETACH", "PROCESS_ATTACH", "THREAD_ATTACH", "THREAD_DETACH" };
static LONG thread_calls;
int quiet_threads;
int data_value = 1234;

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    if (reason == DLL_THREAD_ATTACH || reason == DLL_THREAD_DETACH) {
        InterlockedIncrement(&thread_calls);
        if (quiet_threads)
            return TRUE;
    }
    printf("ldr_dll DllMain %s reserved=%s\n", reason < 4 ? reasons[reason] : "?",
           reserved ? "non-NULL" : "NULL");
    fflush(stdout);
    return TRUE;
}

int first(void)
{
    return 1;
}

int second(void)
{
    return 2;
}

LONG thread_call_count(void)
{
    return thread_calls;
}
