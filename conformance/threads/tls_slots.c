/* runtimes: msvcrt ucrt */
/* threads/tls_slots: TlsAlloc slots are per thread: a new thread sees NULL, its value does not
 * leak to the main thread; TlsGetValue sets the last error to 0 on success.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-tlsgetvalue
 * ("TlsGetValue calls SetLastError to clear a thread's last error value when it succeeds"). Wine
 * 8.0 agrees. */
#include "common.h"

static DWORD slot;
static void *seen;

static DWORD WINAPI worker(void *arg)
{
    seen = TlsGetValue(slot);
    TlsSetValue(slot, (void *)0x22);
    return 0;
}

int main(void)
{
    slot = TlsAlloc();
    TlsSetValue(slot, (void *)0x11);
    HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    printf("thread saw=%p\n", seen);
    SetLastError(1234);
    void *v = TlsGetValue(slot);    /* before GetLastError: argument order is unspecified */
    DWORD err = GetLastError();
    printf("main=%p err=%lu\n", v, (unsigned long)err);
    printf("free=%d\n", TlsFree(slot));
    return 0;
}
