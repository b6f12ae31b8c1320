/* process.c: process termination, system time, performance counter, delays. */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(process);

/***********************************************************************
 *           NtTerminateProcess
 */
NTSTATUS WINAPI NtTerminateProcess(HANDLE process, NTSTATUS status)
{
    TRACE("%p %#x\n", process, status);
    if (!process)   /* every thread but the caller (ExitProcess does this before DLL detach) */
        return thread_terminate_others(status);
    if (process != NtCurrentProcess()) {
        FIXME("terminating another process is not implemented yet\n");
        return STATUS_NOT_IMPLEMENTED;
    }
    /* Linux keeps 8 bits of the 32-bit Windows exit code; a failure whose low byte is 0 (an
     * exception code such as 0x80000100, ExitProcess(256)) must not look like success. */
    _exit((unsigned)status & 0xff ? (unsigned)status & 0xff : status ? 255 : 0);
}

/***********************************************************************
 *           NtQuerySystemTime
 */
NTSTATUS WINAPI NtQuerySystemTime(LARGE_INTEGER *time)
{
    struct timespec ts;
    if (!time)
        return STATUS_ACCESS_VIOLATION;
    clock_gettime(CLOCK_REALTIME, &ts);
    time->QuadPart = timespec_to_filetime(&ts);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtQueryPerformanceCounter
 *
 * A 10 MHz counter, the frequency Windows 10 and later report on most machines.
 */
NTSTATUS WINAPI NtQueryPerformanceCounter(LARGE_INTEGER *counter, LARGE_INTEGER *frequency)
{
    struct timespec ts;
    if (!counter)
        return STATUS_ACCESS_VIOLATION;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    counter->QuadPart = ts.tv_sec * 10000000LL + ts.tv_nsec / 100;
    if (frequency)
        frequency->QuadPart = 10000000;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtDelayExecution
 *
 * A negative timeout is relative, in 100 ns units; a positive one is an absolute system time.
 */
NTSTATUS WINAPI NtDelayExecution(BOOLEAN alertable, LARGE_INTEGER *timeout)
{
    struct timespec ts;
    LONGLONG t;

    if (alertable)
        return sync_delay_alertable(timeout);
    if (!timeout) {
        for (;;)
            pause();
    }
    t = timeout->QuadPart;
    if (t == 0) {
        sched_yield();
        return STATUS_SUCCESS;
    }
    if (t > 0) {
        LARGE_INTEGER now;
        NtQuerySystemTime(&now);
        t = now.QuadPart - t;
        if (t >= 0)
            return STATUS_SUCCESS;
    }
    t = -t;
    ts.tv_sec = t / 10000000;
    ts.tv_nsec = (t % 10000000) * 100;
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtYieldExecution
 */
NTSTATUS WINAPI NtYieldExecution(void)
{
    sched_yield();
    return STATUS_SUCCESS;
}
