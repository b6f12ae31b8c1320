/* sync_objects: WaitForMultipleObjects on 64 handles (wait-any index, wait-all), a mix of
 * threads, events, semaphores, mutexes in one wait, mutex recursion, abandonment and
 * ERROR_NOT_OWNER, semaphore limits (ERROR_TOO_MANY_POSTS), auto-reset events waking one
 * waiter, SignalObjectAndWait, waitable timers (one-shot, periodic, cancel, completion routine),
 * APCs on alertable SleepEx and WaitForSingleObjectEx, named objects within the process. */
#include <windows.h>
#include <stdio.h>

static HANDLE mutex, event, sem;
static volatile LONG woken, apc_value;

static DWORD WINAPI take_mutex_and_die(void *arg)
{
    WaitForSingleObject(mutex, INFINITE);
    return 0;   /* ends owning it */
}

static DWORD WINAPI wait_event(void *arg)
{
    if (WaitForSingleObject(event, 2000) == WAIT_OBJECT_0)
        InterlockedIncrement(&woken);
    return 0;
}

static DWORD WINAPI signal_later(void *arg)
{
    Sleep(30);
    SetEvent((HANDLE)arg);
    return 0;
}

static void CALLBACK apc(ULONG_PTR data)
{
    apc_value += data;
}

static DWORD WINAPI alertable_waiter(void *arg)
{
    return WaitForSingleObjectEx((HANDLE)arg, 5000, TRUE);
}

static void CALLBACK timer_routine(void *arg, DWORD low, DWORD high)
{
    InterlockedIncrement((LONG *)arg);
}

static void wait_64(void)
{
    HANDLE h[65];
    DWORD r;
    for (int i = 0; i < 65; i++)
        h[i] = CreateEventW(NULL, TRUE, FALSE, NULL);
    SetEvent(h[37]);
    SetEvent(h[50]);
    printf("64 handles, any: %lu\n", WaitForMultipleObjects(64, h, FALSE, 0));
    printf("64 handles, all (two set): %lu\n", WaitForMultipleObjects(64, h, TRUE, 0));
    for (int i = 0; i < 64; i++)
        SetEvent(h[i]);
    printf("64 handles, all set: %lu\n", WaitForMultipleObjects(64, h, TRUE, 0));
    SetLastError(0);
    r = WaitForMultipleObjects(65, h, FALSE, 0);
    printf("65 handles: %#lx %lu\n", r, GetLastError());
    SetLastError(0);
    r = WaitForMultipleObjects(0, h, FALSE, 0);
    printf("0 handles: %#lx %lu\n", r, GetLastError());
    for (int i = 0; i < 65; i++)
        CloseHandle(h[i]);
    SetLastError(0);
    h[0] = (HANDLE)0x12340;
    r = WaitForSingleObject(h[0], 0);
    printf("bad handle: %#lx %lu\n", r, GetLastError());
}

static void mixed_wait(void)
{
    HANDLE h[4], thread;
    thread = CreateThread(NULL, 0, signal_later, CreateEventW(NULL, FALSE, FALSE, NULL), CREATE_SUSPENDED, NULL);
    h[0] = thread;
    h[1] = CreateEventW(NULL, TRUE, TRUE, NULL);
    h[2] = CreateSemaphoreW(NULL, 1, 1, NULL);
    h[3] = CreateMutexW(NULL, FALSE, NULL);
    printf("mix, any: %lu\n", WaitForMultipleObjects(4, h, FALSE, 0));
    printf("mix, all with the thread running: %lu\n", WaitForMultipleObjects(4, h, TRUE, 0));
    ResumeThread(thread);
    printf("mix, all: %lu\n", WaitForMultipleObjects(4, h, TRUE, INFINITE));
    LONG prev = -1;
    BOOL ok = ReleaseSemaphore(h[2], 1, &prev);
    printf("semaphore was taken by wait-all: %d (prev %ld)\n", ok, prev);
    printf("mutex was taken by wait-all: %d\n", ReleaseMutex(h[3]));
    for (int i = 0; i < 4; i++)
        CloseHandle(h[i]);
}

