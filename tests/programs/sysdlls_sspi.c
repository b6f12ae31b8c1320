/* sysdlls_sspi.c: secur32's SSPI as curl (built for Windows with Schannel, in sentry-cli) uses it
 * at start and on a TLS connection: InitSecurityInterfaceA/W give the function tables; a package
 * that is not installed is SEC_E_SECPKG_NOT_FOUND (QuerySecurityPackageInfo, AcquireCredentials
 * Handle); calls on a handle that was never issued are SEC_E_INVALID_HANDLE; FreeContextBuffer
 * takes NULL. vinho has no security package yet (docs/win32dlls.md): Windows and Debian's Wine
 * 8.0 have NTLM, Negotiate, Kerberos, Schannel..., so the lines about installed packages and
 * the Schannel credentials differ there (Wine: packages > 0, Schannel 0 = SEC_E_OK). Wine also
 * reads a handle that was never issued as a pointer and faults; Microsoft's pages of these
 * functions give SEC_E_INVALID_HANDLE for a handle that is not valid, which we follow. */
#define SECURITY_WIN32
#include <windows.h>
#include <sspi.h>
#include <stdio.h>

int main(void)
{
    PSecurityFunctionTableW w = InitSecurityInterfaceW();
    PSecurityFunctionTableA a = InitSecurityInterfaceA();
    PSecPkgInfoW info = (PSecPkgInfoW)1;
    PSecPkgInfoA info_a = (PSecPkgInfoA)1;
    CredHandle cred = { 0x1234, 0x5678 };
    CtxtHandle ctx = { 0x1234, 0x5678 };
    SecBuffer buf = { 0, SECBUFFER_TOKEN, NULL };
    SecBufferDesc desc = { SECBUFFER_VERSION, 1, &buf };
    TimeStamp expiry;
    ULONG count = 99, attrs;
    SECURITY_STATUS st;

    printf("tables: %d %d, version >= 1: %d %d\n", w != NULL, a != NULL, w && w->dwVersion >= 1,
           a && a->dwVersion >= 1);
    printf("table entries: %d %d %d %d\n", w->AcquireCredentialsHandleW != NULL,
           w->InitializeSecurityContextW != NULL, w->EncryptMessage != NULL,
           a->AcquireCredentialsHandleA != NULL);
    st = w->QuerySecurityPackageInfoW((SEC_WCHAR *)L"NoSuchPackage", &info);
    printf("QuerySecurityPackageInfoW unknown: %#lx\n", st);
    st = QuerySecurityPackageInfoA((SEC_CHAR *)"NoSuchPackage", &info_a);
    printf("QuerySecurityPackageInfoA unknown: %#lx\n", st);
    st = w->AcquireCredentialsHandleW(NULL, (SEC_WCHAR *)L"NoSuchPackage", SECPKG_CRED_OUTBOUND,
                                      NULL, NULL, NULL, NULL, &cred, &expiry);
    printf("AcquireCredentialsHandleW unknown: %#lx\n", st);
    st = a->AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"NoSuchPackage", SECPKG_CRED_OUTBOUND,
                                      NULL, NULL, NULL, NULL, &cred, &expiry);
    printf("AcquireCredentialsHandleA unknown: %#lx\n", st);
    cred.dwLower = cred.dwUpper = 0x1234;
    st = w->InitializeSecurityContextW(&cred, NULL, (SEC_WCHAR *)L"example.com", 0, 0, 0, NULL, 0,
                                       &ctx, &desc, &attrs, &expiry);
    printf("InitializeSecurityContextW bad credentials: %#lx\n", st);
    printf("DeleteSecurityContext bad handle: %#lx\n", DeleteSecurityContext(&ctx));
    printf("FreeCredentialsHandle bad handle: %#lx\n", FreeCredentialsHandle(&cred));
    printf("FreeContextBuffer NULL: %#lx\n", FreeContextBuffer(NULL));
    st = EnumerateSecurityPackagesW(&count, &info);
    printf("EnumerateSecurityPackagesW: %#lx, packages %lu\n", st, count);
    FreeContextBuffer(info);
    st = w->AcquireCredentialsHandleW(NULL, (SEC_WCHAR *)L"Microsoft Unified Security Protocol Provider", SECPKG_CRED_OUTBOUND,
                                      NULL, NULL, NULL, NULL, &cred, &expiry);
    printf("AcquireCredentialsHandleW Schannel: %#lx\n", st);
    return 0;
}
