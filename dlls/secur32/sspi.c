/* sspi.c: secur32's Security Support Provider Interface with no security package installed:
 * InitSecurityInterface's function tables, package queries that find nothing, and the calls on
 * credential and context handles, none of which can have been issued. */
#define SECURITY_WIN32
#define _NO_KSECDD_IMPORT_      /* we define these functions: not imported */
#include "vinho/pe_side.h"
#include <sspi.h>

DEFAULT_DEBUG_CHANNEL(advapi);

/* vinho has no package yet (no NTLM, Kerberos, Negotiate nor Schannel: TLS of programs that use
 * Schannel, as curl built for Windows, fails with SEC_E_SECPKG_NOT_FOUND). A name is looked up
 * in this empty list, so that adding a package later is adding a row. */
static bool package_exists(const void *name, bool wide)
{
    if (wide)
        TRACE("%s: no such package\n", debugstr_w(name));
    else
        TRACE("%s: no such package\n", debugstr_a(name));
    return false;
}

/***********************************************************************
 *           EnumerateSecurityPackagesA/W   (secur32.@)
 *
 * The installed packages: none. *info gets NULL, which FreeContextBuffer accepts.
 */
SECURITY_STATUS SEC_ENTRY EnumerateSecurityPackagesW(ULONG *count, PSecPkgInfoW *info)
{
    if (!count || !info)
        return SEC_E_INVALID_PARAMETER;
    *count = 0;
    *info = NULL;
    return SEC_E_OK;
}

SECURITY_STATUS SEC_ENTRY EnumerateSecurityPackagesA(ULONG *count, PSecPkgInfoA *info)
{
    return EnumerateSecurityPackagesW(count, (PSecPkgInfoW *)info);
}

/***********************************************************************
 *           QuerySecurityPackageInfoA/W   (secur32.@)
 */
SECURITY_STATUS SEC_ENTRY QuerySecurityPackageInfoW(SEC_WCHAR *name, PSecPkgInfoW *info)
{
    if (!name || !info)
        return SEC_E_SECPKG_NOT_FOUND;
    return package_exists(name, true) ? SEC_E_OK : SEC_E_SECPKG_NOT_FOUND;
}

SECURITY_STATUS SEC_ENTRY QuerySecurityPackageInfoA(SEC_CHAR *name, PSecPkgInfoA *info)
{
    if (!name || !info)
        return SEC_E_SECPKG_NOT_FOUND;
    return package_exists(name, false) ? SEC_E_OK : SEC_E_SECPKG_NOT_FOUND;
}

/***********************************************************************
 *           AcquireCredentialsHandleA/W   (secur32.@)
 *
 * Credentials come from a package: with none, SEC_E_SECPKG_NOT_FOUND.
 */
SECURITY_STATUS SEC_ENTRY AcquireCredentialsHandleW(SEC_WCHAR *principal, SEC_WCHAR *package,
    ULONG use, void *logon_id, void *auth_data, SEC_GET_KEY_FN get_key, void *arg,
    PCredHandle cred, PTimeStamp expiry)
{
    if (!package)
        return SEC_E_SECPKG_NOT_FOUND;
    return package_exists(package, true) ? SEC_E_INTERNAL_ERROR : SEC_E_SECPKG_NOT_FOUND;
}

SECURITY_STATUS SEC_ENTRY AcquireCredentialsHandleA(SEC_CHAR *principal, SEC_CHAR *package,
    ULONG use, void *logon_id, void *auth_data, SEC_GET_KEY_FN get_key, void *arg,
    PCredHandle cred, PTimeStamp expiry)
{
    if (!package)
        return SEC_E_SECPKG_NOT_FOUND;
    return package_exists(package, false) ? SEC_E_INTERNAL_ERROR : SEC_E_SECPKG_NOT_FOUND;
}

/***********************************************************************
 *           FreeContextBuffer   (secur32.@)
 *
 * The buffers the packages return; none is ever handed out, and NULL is accepted.
 */
SECURITY_STATUS SEC_ENTRY FreeContextBuffer(void *buffer)
{
    if (buffer)
        HeapFree(GetProcessHeap(), 0, buffer);
    return SEC_E_OK;
}

/* Every credential or context handle names a package's object; with no package none was issued,
 * so each call on one is on an invalid handle. */
static SECURITY_STATUS no_handle(const char *function, const SecHandle *handle)
{
    TRACE("%s: handle %p not issued\n", function, handle ? (void *)handle->dwLower : NULL);
    return SEC_E_INVALID_HANDLE;
}

/***********************************************************************
 *           The calls on credential handles   (secur32.@)
 */
SECURITY_STATUS SEC_ENTRY FreeCredentialsHandle(PCredHandle cred)
{
    return no_handle(__func__, cred);
}

SECURITY_STATUS SEC_ENTRY QueryCredentialsAttributesW(PCredHandle cred, ULONG attr, void *buf)
{
    return no_handle(__func__, cred);
}

