/* iocp.c: I/O completion ports (Go's netpoller needs them). Documented behaviour
 * (learn.microsoft.com, ioapiset.h: CreateIoCompletionPort, GetQueuedCompletionStatus(Ex),
 * PostQueuedCompletionStatus; winbase.h SetFileCompletionNotificationModes):
 * - a timed-out wait returns FALSE, *lpOverlapped NULL, WAIT_TIMEOUT (258); an alertable Ex wait
 *   ended by an APC returns FALSE with WAIT_IO_COMPLETION (192); a port closed while a call waits
 *   ends it with ERROR_ABANDONED_WAIT_0 (735);
 * - packets come out in the order they went in; an OVERLAPPED whose hEvent has its low bit set
 *   queues no packet; FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: no packet for an I/O that succeeded
 *   at once. Checked under Wine 8.0 too. */
#include <stdio.h>
#include <windows.h>

static HANDLE port;

static void show(const char *what, BOOL ok, DWORD bytes, ULONG_PTR key, OVERLAPPED *ov)
{
    DWORD err = ok ? 0 : GetLastError();
    printf("%s: %d bytes=%lu key=%#llx ov=%#llx err=%lu\n", what, ok != 0, bytes,
           (unsigned long long)key, (unsigned long long)(ULONG_PTR)ov, err);
}

static DWORD WINAPI taker(void *arg)
{
    DWORD bytes = 0;
    ULONG_PTR key = 0;
    OVERLAPPED *ov = (OVERLAPPED *)1;
    BOOL ok = GetQueuedCompletionStatus((HANDLE)arg, &bytes, &key, &ov, INFINITE);
    show("thread took", ok, bytes, key, ov);
    return ok ? 0 : GetLastError();
}

static DWORD WINAPI quiet_taker(void *arg)
{
    DWORD bytes;
    ULONG_PTR key;
    OVERLAPPED *ov;
    return GetQueuedCompletionStatus((HANDLE)arg, &bytes, &key, &ov, INFINITE) ? 0 : GetLastError();
}

static void WINAPI apc(ULONG_PTR arg)
{
    printf("apc ran: %lu\n", (unsigned long)arg);
}

static void basic_queue(void)
{
    DWORD bytes = 99;
    ULONG_PTR key = 99;
    OVERLAPPED *ov = (OVERLAPPED *)1;
    OVERLAPPED_ENTRY entries[4];
    ULONG removed = 77;
    BOOL ok;

    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    printf("create: %d\n", port != NULL);
    SetLastError(0);
    ok = GetQueuedCompletionStatus(port, &bytes, &key, &ov, 0);
    show("empty", ok, bytes, key, ov);
    printf("wait on empty port: %lu\n", WaitForSingleObject(port, 0));
    for (int i = 1; i <= 3; i++)
        PostQueuedCompletionStatus(port, i * 10, 0x10 + i, (OVERLAPPED *)(ULONG_PTR)(0x1000 * i));
    printf("wait on full port: %lu\n", WaitForSingleObject(port, 0));
    ok = GetQueuedCompletionStatus(port, &bytes, &key, &ov, 1000);
    show("first", ok, bytes, key, ov);
    ok = GetQueuedCompletionStatusEx(port, entries, 4, &removed, 1000, FALSE);
    printf("ex: %d removed=%lu\n", ok != 0, removed);
    for (ULONG i = 0; ok && i < removed; i++)
        printf("  entry %lu: key=%#llx ov=%#llx bytes=%lu\n", i,
               (unsigned long long)entries[i].lpCompletionKey,
               (unsigned long long)(ULONG_PTR)entries[i].lpOverlapped,
               entries[i].dwNumberOfBytesTransferred);
    SetLastError(0);
    ok = GetQueuedCompletionStatusEx(port, entries, 4, &removed, 0, FALSE);
    printf("ex empty: %d err=%lu\n", ok != 0, GetLastError());
    QueueUserAPC(apc, GetCurrentThread(), 5);
    SetLastError(0);
    ok = GetQueuedCompletionStatusEx(port, entries, 4, &removed, 5000, TRUE);
    printf("ex alertable: %d err=%lu\n", ok != 0, GetLastError());
    SetLastError(0);
    ov = (OVERLAPPED *)1;
    ok = GetQueuedCompletionStatus((HANDLE)0x1230, &bytes, &key, &ov, 0);
    printf("bad handle: %d err=%lu ov=%p\n", ok != 0, GetLastError(), (void *)ov);
}

