/* bcrypt.c: the CNG random-number generator (BCryptGenRandom and the RNG algorithm provider).
 * Other algorithms are not written: opening one fails with STATUS_NOT_FOUND, as for an
 * algorithm Windows does not know, after a FIXME. */
#include "vinho/pe_side.h"
#include <bcrypt.h>

DEFAULT_DEBUG_CHANNEL(advapi);

/* The one algorithm object: what BCryptOpenAlgorithmProvider(BCRYPT_RNG_ALGORITHM) gives. */
static const DWORD rng_algorithm_magic = 0x52474e52;    /* "RNGR" */
#define RNG_HANDLE ((BCRYPT_ALG_HANDLE)&rng_algorithm_magic)

static BOOL same_name(const WCHAR *a, const WCHAR *b)
{
    for (; *a && *b; a++, b++) {
        WCHAR ca = *a >= 'a' && *a <= 'z' ? *a - 32 : *a, cb = *b >= 'a' && *b <= 'z' ? *b - 32 : *b;
        if (ca != cb)
            return FALSE;
    }
    return *a == *b;
}

/***********************************************************************
 *           BCryptOpenAlgorithmProvider   (bcrypt.@)
 *
 * Only BCRYPT_RNG_ALGORITHM ("RNG") with the default implementation is known.
 */
NTSTATUS WINAPI BCryptOpenAlgorithmProvider(BCRYPT_ALG_HANDLE *handle, LPCWSTR id,
                                            LPCWSTR implementation, ULONG flags)
{
    TRACE("%p %s %s %#lx\n", handle, debugstr_w(id), debugstr_w(implementation), flags);
    if (!handle || !id)
        return STATUS_INVALID_PARAMETER;
    if (flags & ~(BCRYPT_ALG_HANDLE_HMAC_FLAG | BCRYPT_HASH_REUSABLE_FLAG))
        return STATUS_INVALID_PARAMETER;
    if (!same_name(id, BCRYPT_RNG_ALGORITHM)) {
        FIXME("algorithm %s is not implemented\n", debugstr_w(id));
        return STATUS_NOT_FOUND;
    }
    if (implementation && !same_name(implementation, MS_PRIMITIVE_PROVIDER)) {
        FIXME("provider %s is not implemented\n", debugstr_w(implementation));
        return STATUS_NOT_FOUND;
    }
    *handle = RNG_HANDLE;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           BCryptCloseAlgorithmProvider   (bcrypt.@)
 */
NTSTATUS WINAPI BCryptCloseAlgorithmProvider(BCRYPT_ALG_HANDLE handle, ULONG flags)
{
    TRACE("%p %#lx\n", handle, flags);
    if (handle != RNG_HANDLE)
        return STATUS_INVALID_HANDLE;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           BCryptGenRandom   (bcrypt.@)
 *
 * With BCRYPT_USE_SYSTEM_PREFERRED_RNG the handle must be NULL (else STATUS_INVALID_PARAMETER);
 * without it, it must be an RNG handle (else STATUS_INVALID_HANDLE). BCRYPT_RNG_USE_ENTROPY_IN_BUFFER
 * is ignored, as Windows 8 and later do. The bytes come from Linux getrandom.
 */
NTSTATUS WINAPI BCryptGenRandom(BCRYPT_ALG_HANDLE handle, PUCHAR buffer, ULONG size, ULONG flags)
{
    TRACE("%p %p %lu %#lx\n", handle, buffer, size, flags);
    if (flags & ~(BCRYPT_USE_SYSTEM_PREFERRED_RNG | BCRYPT_RNG_USE_ENTROPY_IN_BUFFER))
        return STATUS_INVALID_PARAMETER;
    if (flags & BCRYPT_USE_SYSTEM_PREFERRED_RNG) {
        if (handle)
            return STATUS_INVALID_PARAMETER;
    } else if (handle != RNG_HANDLE) {
        return STATUS_INVALID_HANDLE;
    }
    if (!size)
        return STATUS_SUCCESS;
    if (!buffer)
        return STATUS_INVALID_PARAMETER;
    return __vinho_random(buffer, size);
}
