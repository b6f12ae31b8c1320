/* wer.c: Windows Error Reporting settings and fail-fast exceptions (Go's runtime sets and reads
 * WER flags at start; runtimes end a corrupted process with RaiseFailFastException). */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(seh);

/* vinho has no WER service: the flags are only kept, so that WerGetFlags reads back what
 * WerSetFlags set, as on Windows. */
static DWORD wer_flags;

/* TRUE when the handle names this process (GetCurrentProcess() or a real handle to it). */
static BOOL is_this_process(HANDLE process, HRESULT *hr)
{
    PROCESS_BASIC_INFORMATION pbi;
    NTSTATUS status = NtQueryInformationProcess(process, ProcessBasicInformation, &pbi, sizeof(pbi), NULL);
    if (status) {
        *hr = HRESULT_FROM_WIN32(RtlNtStatusToDosError(status));
        return FALSE;
    }
    if (pbi.UniqueProcessId != (ULONG_PTR)GetCurrentProcessId()) {
        FIXME("WER flags of another process (%p) are not implemented\n", process);
        *hr = E_NOTIMPL;
        return FALSE;
    }
    return TRUE;
}

/***********************************************************************
 *           WerSetFlags   (kernelbase.@)
 */
HRESULT WINAPI WerSetFlags(DWORD flags)
{
    TRACE("(%#lx)\n", flags);
    __atomic_store_n(&wer_flags, flags, __ATOMIC_RELAXED);
    return S_OK;
}

/***********************************************************************
 *           WerUnsetFlags   (kernelbase.@)
 */
HRESULT WINAPI WerUnsetFlags(DWORD flags)
{
    TRACE("(%#lx)\n", flags);
    __atomic_and_fetch(&wer_flags, ~flags, __ATOMIC_RELAXED);
    return S_OK;
}

/***********************************************************************
 *           WerGetFlags   (kernelbase.@)
 */
HRESULT WINAPI WerGetFlags(HANDLE process, DWORD *flags)
{
    HRESULT hr = S_OK;
    TRACE("(%p, %p)\n", process, flags);
    if (!flags)
        return E_INVALIDARG;
    if (!is_this_process(process, &hr))
        return hr;
    *flags = __atomic_load_n(&wer_flags, __ATOMIC_RELAXED);
    return S_OK;
}

/***********************************************************************
 *           RaiseFailFastException   (kernelbase.@)
 *
 * Bypasses every exception handler, vectored and frame-based, and the unhandled-exception
 * filter. Without a WER service or a debugger Windows ends the process; its exit code is the
 * exception code (STATUS_FAIL_FAST_EXCEPTION when no record is given). vinho prints its crash
 * report first, as for any unhandled exception.
 */
void WINAPI DECLSPEC_NORETURN RaiseFailFastException(EXCEPTION_RECORD *rec, CONTEXT *ctx, DWORD flags)
{
    EXCEPTION_RECORD own_rec;
    CONTEXT own_ctx;

    RtlCaptureContext(&own_ctx);
    if (!ctx)
        ctx = &own_ctx;
    if (!rec) {
        memset(&own_rec, 0, sizeof(own_rec));
        own_rec.ExceptionCode = STATUS_FAIL_FAST_EXCEPTION;
        own_rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
        rec = &own_rec;
    }
    if ((flags & FAIL_FAST_GENERATE_EXCEPTION_ADDRESS) && !rec->ExceptionAddress)
        rec->ExceptionAddress = __builtin_return_address(0);
    TRACE("code %#lx at %p\n", rec->ExceptionCode, rec->ExceptionAddress);
    __vinho_crash_report(rec, ctx);
    NtTerminateProcess(NtCurrentProcess(), rec->ExceptionCode);
    for (;;)
        ;
}
