/* advapi32.c: what advapi32 implements itself: privilege names, the user name, random numbers
 * (RtlGenRandom, the CryptoAPI's CryptGenRandom) and SID strings. The registry and token calls
 * forward to kernelbase, as on Windows. */
#include "vinho/pe_side.h"
#include <wincrypt.h>
#include <sddl.h>
#include "vinho/regdefs.h"

DEFAULT_DEBUG_CHANNEL(advapi);

/* The privilege LUIDs of wdm.h (SE_*_PRIVILEGE); the index is the LUID's LowPart. */
static const WCHAR *const privilege_names[] = {
    [2] = L"SeCreateTokenPrivilege", L"SeAssignPrimaryTokenPrivilege", L"SeLockMemoryPrivilege",
    L"SeIncreaseQuotaPrivilege", L"SeMachineAccountPrivilege", L"SeTcbPrivilege",
    L"SeSecurityPrivilege", L"SeTakeOwnershipPrivilege", L"SeLoadDriverPrivilege",
    L"SeSystemProfilePrivilege", L"SeSystemtimePrivilege", L"SeProfileSingleProcessPrivilege",
    L"SeIncreaseBasePriorityPrivilege", L"SeCreatePagefilePrivilege", L"SeCreatePermanentPrivilege",
    L"SeBackupPrivilege", L"SeRestorePrivilege", L"SeShutdownPrivilege", L"SeDebugPrivilege",
    L"SeAuditPrivilege", L"SeSystemEnvironmentPrivilege", L"SeChangeNotifyPrivilege",
    L"SeRemoteShutdownPrivilege", L"SeUndockPrivilege", L"SeSyncAgentPrivilege",
    L"SeEnableDelegationPrivilege", L"SeManageVolumePrivilege", L"SeImpersonatePrivilege",
    L"SeCreateGlobalPrivilege", L"SeTrustedCredManAccessPrivilege", L"SeRelabelPrivilege",
    L"SeIncreaseWorkingSetPrivilege", L"SeTimeZonePrivilege", L"SeCreateSymbolicLinkPrivilege",
    L"SeDelegateSessionUserImpersonatePrivilege",
};
#define NB_PRIVILEGES (sizeof(privilege_names) / sizeof(privilege_names[0]))

/* Only this machine can be asked: NULL, empty, or its own name. */
static BOOL is_local_system(LPCWSTR system)
{
    if (system && *system) {
        FIXME("remote system %s not supported\n", debugstr_w(system));
        SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
        return FALSE;
    }
    return TRUE;
}

/***********************************************************************
 *           LookupPrivilegeValueW   (advapi32.@)
 */
BOOL WINAPI LookupPrivilegeValueW(LPCWSTR system, LPCWSTR name, PLUID luid)
{
    TRACE("%s %s\n", debugstr_w(system), debugstr_w(name));
    if (!is_local_system(system))
        return FALSE;
    if (!name || !luid) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    for (ULONG i = 0; i < NB_PRIVILEGES; i++) {
        if (privilege_names[i] && !lstrcmpiW(name, privilege_names[i])) {
            luid->LowPart = i;
            luid->HighPart = 0;
            return TRUE;
        }
    }
    SetLastError(ERROR_NO_SUCH_PRIVILEGE);
    return FALSE;
}

static WCHAR *AtoW(LPCSTR str)
{
    int n;
    WCHAR *w;
    if (!str)
        return NULL;
    n = MultiByteToWideChar(CP_ACP, 0, str, -1, NULL, 0);
    if ((w = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR))))
        MultiByteToWideChar(CP_ACP, 0, str, -1, w, n);
    return w;
}

BOOL WINAPI LookupPrivilegeValueA(LPCSTR system, LPCSTR name, PLUID luid)
{
    WCHAR *wsystem = AtoW(system), *wname = AtoW(name);
    BOOL ret = LookupPrivilegeValueW(wsystem, wname, luid);
    HeapFree(GetProcessHeap(), 0, wsystem);
    HeapFree(GetProcessHeap(), 0, wname);
    return ret;
}

/***********************************************************************
 *           LookupPrivilegeNameW   (advapi32.@)
 *
 * *len: in, the buffer's size in characters; out, the name's length (or the size needed,
 * terminator included, with ERROR_INSUFFICIENT_BUFFER).
 */
