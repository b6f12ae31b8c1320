/* prng.c: ProcessPrng, the process-wide random generator Rust's standard library reads. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(advapi);

/***********************************************************************
 *           ProcessPrng   (bcryptprimitives.@)
 *
 * Fills the buffer with random bytes from Linux getrandom (through the gate). Microsoft
 * documents that it always returns TRUE; there is no error to report.
 */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        NTSTATUS status = __vinho_random(data, chunk);
        if (status) {
            /* Only a bad buffer gets here (STATUS_ACCESS_VIOLATION from the gate's guard):
             * Windows faults on it too, so raise instead of returning a result it never gives. */
            EXCEPTION_RECORD rec = { .ExceptionCode = status, .ExceptionFlags = EXCEPTION_NONCONTINUABLE };
            ERR("random bytes to %p failed: %#lx\n", data, status);
            RtlRaiseException(&rec);
        }
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
