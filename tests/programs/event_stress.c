/* event_stress: no wake-up is lost between SetEvent and waits racing with it: ping-pong through
 * auto-reset events (single waits, waits on several objects, polls with a zero timeout), and a
 * manual-reset event set and reset under waiters. A lost wake-up hangs the test (the harness
 * times it out). Expected per https://learn.microsoft.com/windows/win32/sync/event-objects. */
#include <windows.h>
#include <stdio.h>

enum { ROUNDS = 20000 };
static HANDLE ping, pong, other, gate, done;
static volatile LONG polled, passed;

static DWORD WINAPI ponger(void *arg)
{
    for (int i = 0; i < ROUNDS; i++) {
        WaitForSingleObject(ping, INFINITE);
        SetEvent(pong);
    }
    return 0;
}

static DWORD WINAPI multi_ponger(void *arg)
{
    HANDLE both[2] = { other, ping };
    for (int i = 0; i < ROUNDS; i++) {
        if (WaitForMultipleObjects(2, both, FALSE, INFINITE) != WAIT_OBJECT_0 + 1)
            return 1;
        SetEvent(pong);
    }
    return 0;
}

static DWORD WINAPI poller(void *arg)
{
    for (int i = 0; i < ROUNDS / 10; i++) {
        while (WaitForSingleObject(ping, 0) == WAIT_TIMEOUT)
            InterlockedIncrement(&polled);
        SetEvent(pong);
    }
    return 0;
}

static DWORD WINAPI gate_waiter(void *arg)
{
    while (WaitForSingleObject(done, 0) == WAIT_TIMEOUT) {
        WaitForSingleObject(gate, INFINITE);
        InterlockedIncrement(&passed);
    }
    return 0;
}

static DWORD run(LPTHREAD_START_ROUTINE fn, int rounds)
{
    DWORD code = 99;
    HANDLE t = CreateThread(NULL, 0, fn, NULL, 0, NULL);
    for (int i = 0; i < rounds; i++) {
        SetEvent(ping);
        WaitForSingleObject(pong, INFINITE);
    }
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    return code;
}

int main(void)
{
    HANDLE waiters[4];
    ping = CreateEventW(NULL, FALSE, FALSE, NULL);
    pong = CreateEventW(NULL, FALSE, FALSE, NULL);
    other = CreateEventW(NULL, FALSE, FALSE, NULL);
    gate = CreateEventW(NULL, TRUE, FALSE, NULL);
    done = CreateEventW(NULL, TRUE, FALSE, NULL);
    printf("single waits: %lu\n", run(ponger, ROUNDS));
    printf("multiple-object waits: %lu\n", run(multi_ponger, ROUNDS));
    printf("polls: %lu\n", run(poller, ROUNDS / 10));
    printf("ping left unsignalled: %lu\n", WaitForSingleObject(ping, 0));
    for (int i = 0; i < 4; i++)
        waiters[i] = CreateThread(NULL, 0, gate_waiter, NULL, 0, NULL);
    for (int i = 0; i < 2000; i++) {
        SetEvent(gate);
        ResetEvent(gate);
    }
    SetEvent(done);
    SetEvent(gate);
    printf("manual-reset waiters all ended: %lu\n",
           WaitForMultipleObjects(4, waiters, TRUE, INFINITE));
    return 0;
}
