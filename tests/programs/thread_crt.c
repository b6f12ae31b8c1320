/* thread_crt: msvcrt's _beginthreadex (suspended start, exit code, _endthreadex) and _beginthread
 * (the thread closes its own handle), errno in each thread, and a thread ending the process by
 * returning from main while another still runs. */
#include <windows.h>
#include <process.h>
#include <errno.h>
#include <stdio.h>

static volatile LONG done;

static unsigned __stdcall ex_routine(void *arg)
{
    errno = 33;
    if (arg)
        _endthreadex(77);
    return errno == 33 ? 5 : 6;
}

static void __cdecl plain_routine(void *arg)
{
    InterlockedIncrement(&done);
}

int main(void)
{
    unsigned id = 0;
    DWORD code;
    uintptr_t h;

    errno = 0;
    h = _beginthreadex(NULL, 0, ex_routine, NULL, CREATE_SUSPENDED, &id);
    printf("_beginthreadex: %d, id %d\n", h != 0, id != 0);
    GetExitCodeThread((HANDLE)h, &code);
    printf("suspended: %s\n", code == STILL_ACTIVE ? "STILL_ACTIVE" : "ended");
    ResumeThread((HANDLE)h);
    WaitForSingleObject((HANDLE)h, INFINITE);
    GetExitCodeThread((HANDLE)h, &code);
    printf("returned: %lu, main's errno untouched: %d\n", code, errno);
    CloseHandle((HANDLE)h);
    h = _beginthreadex(NULL, 0, ex_routine, (void *)1, 0, NULL);
    WaitForSingleObject((HANDLE)h, INFINITE);
    GetExitCodeThread((HANDLE)h, &code);
    printf("_endthreadex: %lu\n", code);
    CloseHandle((HANDLE)h);
    h = _beginthreadex(NULL, 0, NULL, NULL, 0, NULL);
    printf("no routine: %d errno %d\n", (int)h, errno);

    h = _beginthread(plain_routine, 0, NULL);
    printf("_beginthread: %d\n", h != (uintptr_t)-1);
    while (!done)
        Sleep(1);
    Sleep(50);
    printf("ran: %ld\n", done);
    errno = 0;
    h = _beginthread(NULL, 0, NULL);
    printf("no routine: %d errno %d\n", (int)h, errno);
    fflush(stdout);
    return 4;
}
