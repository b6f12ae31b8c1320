/* security.c: tokens and SIDs: the one user of a vinho session, non-elevated (docs/win32dlls.md). */
#include "kernelbase.h"
#include "vinho/regdefs.h"

DEFAULT_DEBUG_CHANNEL(advapi);

/***********************************************************************
 *           OpenProcessToken   (kernelbase.@)
 */
BOOL WINAPI OpenProcessToken(HANDLE process, DWORD access, HANDLE *token)
{
    if (!token) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return set_ntstatus(NtOpenProcessTokenEx(process, access, 0, token));
}

/***********************************************************************
 *           OpenThreadToken   (kernelbase.@)
 *
 * No thread impersonates, so this fails with ERROR_NO_TOKEN, as on Windows for such a thread.
 */
BOOL WINAPI OpenThreadToken(HANDLE thread, DWORD access, BOOL as_self, HANDLE *token)
{
    if (!token) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return set_ntstatus(NtOpenThreadTokenEx(thread, access, as_self, 0, token));
}

/***********************************************************************
 *           GetTokenInformation   (kernelbase.@)
 *
 * A buffer too small fails with ERROR_INSUFFICIENT_BUFFER and the size needed in *needed.
 */
BOOL WINAPI GetTokenInformation(HANDLE token, TOKEN_INFORMATION_CLASS info_class, LPVOID info,
                                DWORD length, PDWORD needed)
{
    ULONG size = 0;
    NTSTATUS status = NtQueryInformationToken(token, info_class, info, length, &size);
    if (needed)
        *needed = size;
    return set_ntstatus(status);
}

/***********************************************************************
 *           AdjustTokenPrivileges   (kernelbase.@)
 *
 * Succeeds; the last error is ERROR_NOT_ALL_ASSIGNED when some privilege asked for is not
 * held (as for a standard user), ERROR_SUCCESS otherwise.
 */
BOOL WINAPI AdjustTokenPrivileges(HANDLE token, BOOL disable_all, PTOKEN_PRIVILEGES new_state,
                                  DWORD length, PTOKEN_PRIVILEGES prev_state, PDWORD needed)
{
    NTSTATUS status = NtAdjustPrivilegesToken(token, disable_all != 0, new_state, length,
                                              prev_state, needed);
    if (status == STATUS_NOT_ALL_ASSIGNED || status == STATUS_SUCCESS) {
        SetLastError(RtlNtStatusToDosError(status));
        return TRUE;
    }
    return set_ntstatus(status);
}

/***********************************************************************
 *           SID helpers   (kernelbase.@)
 */
DWORD WINAPI GetLengthSid(PSID sid)
{
    return 8 + 4 * ((SID *)sid)->SubAuthorityCount;
}

BOOL WINAPI IsValidSid(PSID sid)
{
    return sid && ((SID *)sid)->Revision == SID_REVISION
        && ((SID *)sid)->SubAuthorityCount <= SID_MAX_SUB_AUTHORITIES;
}

BOOL WINAPI EqualSid(PSID a, PSID b)
{
    if (!IsValidSid(a) || !IsValidSid(b)) {
        SetLastError(ERROR_INVALID_SID);
        return FALSE;
    }
    SetLastError(ERROR_SUCCESS);
    return GetLengthSid(a) == GetLengthSid(b) && !memcmp(a, b, GetLengthSid(a));
}

BOOL WINAPI CopySid(DWORD length, PSID dst, PSID src)
{
    if (!IsValidSid(src)) {
        SetLastError(ERROR_INVALID_SID);
        return FALSE;
    }
    if (length < GetLengthSid(src)) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memcpy(dst, src, GetLengthSid(src));
    return TRUE;
}

BOOL WINAPI AllocateAndInitializeSid(PSID_IDENTIFIER_AUTHORITY authority, BYTE count,
                                     DWORD s0, DWORD s1, DWORD s2, DWORD s3, DWORD s4, DWORD s5,
                                     DWORD s6, DWORD s7, PSID *out)
{
    const DWORD subs[8] = { s0, s1, s2, s3, s4, s5, s6, s7 };
    SID *sid;
    if (!authority || !out || count > 8) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!(sid = HeapAlloc(GetProcessHeap(), 0, 8 + 4 * count))) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    sid->Revision = SID_REVISION;
    sid->SubAuthorityCount = count;
    sid->IdentifierAuthority = *authority;
    for (BYTE i = 0; i < count; i++)
        sid->SubAuthority[i] = subs[i];
    *out = sid;
    return TRUE;
}

PVOID WINAPI FreeSid(PSID sid)
{
    HeapFree(GetProcessHeap(), 0, sid);
    return NULL;
}

/* The groups the session's user belongs to; Administrators (S-1-5-32-544) is not one of them. */
static BOOL user_is_member(const SID *sid)
{
    static const struct { BYTE auth; BYTE count; DWORD sub[5]; } groups[] = {
        { 1, 1, { 0 } },                            /* Everyone S-1-1-0 */
        { 2, 1, { 0 } },                            /* Local S-1-2-0 */
        { 5, 1, { 4 } },                            /* Interactive S-1-5-4 */
        { 5, 1, { 11 } },                           /* Authenticated Users S-1-5-11 */
        { 5, 1, { 15 } },                           /* This Organization S-1-5-15 */
        { 5, 2, { 32, 545 } },                      /* Users S-1-5-32-545 */
        { 5, 5, { 21, 0, 0, 0, VN_USER_RID } },     /* the user */
    };
    static const BYTE zero[5];
    if (memcmp(sid->IdentifierAuthority.Value, zero, 5))
        return FALSE;
    for (unsigned i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
        if (sid->IdentifierAuthority.Value[5] == groups[i].auth && sid->SubAuthorityCount == groups[i].count
                && !memcmp(sid->SubAuthority, groups[i].sub, 4 * groups[i].count))
            return TRUE;
    return FALSE;
}

/***********************************************************************
 *           CheckTokenMembership   (kernelbase.@)
 */
BOOL WINAPI CheckTokenMembership(HANDLE token, PSID sid, PBOOL is_member)
{
    if (!is_member || !IsValidSid(sid)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (token) {
        /* Only the session's token exists; a handle that is no token fails as on Windows. */
        TOKEN_ELEVATION elevation;
        DWORD size;
        if (!GetTokenInformation(token, TokenElevation, &elevation, sizeof(elevation), &size))
            return FALSE;
    }
    *is_member = user_is_member(sid);
    return TRUE;
}

/***********************************************************************
 *           GetFileSecurityW / SetFileSecurityW   (kernelbase.@)
 *
 * Files have no Windows security descriptors yet: both fail with ERROR_NOT_SUPPORTED, which a
 * caller can handle (7-Zip's -sni reports a warning and goes on), rather than invent one.
 */
BOOL WINAPI GetFileSecurityW(LPCWSTR name, SECURITY_INFORMATION info, PSECURITY_DESCRIPTOR sd,
                             DWORD length, LPDWORD needed)
{
    FIXME("%s: security descriptors not implemented\n", debugstr_w(name));
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}

BOOL WINAPI SetFileSecurityW(LPCWSTR name, SECURITY_INFORMATION info, PSECURITY_DESCRIPTOR sd)
{
    FIXME("%s: security descriptors not implemented\n", debugstr_w(name));
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}

/***********************************************************************
 *           RevertToSelf   (kernelbase.@)
 *
 * No thread ever impersonates (OpenThreadToken), so there is nothing to revert: this is what
 * Windows does for a thread that is not impersonating.
 */
BOOL WINAPI RevertToSelf(void)
{
    return TRUE;
}