SECURITY_STATUS SEC_ENTRY QueryCredentialsAttributesA(PCredHandle cred, ULONG attr, void *buf)
{
    return no_handle(__func__, cred);
}

SECURITY_STATUS SEC_ENTRY SetCredentialsAttributesW(PCredHandle cred, ULONG attr, void *buf,
                                                     ULONG size)
{
    return no_handle(__func__, cred);
}

SECURITY_STATUS SEC_ENTRY SetCredentialsAttributesA(PCredHandle cred, ULONG attr, void *buf,
                                                     ULONG size)
{
    return no_handle(__func__, cred);
}

/***********************************************************************
 *           InitializeSecurityContextA/W, AcceptSecurityContext   (secur32.@)
 *
 * A context is made from credentials: the credential handle cannot be valid.
 */
SECURITY_STATUS SEC_ENTRY InitializeSecurityContextW(PCredHandle cred, PCtxtHandle ctx,
    SEC_WCHAR *target, ULONG req, ULONG reserved1, ULONG rep, PSecBufferDesc input,
    ULONG reserved2, PCtxtHandle new_ctx, PSecBufferDesc output, ULONG *attrs, PTimeStamp expiry)
{
    return no_handle(__func__, cred ? cred : ctx);
}

SECURITY_STATUS SEC_ENTRY InitializeSecurityContextA(PCredHandle cred, PCtxtHandle ctx,
    SEC_CHAR *target, ULONG req, ULONG reserved1, ULONG rep, PSecBufferDesc input,
    ULONG reserved2, PCtxtHandle new_ctx, PSecBufferDesc output, ULONG *attrs, PTimeStamp expiry)
{
    return no_handle(__func__, cred ? cred : ctx);
}

SECURITY_STATUS SEC_ENTRY AcceptSecurityContext(PCredHandle cred, PCtxtHandle ctx,
    PSecBufferDesc input, ULONG req, ULONG rep, PCtxtHandle new_ctx, PSecBufferDesc output,
    ULONG *attrs, PTimeStamp expiry)
{
    return no_handle(__func__, cred ? cred : ctx);
}

/***********************************************************************
 *           The calls on context handles   (secur32.@)
 */
SECURITY_STATUS SEC_ENTRY DeleteSecurityContext(PCtxtHandle ctx)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY CompleteAuthToken(PCtxtHandle ctx, PSecBufferDesc token)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY ApplyControlToken(PCtxtHandle ctx, PSecBufferDesc input)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY QueryContextAttributesW(PCtxtHandle ctx, ULONG attr, void *buf)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY QueryContextAttributesA(PCtxtHandle ctx, ULONG attr, void *buf)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY SetContextAttributesW(PCtxtHandle ctx, ULONG attr, void *buf, ULONG size)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY SetContextAttributesA(PCtxtHandle ctx, ULONG attr, void *buf, ULONG size)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY ImpersonateSecurityContext(PCtxtHandle ctx)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY RevertSecurityContext(PCtxtHandle ctx)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY MakeSignature(PCtxtHandle ctx, ULONG qop, PSecBufferDesc msg, ULONG seq)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY VerifySignature(PCtxtHandle ctx, PSecBufferDesc msg, ULONG seq,
                                          ULONG *qop)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY EncryptMessage(PCtxtHandle ctx, ULONG qop, PSecBufferDesc msg, ULONG seq)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY DecryptMessage(PCtxtHandle ctx, PSecBufferDesc msg, ULONG seq,
                                         ULONG *qop)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY ExportSecurityContext(PCtxtHandle ctx, ULONG flags,
                                                PSecBuffer packed, void **token)
{
    return no_handle(__func__, ctx);
}

SECURITY_STATUS SEC_ENTRY QuerySecurityContextToken(PCtxtHandle ctx, void **token)
{
    return no_handle(__func__, ctx);
}

/***********************************************************************
 *           AddCredentialsA/W, ImportSecurityContextA/W, ChangeAccountPasswordA/W   (secur32.@)
 */
SECURITY_STATUS SEC_ENTRY AddCredentialsW(PCredHandle cred, SEC_WCHAR *principal,
    SEC_WCHAR *package, ULONG use, void *auth_data, SEC_GET_KEY_FN get_key, void *arg,
    PTimeStamp expiry)
{
    return no_handle(__func__, cred);
}

SECURITY_STATUS SEC_ENTRY AddCredentialsA(PCredHandle cred, SEC_CHAR *principal,
    SEC_CHAR *package, ULONG use, void *auth_data, SEC_GET_KEY_FN get_key, void *arg,
    PTimeStamp expiry)
{
    return no_handle(__func__, cred);
}

SECURITY_STATUS SEC_ENTRY ImportSecurityContextW(SEC_WCHAR *package, PSecBuffer packed,
                                                 void *token, PCtxtHandle ctx)
{
    return package && package_exists(package, true) ? SEC_E_INTERNAL_ERROR : SEC_E_SECPKG_NOT_FOUND;
}

