/* thread_basic: CreateThread, exit codes (STILL_ACTIVE while running), CREATE_SUSPENDED and
 * ResumeThread, thread ids, ExitThread, TLS slots and __thread in new threads, descriptions,
 * priorities, stack limits. */
#include <windows.h>
#include <stdio.h>

static DWORD tls_index;
static __thread int tls_var = 42;
static volatile LONG ran;
static HANDLE go;

static DWORD WINAPI simple(void *arg)
{
    InterlockedIncrement(&ran);
    return (DWORD)(ULONG_PTR)arg;
}

static DWORD WINAPI waits(void *arg)
{
    WaitForSingleObject(go, INFINITE);
    return 7;
}

static DWORD WINAPI exits(void *arg)
{
    ExitThread(99);
    return 1;
}

static DWORD WINAPI tls_check(void *arg)
{
    int ok = TlsGetValue(tls_index) == NULL && tls_var == 42;
    TlsSetValue(tls_index, (void *)5);
    tls_var = 1000;
    ok = ok && TlsGetValue(tls_index) == (void *)5 && tls_var == 1000;
    return ok;
}

static DWORD WINAPI report_id(void *arg)
{
    *(DWORD *)arg = GetCurrentThreadId();
    return 0;
}

static DWORD WINAPI stack_check(void *arg)
{
    ULONG_PTR low, high;
    char local;
    GetCurrentThreadStackLimits(&low, &high);
    return (ULONG_PTR)&local > low && (ULONG_PTR)&local < high && high - low >= 256 * 1024;
}

int main(void)
{
    DWORD code, id, seen;
    HANDLE h;

    h = CreateThread(NULL, 0, simple, (void *)1234, 0, &id);
    printf("created: %d, id nonzero: %d\n", h != NULL, id != 0);
    printf("wait: %lu\n", WaitForSingleObject(h, INFINITE));
    GetExitCodeThread(h, &code);
    printf("exit code: %lu, ran: %ld\n", code, ran);
    CloseHandle(h);

    go = CreateEventW(NULL, TRUE, FALSE, NULL);
    h = CreateThread(NULL, 0, waits, NULL, 0, NULL);
    GetExitCodeThread(h, &code);
    printf("running: %s\n", code == STILL_ACTIVE ? "STILL_ACTIVE" : "wrong");
    printf("wait 10 ms: %lu\n", WaitForSingleObject(h, 10));
    SetEvent(go);
    WaitForSingleObject(h, INFINITE);
    GetExitCodeThread(h, &code);
    printf("after: %lu\n", code);
    CloseHandle(h);

    ran = 0;
    h = CreateThread(NULL, 0, simple, (void *)5, CREATE_SUSPENDED, &id);
    Sleep(20);
    printf("suspended ran: %ld, wait: %lu\n", ran, WaitForSingleObject(h, 0));
    printf("resume: %lu\n", ResumeThread(h));
    WaitForSingleObject(h, INFINITE);
    printf("resumed ran: %ld, resume again: %lu\n", ran, ResumeThread(h));
    CloseHandle(h);

    h = CreateThread(NULL, 0, exits, NULL, 0, NULL);
    WaitForSingleObject(h, INFINITE);
    GetExitCodeThread(h, &code);
    printf("ExitThread: %lu\n", code);
    CloseHandle(h);

    tls_index = TlsAlloc();
    TlsSetValue(tls_index, (void *)1);
    tls_var = 7;
    h = CreateThread(NULL, 0, tls_check, NULL, 0, NULL);
    WaitForSingleObject(h, INFINITE);
    GetExitCodeThread(h, &code);
    printf("tls in thread ok: %lu; main keeps: %d %d\n", code, (int)(ULONG_PTR)TlsGetValue(tls_index), tls_var);
    CloseHandle(h);

    h = CreateThread(NULL, 0, report_id, &seen, CREATE_SUSPENDED, &id);
    printf("GetThreadId matches: %d\n", GetThreadId(h) == id);
    ResumeThread(h);
    WaitForSingleObject(h, INFINITE);
    printf("thread saw its id: %d, differs from main: %d\n", seen == id, id != GetCurrentThreadId());
    HANDLE h2 = OpenThread(THREAD_ALL_ACCESS, FALSE, id);
    printf("OpenThread: %d\n", h2 != NULL);
    if (h2) {
        GetExitCodeThread(h2, &code);
        printf("exit code via OpenThread: %lu\n", code);
        CloseHandle(h2);
    }
    SetLastError(0);
    h2 = OpenThread(THREAD_ALL_ACCESS, FALSE, 0xfffffff0);
    printf("OpenThread(bad id): %p %lu\n", h2, GetLastError());
    CloseHandle(h);

    h = CreateThread(NULL, 512 * 1024, stack_check, NULL, STACK_SIZE_PARAM_IS_A_RESERVATION, NULL);
    WaitForSingleObject(h, INFINITE);
    GetExitCodeThread(h, &code);
    printf("stack limits: %lu\n", code);
    CloseHandle(h);

    printf("priority: %d\n", GetThreadPriority(GetCurrentThread()));
    BOOL ok = SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_ABOVE_NORMAL);
    printf("set priority: %d -> %d\n", ok, GetThreadPriority(GetCurrentThread()));
    SetLastError(0);
    ok = SetThreadPriority(GetCurrentThread(), 5);
    printf("bad priority: %d %lu\n", ok, GetLastError());
    printf("SwitchToThread returns: %d\n", SwitchToThread() >= 0);

    SetLastError(0);
    ok = GetExitCodeThread((HANDLE)0x1230, &code);
    printf("GetExitCodeThread(bad): %d %lu\n", ok, GetLastError());
    SetLastError(0);
    code = ResumeThread((HANDLE)0x1230);
    printf("ResumeThread(bad): %ld %lu\n", (LONG)code, GetLastError());
    return 0;
}
