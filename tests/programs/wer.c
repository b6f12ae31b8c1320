/* wer.c: WerSetFlags/WerUnsetFlags/WerGetFlags keep the process's WER flags (read back as set;
 * a bad process handle fails with its HRESULT), and RaiseFailFastException ends the process with
 * STATUS_FAIL_FAST_EXCEPTION without calling vectored handlers or the unhandled-exception filter.
 * Expected per learn.microsoft.com: werapi/nf-werapi-wersetflags, nf-werapi-wergetflags,
 * errhandlingapi/nf-errhandlingapi-raisefailfastexception ("bypasses all exception handlers
 * (frame or vector based)"; a NULL record gets STATUS_FAIL_FAST_EXCEPTION, 0xC0000602: the shell
 * sees its low byte, 2). Wine 8 returns E_NOTIMPL from WerGetFlags; the documentation wins. */
#include <windows.h>
#include <stdio.h>

/* mingw-w64's werapi.h does not compile on its own: the prototypes and flags from the docs.
 * Its import library lacks WerUnsetFlags: that one is looked up. */
HRESULT WINAPI WerSetFlags(DWORD flags);
HRESULT WINAPI WerGetFlags(HANDLE process, PDWORD flags);
#define WER_FAULT_REPORTING_FLAG_NOHEAP 2
#define WER_FAULT_REPORTING_FLAG_QUEUE 4

static LONG CALLBACK vectored(EXCEPTION_POINTERS *ptrs)
{
    printf("vectored handler called: %#lx\n", ptrs->ExceptionRecord->ExceptionCode);
    fflush(stdout);
    return EXCEPTION_CONTINUE_SEARCH;
}

static LONG WINAPI filter(EXCEPTION_POINTERS *ptrs)
{
    printf("filter called: %#lx\n", ptrs->ExceptionRecord->ExceptionCode);
    fflush(stdout);
    return EXCEPTION_CONTINUE_SEARCH;
}

int main(void)
{
    DWORD flags = 0xdead;
    HRESULT hr = WerGetFlags(GetCurrentProcess(), &flags);
    printf("get: %#lx flags=%lu\n", (unsigned long)hr, flags);
    hr = WerSetFlags(WER_FAULT_REPORTING_FLAG_NOHEAP | WER_FAULT_REPORTING_FLAG_QUEUE);
    printf("set: %#lx\n", (unsigned long)hr);
    hr = WerGetFlags(GetCurrentProcess(), &flags);
    printf("get: %#lx flags=%lu\n", (unsigned long)hr, flags);
    HRESULT (WINAPI *unset)(DWORD) = (void *)GetProcAddress(GetModuleHandleA("kernel32.dll"), "WerUnsetFlags");
    hr = unset ? unset(WER_FAULT_REPORTING_FLAG_NOHEAP) : E_NOTIMPL;
    hr = WerGetFlags(GetCurrentProcess(), &flags);
    printf("unset, get: %#lx flags=%lu\n", (unsigned long)hr, flags);
    flags = 0xdead;
    hr = WerGetFlags((HANDLE)0xbad0, &flags);
    printf("bad handle: %#lx flags=%#lx\n", (unsigned long)hr, flags);

    AddVectoredExceptionHandler(1, vectored);
    SetUnhandledExceptionFilter(filter);
    printf("fail fast\n");
    fflush(stdout);
    RaiseFailFastException(NULL, NULL, 0);
    printf("still running\n");
    return 0;
}