static void threads(void)
{
    HANDLE t = CreateThread(NULL, 0, taker, port, 0, NULL);
    DWORD code = 1;
    PostQueuedCompletionStatus(port, 7, 0x77, (OVERLAPPED *)0x7000);
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    printf("thread exit: %lu\n", code);
    CloseHandle(t);
    /* Closing the port while a thread waits: retried with a longer head start for the thread,
     * in case it had not reached its wait yet (it then sees an invalid handle instead). */
#ifndef SKIP_CLOSE_WAIT     /* Wine 8.0 never ends the wait: build with it defined there */
    for (DWORD delay = 100; delay <= 6400; delay *= 4) {
        HANDLE p = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
        t = CreateThread(NULL, 0, quiet_taker, p, 0, NULL);
        Sleep(delay);
        CloseHandle(p);
        WaitForSingleObject(t, INFINITE);
        GetExitCodeThread(t, &code);
        CloseHandle(t);
        if (code == ERROR_ABANDONED_WAIT_0)
            break;
    }
#endif
    printf("closed while waiting: %lu\n", code);
}

static void file_io(void)
{
    char path[MAX_PATH], tmp[MAX_PATH], buf[32];
    OVERLAPPED ov, *got;
    DWORD bytes, n;
    ULONG_PTR key;
    BOOL ok, pending;
    HANDLE f, other, event = CreateEventA(NULL, TRUE, FALSE, NULL);

    GetTempPathA(sizeof(tmp), tmp);
    GetTempFileNameA(tmp, "icp", 0, path);
    f = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                    FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    printf("associate: %d\n", CreateIoCompletionPort(f, port, 0x55, 0) == port);
    memset(&ov, 0, sizeof(ov));
    ok = WriteFile(f, "0123456789", 10, NULL, &ov);
    pending = !ok && GetLastError() == ERROR_IO_PENDING;
    printf("write: %s\n", ok || pending ? "started" : "failed");
    ok = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
    printf("write packet: %d bytes=%lu key=%#llx own ov=%d status=%#llx\n", ok != 0, bytes,
           (unsigned long long)key, got == &ov, (unsigned long long)ov.Internal);
    memset(&ov, 0, sizeof(ov));
    ok = ReadFile(f, buf, sizeof(buf), NULL, &ov);
    pending = !ok && GetLastError() == ERROR_IO_PENDING;
    printf("read: %s\n", ok || pending ? "started" : "failed");
    ok = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
    printf("read packet: %d bytes=%lu key=%#llx own ov=%d data=%.10s\n", ok != 0, bytes,
           (unsigned long long)key, got == &ov, buf);
    /* The low bit of hEvent: the event is set, no packet. */
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = (HANDLE)((ULONG_PTR)event | 1);
    ok = WriteFile(f, "abc", 3, NULL, &ov);
    GetOverlappedResult(f, &ov, &n, TRUE);
    printf("low-bit write: %lu bytes, event %lu\n", n, WaitForSingleObject(event, 0));
    SetLastError(0);
    ok = GetQueuedCompletionStatus(port, &bytes, &key, &got, 0);
    printf("no packet: %d err=%lu\n", ok != 0, GetLastError());
    /* Skip on success: a packet only if the write went pending. */
    printf("skip mode: %d\n", SetFileCompletionNotificationModes(f, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) != 0);
    memset(&ov, 0, sizeof(ov));
    ok = WriteFile(f, "xyz", 3, NULL, &ov);
    pending = !ok && GetLastError() == ERROR_IO_PENDING;
    ok = GetQueuedCompletionStatus(port, &bytes, &key, &got, pending ? 5000 : 0);
    printf("packet iff pending: %s\n", (ok != 0) == pending ? "yes" : "no");
    /* A file has one port for its life. */
    other = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    printf("second port: %d\n", CreateIoCompletionPort(f, other, 1, 0) != NULL);
    printf("not a file: %d\n", CreateIoCompletionPort(event, other, 1, 0) != NULL);
    CloseHandle(other);
    CloseHandle(f);
    CloseHandle(event);
}

int main(void)
{
    basic_queue();
    threads();
    file_io();
    printf("close: %d\n", CloseHandle(port) != 0);
    return 0;
}
