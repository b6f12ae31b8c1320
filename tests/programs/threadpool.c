/* threadpool: QueueUserWorkItem, TrySubmitThreadpoolCallback, thread-pool work (submitted many
 * times, waited for, closed from its own callback), timers (one-shot, periodic, cancelled) and
 * waits (signalled, timed out), all on the default pool. A one-shot timer that fired still counts
 * as set for IsThreadpoolTimerSet (as Wine). */
#include <windows.h>
#include <stdio.h>

static volatile LONG work_runs, simple_runs, user_runs, timer_runs, wait_signalled, wait_timedout;
static HANDLE done_event;

static DWORD WINAPI user_item(void *arg)
{
    if (InterlockedIncrement(&user_runs) == 10)
        SetEvent(done_event);
    return 0;
}

static void CALLBACK simple(PTP_CALLBACK_INSTANCE instance, void *context)
{
    InterlockedIncrement(&simple_runs);
    SetEvent((HANDLE)context);
}

static void CALLBACK work_cb(PTP_CALLBACK_INSTANCE instance, void *context, PTP_WORK work)
{
    Sleep(1);
    InterlockedIncrement(&work_runs);
}

static void CALLBACK self_closing(PTP_CALLBACK_INSTANCE instance, void *context, PTP_WORK work)
{
    CloseThreadpoolWork(work);
    SetEvent((HANDLE)context);
}

static void CALLBACK timer_cb(PTP_CALLBACK_INSTANCE instance, void *context, PTP_TIMER timer)
{
    InterlockedIncrement(&timer_runs);
}

static void CALLBACK wait_cb(PTP_CALLBACK_INSTANCE instance, void *context, PTP_WAIT wait, TP_WAIT_RESULT result)
{
    if (result == WAIT_OBJECT_0)
        InterlockedIncrement(&wait_signalled);
    else if (result == WAIT_TIMEOUT)
        InterlockedIncrement(&wait_timedout);
    SetEvent((HANDLE)context);
}

int main(void)
{
    HANDLE ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    done_event = CreateEventW(NULL, TRUE, FALSE, NULL);

    for (int i = 0; i < 10; i++)
        QueueUserWorkItem(user_item, NULL, WT_EXECUTEDEFAULT);
    DWORD r = WaitForSingleObject(done_event, 5000);
    printf("QueueUserWorkItem: %lu, runs %ld\n", r, user_runs);

    printf("TrySubmitThreadpoolCallback: %d", TrySubmitThreadpoolCallback(simple, ev, NULL));
    printf(", ran: %lu\n", WaitForSingleObject(ev, 5000));

    PTP_WORK work = CreateThreadpoolWork(work_cb, NULL, NULL);
    for (int i = 0; i < 50; i++)
        SubmitThreadpoolWork(work);
    WaitForThreadpoolWorkCallbacks(work, FALSE);
    printf("work: %ld runs after WaitForThreadpoolWorkCallbacks\n", work_runs);
    CloseThreadpoolWork(work);

    work = CreateThreadpoolWork(self_closing, ev, NULL);
    SubmitThreadpoolWork(work);
    printf("work closed by its callback: %lu\n", WaitForSingleObject(ev, 5000));

    PTP_TIMER timer = CreateThreadpoolTimer(timer_cb, NULL, NULL);
    ULARGE_INTEGER due;
    FILETIME ft;
    due.QuadPart = (ULONGLONG)-200000;      /* 20 ms */
    ft.dwLowDateTime = due.LowPart;
    ft.dwHighDateTime = due.HighPart;
    printf("timer set before: %d\n", IsThreadpoolTimerSet(timer));
    SetThreadpoolTimer(timer, &ft, 0, 0);
    printf("timer set: %d\n", IsThreadpoolTimerSet(timer));
    Sleep(200);
    WaitForThreadpoolTimerCallbacks(timer, FALSE);
    printf("one-shot timer runs: %ld, still set: %d\n", timer_runs, IsThreadpoolTimerSet(timer));
    timer_runs = 0;
    SetThreadpoolTimer(timer, &ft, 10, 0);
    while (timer_runs < 3)
        Sleep(5);
    SetThreadpoolTimer(timer, NULL, 0, 0);
    WaitForThreadpoolTimerCallbacks(timer, TRUE);
    LONG stopped = timer_runs;
    Sleep(60);
    printf("periodic timer ran at least 3 times, none after cancel: %d\n", timer_runs == stopped);
    CloseThreadpoolTimer(timer);

    HANDLE target = CreateEventW(NULL, FALSE, FALSE, NULL);
    PTP_WAIT wait = CreateThreadpoolWait(wait_cb, ev, NULL);
    SetThreadpoolWait(wait, target, NULL);
    Sleep(20);
    printf("wait before the signal: %ld\n", wait_signalled);
    SetEvent(target);
    WaitForSingleObject(ev, 5000);
    printf("wait signalled: %ld\n", wait_signalled);
    due.QuadPart = (ULONGLONG)-100000;
    ft.dwLowDateTime = due.LowPart;
    ft.dwHighDateTime = due.HighPart;
    SetThreadpoolWait(wait, target, &ft);
    WaitForSingleObject(ev, 5000);
    printf("wait timed out: %ld\n", wait_timedout);
    WaitForThreadpoolWaitCallbacks(wait, FALSE);
    CloseThreadpoolWait(wait);
    CloseHandle(target);
    return 0;
}