static void mutexes(void)
{
    HANDLE t;
    DWORD r;
    mutex = CreateMutexW(NULL, TRUE, NULL);
    printf("recursive wait: %lu\n", WaitForSingleObject(mutex, 0));
    BOOL ok1 = ReleaseMutex(mutex), ok2 = ReleaseMutex(mutex);
    printf("release x2: %d %d\n", ok1, ok2);
    SetLastError(0);
    ok1 = ReleaseMutex(mutex);
    printf("release unowned: %d %lu\n", ok1, GetLastError());
    t = CreateThread(NULL, 0, take_mutex_and_die, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    r = WaitForSingleObject(mutex, 0);
    printf("after the owner died: %s\n", r == WAIT_ABANDONED ? "WAIT_ABANDONED" : "wrong");
    printf("now owned, release: %d\n", ReleaseMutex(mutex));
    printf("wait again: %lu\n", WaitForSingleObject(mutex, 0));
    ReleaseMutex(mutex);
    CloseHandle(mutex);
}

static void semaphores(void)
{
    LONG prev = -1;
    sem = CreateSemaphoreW(NULL, 1, 3, NULL);
    BOOL ok = ReleaseSemaphore(sem, 2, &prev);
    printf("release 2: %d prev %ld\n", ok, prev);
    SetLastError(0);
    prev = -1;
    ok = ReleaseSemaphore(sem, 1, &prev);
    printf("release past max: %d %lu prev untouched %ld\n", ok, GetLastError(), prev);
    printf("takes:");
    for (int i = 0; i < 4; i++)
        printf(" %lu", WaitForSingleObject(sem, 0));
    printf("\n");
    /* "The value must be greater than zero" (ReleaseSemaphore, Microsoft's documentation); Wine
     * accepts 0. */
    SetLastError(0);
    ok = ReleaseSemaphore(sem, 0, NULL);
    printf("release 0: %d %lu\n", ok, GetLastError());
    CloseHandle(sem);
    SetLastError(0);
    sem = CreateSemaphoreW(NULL, 4, 3, NULL);
    printf("initial > max: %p %lu\n", sem, GetLastError());
}

static void events(void)
{
    HANDLE t[3];
    event = CreateEventW(NULL, FALSE, FALSE, NULL);
    for (int i = 0; i < 3; i++)
        t[i] = CreateThread(NULL, 0, wait_event, NULL, 0, NULL);
    Sleep(50);
    SetEvent(event);
    Sleep(100);
    printf("auto-reset event woke: %ld\n", woken);
    SetEvent(event);
    SetEvent(event);
    WaitForMultipleObjects(3, t, TRUE, INFINITE);
    printf("after two more sets: %ld\n", woken);
    for (int i = 0; i < 3; i++)
        CloseHandle(t[i]);
    printf("auto-reset event is reset: %lu\n", WaitForSingleObject(event, 0));
    HANDLE other = CreateEventW(NULL, FALSE, FALSE, NULL);
    t[0] = CreateThread(NULL, 0, signal_later, other, 0, NULL);
    DWORD r = SignalObjectAndWait(event, other, 5000, FALSE);
    printf("SignalObjectAndWait: %lu, signalled: %lu\n", r, WaitForSingleObject(event, 0));
    WaitForSingleObject(t[0], INFINITE);
    CloseHandle(t[0]);
    CloseHandle(other);
    CloseHandle(event);
}

static void timers(void)
{
    LARGE_INTEGER due;
    LONG fired = 0;
    HANDLE timer = CreateWaitableTimerW(NULL, TRUE, NULL);
    due.QuadPart = -300000;     /* 30 ms */
    printf("set: %d\n", SetWaitableTimer(timer, &due, 0, NULL, NULL, FALSE));
    printf("before due: %lu\n", WaitForSingleObject(timer, 0));
    printf("wait: %lu\n", WaitForSingleObject(timer, 1000));
    printf("manual-reset stays signalled: %lu\n", WaitForSingleObject(timer, 0));
    BOOL ok = CancelWaitableTimer(timer);
    printf("cancel: %d, still signalled: %lu\n", ok, WaitForSingleObject(timer, 0));
    CloseHandle(timer);

    timer = CreateWaitableTimerW(NULL, FALSE, NULL);
    due.QuadPart = -100000;
    SetWaitableTimer(timer, &due, 10, NULL, NULL, FALSE);
    int ticks = 0;
    for (int i = 0; i < 3; i++)
        ticks += WaitForSingleObject(timer, 1000) == WAIT_OBJECT_0;
    printf("periodic ticks: %d\n", ticks);
    CancelWaitableTimer(timer);
    printf("cancelled: %lu\n", WaitForSingleObject(timer, 50));

    due.QuadPart = -100000;
    SetWaitableTimer(timer, &due, 0, timer_routine, &fired, FALSE);
    DWORD r = SleepEx(2000, TRUE);
    printf("completion routine: SleepEx %lu, fired %ld\n", r, fired);
    CloseHandle(timer);
}

static void apcs(void)
{
    HANDLE ev, t;
    DWORD code;
    QueueUserAPC(apc, GetCurrentThread(), 5);
    Sleep(10);
    printf("not alertable: apc ran %ld\n", apc_value);
    DWORD r = SleepEx(1000, TRUE);
    printf("SleepEx alertable: %lu, apc ran %ld\n", r, apc_value);
    printf("nothing queued: %lu\n", SleepEx(10, TRUE));
    ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    t = CreateThread(NULL, 0, alertable_waiter, ev, 0, NULL);
    Sleep(30);
    QueueUserAPC(apc, t, 10);
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    printf("other thread's alertable wait: %lu, apc value %ld\n", code, apc_value);
    SetLastError(0);
    r = QueueUserAPC(apc, t, 1);
    printf("QueueUserAPC to an ended thread: %lu\n", r);
    CloseHandle(t);
    CloseHandle(ev);
}

static void named(void)
{
    HANDLE a, b, c;
    SetLastError(0xdead);
    a = CreateEventW(NULL, TRUE, FALSE, L"vinho-test-event");
    printf("create named: %d %lu\n", a != NULL, GetLastError());
    b = CreateEventW(NULL, FALSE, TRUE, L"vinho-test-event");
    printf("create again: %d %lu same object: ", b != NULL && b != a, GetLastError());
    SetEvent(b);
    printf("%lu\n", WaitForSingleObject(a, 0));
    c = OpenEventW(EVENT_ALL_ACCESS, FALSE, L"vinho-test-event");
    printf("open: %d\n", c != NULL);
    CloseHandle(c);
    c = OpenEventW(EVENT_ALL_ACCESS, FALSE, L"Local\\vinho-test-event");
    printf("open Local\\: %d\n", c != NULL);
    CloseHandle(c);
    SetLastError(0);
    c = OpenEventW(EVENT_ALL_ACCESS, FALSE, L"vinho-no-such-event");
    printf("open missing: %p %lu\n", c, GetLastError());
    SetLastError(0);
    c = CreateMutexW(NULL, FALSE, L"vinho-test-event");
    printf("mutex with an event's name: %p %lu\n", c, GetLastError());
    SetLastError(0);
    c = OpenSemaphoreW(SEMAPHORE_ALL_ACCESS, FALSE, L"vinho-test-event");
    printf("open as a semaphore: %p %lu\n", c, GetLastError());
    CloseHandle(a);
    CloseHandle(b);
    SetLastError(0);
    c = OpenEventW(EVENT_ALL_ACCESS, FALSE, L"vinho-test-event");
    printf("open after the last close: %p %lu\n", c, GetLastError());
    a = CreateMutexA(NULL, TRUE, "vinho-test-mutex");
    b = OpenMutexA(MUTEX_ALL_ACCESS, FALSE, "vinho-test-mutex");
    BOOL ok = ReleaseMutex(b);
    printf("named mutex opened: %d, release through the other handle: %d\n", b != NULL, ok);
    CloseHandle(a);
    CloseHandle(b);
    a = CreateSemaphoreW(NULL, 0, 5, L"vinho-test-sem");
    SetLastError(0);
    b = CreateSemaphoreW(NULL, 3, 9, L"vinho-test-sem");
    LONG prev = -1;
    ReleaseSemaphore(b, 1, &prev);
    printf("semaphore by name: %lu, count was %ld\n", GetLastError(), prev);
    CloseHandle(a);
    CloseHandle(b);
    SetLastError(0);
    a = OpenEventW(EVENT_ALL_ACCESS, FALSE, NULL);
    printf("open NULL name: %p %lu\n", a, GetLastError());
}

int main(void)
{
    wait_64();
    mixed_wait();
    mutexes();
    semaphores();
    events();
    timers();
    apcs();
    named();
    return 0;
}
