/* thread_reuse: a thread started after another ended finds nothing of the ended one (vinho hands
 * the Linux thread, TEB and stack of an ended thread to the next CreateThread): TLS and FLS slots,
 * the last error, __thread variables and the description start fresh; ids differ; the stack
 * bounds are sane; threads with another stack size, suspended threads and many at once work.
 * Expected per https://learn.microsoft.com/windows/win32/procthread/thread-local-storage (a new
 * thread's slots are NULL) and the CreateThread documentation. */
#define _WIN32_WINNT 0x0A00
#include <windows.h>
#include <stdio.h>

HRESULT WINAPI SetThreadDescription(HANDLE thread, PCWSTR description);
HRESULT WINAPI GetThreadDescription(HANDLE thread, PWSTR *description);

static DWORD tls_index, fls_index;
static __thread int tls_var = 42;
static DWORD ids[2];
static volatile LONG count;

static DWORD WINAPI dirty(void *arg)
{
    ids[0] = GetCurrentThreadId();
    TlsSetValue(tls_index, (void *)0x1234);
    FlsSetValue(fls_index, (void *)0x5678);
    tls_var = 7;
    SetThreadDescription(GetCurrentThread(), L"dirty");
    SetLastError(77);
    return 1;
}

static DWORD WINAPI fresh(void *arg)
{
    NT_TIB *tib = (NT_TIB *)NtCurrentTeb();
    char *sp = (char *)&tib;
    PWSTR desc = NULL;
    int desc_empty;
    ids[1] = GetCurrentThreadId();
    GetThreadDescription(GetCurrentThread(), &desc);
    desc_empty = desc && !desc[0];
    LocalFree(desc);
    printf("tls=%p fls=%p var=%d error=%lu desc_empty=%d stack_ok=%d\n", TlsGetValue(tls_index),
           FlsGetValue(fls_index), tls_var, GetLastError(), desc_empty,
           sp < (char *)tib->StackBase && sp > (char *)tib->StackLimit);
    return 2;
}

static DWORD WINAPI deep(void *arg)
{
    volatile char big[400 * 1024];     /* needs the 1 MiB stack asked for */
    big[0] = 1;
    big[sizeof(big) - 1] = 2;
    return big[0] + big[sizeof(big) - 1];
}

static DWORD WINAPI counts(void *arg)
{
    InterlockedIncrement(&count);
    return 0;
}

static DWORD run(LPTHREAD_START_ROUTINE fn, SIZE_T stack, DWORD flags)
{
    DWORD code = 0;
    HANDLE h = CreateThread(NULL, stack, fn, NULL, flags, NULL);
    if (flags & CREATE_SUSPENDED) {
        printf("suspended: wait %lu\n", WaitForSingleObject(h, 20));
        ResumeThread(h);
    }
    WaitForSingleObject(h, INFINITE);
    GetExitCodeThread(h, &code);
    CloseHandle(h);
    return code;
}

int main(void)
{
    HANDLE many[32];
    tls_index = TlsAlloc();
    fls_index = FlsAlloc(NULL);
    printf("dirty: %lu\n", run(dirty, 0, 0));
    printf("fresh: %lu\n", run(fresh, 0, 0));
    printf("ids differ: %d\n", ids[0] != ids[1]);
    printf("fresh again, suspended: %lu\n", run(fresh, 0, CREATE_SUSPENDED));
    printf("deep (1 MiB stack): %lu\n", run(deep, 1024 * 1024, STACK_SIZE_PARAM_IS_A_RESERVATION));
    printf("fresh after deep: %lu\n", run(fresh, 0, 0));
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 32; i++)
            many[i] = CreateThread(NULL, 0, counts, NULL, 0, NULL);
        WaitForMultipleObjects(32, many, TRUE, INFINITE);
        for (int i = 0; i < 32; i++)
            CloseHandle(many[i]);
    }
    printf("many: %ld\n", count);
    for (int i = 0; i < 200; i++)
        run(counts, 0, 0);
    printf("one after another: %ld\n", count);
    return 0;
}
