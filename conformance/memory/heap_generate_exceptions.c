/* runtimes: msvcrt ucrt */
/* memory/heap_generate_exceptions: HeapAlloc with HEAP_GENERATE_EXCEPTIONS raises STATUS_NO_MEMORY
 * (0xC0000017) instead of returning NULL, and a vectored handler can resume after it.
 * Expected per https://learn.microsoft.com/windows/win32/api/heapapi/nf-heapapi-heapalloc
 * (HEAP_GENERATE_EXCEPTIONS). That the exception is continuable (a handler that continues a
 * noncontinuable one gets EXCEPTION_NONCONTINUABLE_EXCEPTION, per RaiseException's page) is per
 * a public dump of a Windows heap exception (ExceptionFlags 0 from
 * ntdll!RtlpAllocateHeapRaiseException) and Wine 8.0 (not yet recorded on Windows by us). */
#include "common.h"

static volatile DWORD seen;
static CONTEXT resume;
static volatile int resumed;

static int setjmp_like(void)
{
    resumed = 0;
    RtlCaptureContext(&resume);
    return resumed;
}

static LONG CALLBACK handler(EXCEPTION_POINTERS *ep)
{
    seen = ep->ExceptionRecord->ExceptionCode;
    resumed = 1;
    *ep->ContextRecord = resume;
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    AddVectoredExceptionHandler(1, handler);
    HANDLE h = HeapCreate(0, 0x10000, 0x20000);
    if (setjmp_like() == 0) {
        void *p = HeapAlloc(h, HEAP_GENERATE_EXCEPTIONS, 0x100000);
        printf("returned %d\n", p != NULL);
    }
    printf("code=0x%lx\n", (unsigned long)seen);
    return 0;
}
