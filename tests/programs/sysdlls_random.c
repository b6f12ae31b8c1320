/* sysdlls_random.c: bcrypt's BCryptGenRandom (flags, handles and their documented NTSTATUS
 * errors), the RNG algorithm provider, and bcryptprimitives' ProcessPrng (loaded by name, as
 * mingw-w64 has no import library for it).
 * Under Debian's Wine (8.0): the same results, except that a handle and BCRYPT_USE_SYSTEM_PREFERRED_RNG together succeed, and
 * ProcessPrng is missing. Microsoft's BCryptGenRandom page says hAlgorithm "must be NULL" with
 * that flag; an invalid parameter is STATUS_INVALID_PARAMETER, which is what we follow. */
#include <windows.h>
#include <bcrypt.h>
#include <stdio.h>
#include <string.h>

static int nonzero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return 1;
    return 0;
}

int main(void)
{
    unsigned char a[64] = { 0 }, b[64] = { 0 };
    BCRYPT_ALG_HANDLE alg = NULL;
    NTSTATUS st;

    st = BCryptGenRandom(NULL, a, sizeof(a), BCRYPT_USE_SYSTEM_PREFERRED_RNG);
    st |= BCryptGenRandom(NULL, b, sizeof(b), BCRYPT_USE_SYSTEM_PREFERRED_RNG);
    printf("system preferred: %#lx, random %d, differ %d\n", st, nonzero(a, 64) && nonzero(b, 64),
           memcmp(a, b, 64) != 0);
    printf("no handle, no flag: %#lx\n", BCryptGenRandom(NULL, a, sizeof(a), 0));
    printf("zero bytes: %#lx\n", BCryptGenRandom(NULL, a, 0, BCRYPT_USE_SYSTEM_PREFERRED_RNG));
    st = BCryptOpenAlgorithmProvider(&alg, BCRYPT_RNG_ALGORITHM, NULL, 0);
    printf("open RNG: %#lx, handle %d\n", st, alg != NULL);
    memset(a, 0, sizeof(a));
    st = BCryptGenRandom(alg, a, sizeof(a), 0);
    printf("with handle: %#lx, random %d\n", st, nonzero(a, 64));
    printf("handle and preferred flag: %#lx\n",
           BCryptGenRandom(alg, a, sizeof(a), BCRYPT_USE_SYSTEM_PREFERRED_RNG));
    printf("close: %#lx\n", BCryptCloseAlgorithmProvider(alg, 0));
    printf("open NULL handle pointer: %#lx\n", BCryptOpenAlgorithmProvider(NULL, BCRYPT_RNG_ALGORITHM, NULL, 0));

    HMODULE prim = LoadLibraryA("bcryptprimitives.dll");
    BOOL (WINAPI *process_prng)(PBYTE, SIZE_T) =
        prim ? (void *)GetProcAddress(prim, "ProcessPrng") : NULL;
    if (!process_prng) {
        printf("no ProcessPrng\n");
        return 1;
    }
    memset(a, 0, sizeof(a));
    memset(b, 0, sizeof(b));
    BOOL ok = process_prng(a, sizeof(a));
    ok = ok && process_prng(b, sizeof(b));
    printf("ProcessPrng: %d, random %d, differ %d\n", ok, nonzero(a, 64) && nonzero(b, 64),
           memcmp(a, b, 64) != 0);
    printf("ProcessPrng 0 bytes: %d\n", process_prng(NULL, 0));
    return 0;
}
