/* thread_control: SuspendThread/ResumeThread of a running thread (its counter stops, then goes
 * on; the previous suspend counts), TerminateThread of a thread busy in its own code and of one
 * blocked in a wait (the handle is signalled, the exit code is the one given), and of a thread
 * created suspended. TerminateThread and SuspendThread are asynchronous on Windows: the checks
 * wait for the handle, or sleep, before looking. */
#include <windows.h>
#include <stdio.h>

static volatile LONG counter;

static DWORD WINAPI spin(void *arg)
{
    for (;;)
        InterlockedIncrement(&counter);
    return 0;
}

static DWORD WINAPI block(void *arg)
{
    WaitForSingleObject((HANDLE)arg, INFINITE);
    return 1;
}

int main(void)
{
    DWORD code, r;
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE t = CreateThread(NULL, 0, spin, NULL, 0, NULL);

    while (counter < 1000)
        Sleep(1);
    printf("suspend: %lu\n", SuspendThread(t));
    printf("suspend again: %lu\n", SuspendThread(t));
    Sleep(20);
    LONG a = counter;
    Sleep(50);
    printf("counter stopped: %d\n", counter == a);
    printf("resume: %lu\n", ResumeThread(t));
    Sleep(20);
    printf("still stopped after one resume: %d\n", counter == a);
    printf("resume: %lu\n", ResumeThread(t));
    Sleep(50);
    printf("counter moves again: %d\n", counter != a);

    printf("terminate the spinning thread: %d\n", TerminateThread(t, 55));
    r = WaitForSingleObject(t, 5000);
    GetExitCodeThread(t, &code);
    printf("wait: %lu, exit code %lu\n", r, code);
    CloseHandle(t);

    t = CreateThread(NULL, 0, block, ev, 0, NULL);
    Sleep(20);
    printf("terminate the waiting thread: %d\n", TerminateThread(t, 66));
    r = WaitForSingleObject(t, 5000);
    GetExitCodeThread(t, &code);
    printf("wait: %lu, exit code %lu\n", r, code);
    CloseHandle(t);

    t = CreateThread(NULL, 0, block, ev, CREATE_SUSPENDED, NULL);
    printf("terminate a suspended thread: %d\n", TerminateThread(t, 77));
    r = WaitForSingleObject(t, 5000);
    GetExitCodeThread(t, &code);
    printf("wait: %lu, exit code %lu\n", r, code);
    CloseHandle(t);
    return 0;
}