SECURITY_STATUS SEC_ENTRY ImportSecurityContextA(SEC_CHAR *package, PSecBuffer packed,
                                                 void *token, PCtxtHandle ctx)
{
    return package && package_exists(package, false) ? SEC_E_INTERNAL_ERROR : SEC_E_SECPKG_NOT_FOUND;
}

SECURITY_STATUS SEC_ENTRY ChangeAccountPasswordW(SEC_WCHAR *package, SEC_WCHAR *domain,
    SEC_WCHAR *account, SEC_WCHAR *old_password, SEC_WCHAR *new_password, BOOLEAN impersonating,
    ULONG reserved, PSecBufferDesc output)
{
    return package && package_exists(package, true) ? SEC_E_INTERNAL_ERROR : SEC_E_SECPKG_NOT_FOUND;
}

SECURITY_STATUS SEC_ENTRY ChangeAccountPasswordA(SEC_CHAR *package, SEC_CHAR *domain,
    SEC_CHAR *account, SEC_CHAR *old_password, SEC_CHAR *new_password, BOOLEAN impersonating,
    ULONG reserved, PSecBufferDesc output)
{
    return package && package_exists(package, false) ? SEC_E_INTERNAL_ERROR : SEC_E_SECPKG_NOT_FOUND;
}

/***********************************************************************
 *           InitSecurityInterfaceA/W   (secur32.@)
 *
 * The function tables, version 4 of the interface (up to ChangeAccountPassword); the
 * Reserved members are NULL, as on Windows.
 */
static SecurityFunctionTableW table_w = {
    .dwVersion = SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_4,
    .EnumerateSecurityPackagesW = EnumerateSecurityPackagesW,
    .QueryCredentialsAttributesW = QueryCredentialsAttributesW,
    .AcquireCredentialsHandleW = AcquireCredentialsHandleW,
    .FreeCredentialsHandle = FreeCredentialsHandle,
    .InitializeSecurityContextW = InitializeSecurityContextW,
    .AcceptSecurityContext = AcceptSecurityContext,
    .CompleteAuthToken = CompleteAuthToken,
    .DeleteSecurityContext = DeleteSecurityContext,
    .ApplyControlToken = ApplyControlToken,
    .QueryContextAttributesW = QueryContextAttributesW,
    .ImpersonateSecurityContext = ImpersonateSecurityContext,
    .RevertSecurityContext = RevertSecurityContext,
    .MakeSignature = MakeSignature,
    .VerifySignature = VerifySignature,
    .FreeContextBuffer = FreeContextBuffer,
    .QuerySecurityPackageInfoW = QuerySecurityPackageInfoW,
    .ExportSecurityContext = ExportSecurityContext,
    .QuerySecurityContextToken = QuerySecurityContextToken,
    .EncryptMessage = EncryptMessage,
    .DecryptMessage = DecryptMessage,
    .SetContextAttributesW = SetContextAttributesW,
    .SetCredentialsAttributesW = SetCredentialsAttributesW,
    .ImportSecurityContextW = ImportSecurityContextW,
    .AddCredentialsW = AddCredentialsW,
    .ChangeAccountPasswordW = ChangeAccountPasswordW,
};

static SecurityFunctionTableA table_a = {
    .dwVersion = SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_4,
    .EnumerateSecurityPackagesA = EnumerateSecurityPackagesA,
    .QueryCredentialsAttributesA = QueryCredentialsAttributesA,
    .AcquireCredentialsHandleA = AcquireCredentialsHandleA,
    .FreeCredentialsHandle = FreeCredentialsHandle,
    .InitializeSecurityContextA = InitializeSecurityContextA,
    .AcceptSecurityContext = AcceptSecurityContext,
    .CompleteAuthToken = CompleteAuthToken,
    .DeleteSecurityContext = DeleteSecurityContext,
    .ApplyControlToken = ApplyControlToken,
    .QueryContextAttributesA = QueryContextAttributesA,
    .ImpersonateSecurityContext = ImpersonateSecurityContext,
    .RevertSecurityContext = RevertSecurityContext,
    .MakeSignature = MakeSignature,
    .VerifySignature = VerifySignature,
    .FreeContextBuffer = FreeContextBuffer,
    .QuerySecurityPackageInfoA = QuerySecurityPackageInfoA,
    .ExportSecurityContext = ExportSecurityContext,
    .QuerySecurityContextToken = QuerySecurityContextToken,
    .EncryptMessage = EncryptMessage,
    .DecryptMessage = DecryptMessage,
    .SetContextAttributesA = SetContextAttributesA,
    .SetCredentialsAttributesA = SetCredentialsAttributesA,
    .ImportSecurityContextA = ImportSecurityContextA,
    .AddCredentialsA = AddCredentialsA,
    .ChangeAccountPasswordA = ChangeAccountPasswordA,
};

PSecurityFunctionTableW SEC_ENTRY InitSecurityInterfaceW(void)
{
    return &table_w;
}

PSecurityFunctionTableA SEC_ENTRY InitSecurityInterfaceA(void)
{
    return &table_a;
}