BOOL WINAPI LookupPrivilegeNameW(LPCWSTR system, PLUID luid, LPWSTR name, LPDWORD len)
{
    DWORD n;
    if (!is_local_system(system))
        return FALSE;
    if (!luid || !len || luid->HighPart || luid->LowPart >= NB_PRIVILEGES || !privilege_names[luid->LowPart]) {
        SetLastError(ERROR_NO_SUCH_PRIVILEGE);
        return FALSE;
    }
    n = lstrlenW(privilege_names[luid->LowPart]);
    if (!name || *len <= n) {
        *len = n + 1;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    lstrcpyW(name, privilege_names[luid->LowPart]);
    *len = n;
    return TRUE;
}

/***********************************************************************
 *           GetUserNameW   (advapi32.@)
 *
 * The Linux user's name (USERNAME, else USER from the environment). *len: in, the buffer's size;
 * out, the characters stored including the terminator, or the size needed
 * (ERROR_INSUFFICIENT_BUFFER).
 */
BOOL WINAPI GetUserNameW(LPWSTR name, LPDWORD len)
{
    WCHAR buf[257];
    DWORD n;
    if (!len) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    n = GetEnvironmentVariableW(L"USERNAME", buf, 257);
    if (!n || n >= 257)
        n = GetEnvironmentVariableW(L"USER", buf, 257);
    if (!n || n >= 257) {
        lstrcpyW(buf, L"user");
        n = 4;
    }
    if (!name || *len < n + 1) {
        *len = n + 1;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memcpy(name, buf, (n + 1) * sizeof(WCHAR));
    *len = n + 1;
    return TRUE;
}

BOOL WINAPI GetUserNameA(LPSTR name, LPDWORD len)
{
    WCHAR buf[257];
    DWORD wlen = 257;
    int n;
    if (!len) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!GetUserNameW(buf, &wlen))
        return FALSE;
    n = WideCharToMultiByte(CP_ACP, 0, buf, -1, NULL, 0, NULL, NULL);
    if (!name || *len < (DWORD)n) {
        *len = n;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    WideCharToMultiByte(CP_ACP, 0, buf, -1, name, n, NULL, NULL);
    *len = n;
    return TRUE;
}

/***********************************************************************
 *           SystemFunction036   (advapi32.@)   = RtlGenRandom
 */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length)
{
    NTSTATUS status = __vinho_random(buffer, length);
    if (status)
        SetLastError(RtlNtStatusToDosError(status));
    return !status;
}

/* The one "provider" the CryptoAPI functions here know: it only makes random numbers. */
static const DWORD random_provider_magic = 0x566e5250;  /* "PRnV" */

/***********************************************************************
 *           CryptAcquireContextW   (advapi32.@)
 *
 * Gives a context good for CryptGenRandom; key containers are not implemented (asking for one
 * without CRYPT_VERIFYCONTEXT fails with NTE_BAD_KEYSET, as for a missing container).
 */
BOOL WINAPI CryptAcquireContextW(HCRYPTPROV *prov, LPCWSTR container, LPCWSTR provider,
                                 DWORD type, DWORD flags)
{
    TRACE("%s %s %lu %#lx\n", debugstr_w(container), debugstr_w(provider), type, flags);
    if (!prov) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!(flags & CRYPT_VERIFYCONTEXT) || (flags & (CRYPT_NEWKEYSET | CRYPT_DELETEKEYSET))) {
        FIXME("key containers are not implemented (flags %#lx)\n", flags);
        SetLastError(NTE_BAD_KEYSET);
        return FALSE;
    }
    *prov = (HCRYPTPROV)&random_provider_magic;
    return TRUE;
}

BOOL WINAPI CryptAcquireContextA(HCRYPTPROV *prov, LPCSTR container, LPCSTR provider,
                                 DWORD type, DWORD flags)
{
    WCHAR *wcontainer = AtoW(container), *wprovider = AtoW(provider);
    BOOL ret = CryptAcquireContextW(prov, wcontainer, wprovider, type, flags);
    HeapFree(GetProcessHeap(), 0, wcontainer);
    HeapFree(GetProcessHeap(), 0, wprovider);
    return ret;
}

static BOOL check_prov(HCRYPTPROV prov)
{
    if (prov != (HCRYPTPROV)&random_provider_magic) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

BOOL WINAPI CryptGenRandom(HCRYPTPROV prov, DWORD length, BYTE *buffer)
{
    if (!check_prov(prov))
        return FALSE;
    return SystemFunction036(buffer, length);
}

BOOL WINAPI CryptReleaseContext(HCRYPTPROV prov, DWORD flags)
{
    if (!check_prov(prov))
        return FALSE;
    if (flags) {
        SetLastError(NTE_BAD_FLAGS);
        return FALSE;
    }
    return TRUE;
}

/* Decimal digits of v at p; returns the end. */
static WCHAR *put_uint(WCHAR *p, ULONGLONG v)
{
    WCHAR tmp[24];
    int n = 0;
    do tmp[n++] = '0' + v % 10; while (v /= 10);
    while (n)
        *p++ = tmp[--n];
    return p;
}

/***********************************************************************
 *           ConvertSidToStringSidW   (advapi32.@)
 *
 * "S-1-<authority>-<sub>..."; the authority is decimal below 2^32 and hex (0x...) above, as
 * documented. The string is LocalAlloc'ed.
 */
BOOL WINAPI ConvertSidToStringSidW(PSID psid, LPWSTR *out)
{
    const SID *sid = psid;
    ULONGLONG authority = 0;
    WCHAR *str, *p;
    if (!out || !IsValidSid(psid)) {
        SetLastError(out ? ERROR_INVALID_SID : ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!(str = LocalAlloc(LMEM_FIXED, (16 + 20 + 11 * SID_MAX_SUB_AUTHORITIES) * sizeof(WCHAR)))) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    for (int i = 0; i < 6; i++)
        authority = authority << 8 | sid->IdentifierAuthority.Value[i];
    p = put_uint(lstrcpyW(str, L"S-") + 2, sid->Revision);
    *p++ = '-';
    if (authority >> 32) {
        static const WCHAR hex[] = L"0123456789ABCDEF";
        *p++ = '0';
        *p++ = 'x';
        for (int i = 0; i < 6; i++) {
            *p++ = hex[sid->IdentifierAuthority.Value[i] >> 4];
            *p++ = hex[sid->IdentifierAuthority.Value[i] & 15];
        }
    } else {
        p = put_uint(p, authority);
    }
    for (int i = 0; i < sid->SubAuthorityCount; i++) {
        *p++ = '-';
        p = put_uint(p, sid->SubAuthority[i]);
    }
    *p = 0;
    *out = str;
    return TRUE;
}

BOOL WINAPI ConvertSidToStringSidA(PSID sid, LPSTR *out)
{
    WCHAR *w;
    int n;
    if (!out) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!ConvertSidToStringSidW(sid, &w))
        return FALSE;
    n = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
    if (!(*out = LocalAlloc(LMEM_FIXED, n))) {
        LocalFree(w);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    WideCharToMultiByte(CP_ACP, 0, w, -1, *out, n, NULL, NULL);
    LocalFree(w);
    return TRUE;
}

/* Accounts LookupAccountSid knows: the session's user and the well-known groups it is in. */
static const struct {
    BYTE authority, count;
    DWORD sub[5];
    const WCHAR *domain, *name;     /* name NULL: the session's user */
    SID_NAME_USE use;
} accounts[] = {
    { 1, 1, { 0 }, L"", L"Everyone", SidTypeWellKnownGroup },
    { 2, 1, { 0 }, L"", L"LOCAL", SidTypeWellKnownGroup },
    { 5, 1, { 4 }, L"NT AUTHORITY", L"INTERACTIVE", SidTypeWellKnownGroup },
    { 5, 1, { 11 }, L"NT AUTHORITY", L"Authenticated Users", SidTypeWellKnownGroup },
    { 5, 1, { 18 }, L"NT AUTHORITY", L"SYSTEM", SidTypeWellKnownGroup },
    { 5, 2, { 32, 544 }, L"BUILTIN", L"Administrators", SidTypeAlias },
    { 5, 2, { 32, 545 }, L"BUILTIN", L"Users", SidTypeAlias },
    { 5, 5, { 21, 0, 0, 0, VN_USER_RID }, L"VINHO", NULL, SidTypeUser },
};

/* Copies str into a buffer of *len characters; on success *len is its length, else the size
 * needed with the terminator. */
static BOOL copy_out(const WCHAR *str, WCHAR *buf, DWORD *len)
{
    DWORD n = lstrlenW(str);
    if (!buf || *len <= n) {
        *len = n + 1;
        return FALSE;
    }
    memcpy(buf, str, (n + 1) * sizeof(WCHAR));
    *len = n;
    return TRUE;
}

/***********************************************************************
 *           LookupAccountSidW   (advapi32.@)
 *
 * The user's domain is the computer, "VINHO" (the ComputerName of the registry). Unknown SIDs
 * fail with ERROR_NONE_MAPPED.
 */
BOOL WINAPI LookupAccountSidW(LPCWSTR system, PSID psid, LPWSTR name, LPDWORD name_len,
                              LPWSTR domain, LPDWORD domain_len, PSID_NAME_USE use)
{
    const SID *sid = psid;
    static const BYTE zero[5];
    WCHAR user[257];
    DWORD user_len = 257;
    if (!is_local_system(system))
        return FALSE;
    if (!IsValidSid(psid) || !name_len || !domain_len) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    for (unsigned i = 0; i < sizeof(accounts) / sizeof(accounts[0]); i++) {
        BOOL ok_name, ok_domain;
        if (memcmp(sid->IdentifierAuthority.Value, zero, 5) || sid->IdentifierAuthority.Value[5] != accounts[i].authority
                || sid->SubAuthorityCount != accounts[i].count
                || memcmp(sid->SubAuthority, accounts[i].sub, 4 * accounts[i].count))
            continue;
        if (!accounts[i].name && !GetUserNameW(user, &user_len))
            return FALSE;
        ok_name = copy_out(accounts[i].name ? accounts[i].name : user, name, name_len);
        ok_domain = copy_out(accounts[i].domain, domain, domain_len);
        if (!ok_name || !ok_domain) {
            SetLastError(ERROR_INSUFFICIENT_BUFFER);
            return FALSE;
        }
        if (use)
            *use = accounts[i].use;
        return TRUE;
    }
    SetLastError(ERROR_NONE_MAPPED);
    return FALSE;
}
