/* security.c: the process token of a standard (non-elevated) user, privileges, SIDs, random
 * numbers: advapi32's basics. Wine runs programs as an elevated administrator (elevated=1, every
 * privilege granted); vinho models a standard user, as a program started from an ordinary
 * Windows 10 session sees: not elevated, SeBackupPrivilege not held (ERROR_NOT_ALL_ASSIGNED,
 * documented for AdjustTokenPrivileges). */
#include <windows.h>
#include <sddl.h>
#include <wincrypt.h>
#include <stdio.h>
#include <string.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

static void privilege(const char *name)
{
    LUID luid;
    BOOL ok;
    SetLastError(0xdeadbeef);
    ok = LookupPrivilegeValueA(NULL, name, &luid);
    printf("%s: %d luid=%lu:%ld error=%lu\n", name, ok, ok ? luid.LowPart : 0, ok ? luid.HighPart : 0,
           ok ? 0 : GetLastError());
}

static void adjust(HANDLE token, const char *name)
{
    TOKEN_PRIVILEGES tp = { 1 };
    BOOL ok;
    LookupPrivilegeValueA(NULL, name, &tp.Privileges[0].Luid);
    tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
    SetLastError(0xdeadbeef);
    ok = AdjustTokenPrivileges(token, FALSE, &tp, 0, NULL, NULL);
    printf("enable %s: %d error=%lu\n", name, ok, GetLastError());
}

int main(void)
{
    HANDLE token, thread_token;
    BYTE buf[256];
    DWORD size = 0;
    TOKEN_ELEVATION elevation;
    WCHAR *sid_string;
    BOOL ok, member;
    PSID admins, users;
    SID_IDENTIFIER_AUTHORITY nt = SECURITY_NT_AUTHORITY;
    HCRYPTPROV prov;
    unsigned char random1[32] = { 0 }, random2[32] = { 0 }, zero[32] = { 0 };

    ok = OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY | TOKEN_ADJUST_PRIVILEGES, &token);
    printf("OpenProcessToken: %d\n", ok);
    SetLastError(0xdeadbeef);
    ok = OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &thread_token);
    printf("OpenThreadToken: %d error=%lu\n", ok, GetLastError());

    /* TokenUser: a size query first, as programs do */
    SetLastError(0xdeadbeef);
    ok = GetTokenInformation(token, TokenUser, NULL, 0, &size);
    printf("TokenUser size query: %d error=%lu size ok=%d\n", ok, GetLastError(),
           size >= sizeof(TOKEN_USER) + 12 && size <= sizeof(buf));
    ok = GetTokenInformation(token, TokenUser, buf, sizeof(buf), &size);
    ConvertSidToStringSidW(((TOKEN_USER *)buf)->User.Sid, &sid_string);
    printf("TokenUser: %d valid=%d account SID=%d\n", ok, IsValidSid(((TOKEN_USER *)buf)->User.Sid),
           !wcsncmp(sid_string, L"S-1-5-21-", 9));
    LocalFree(sid_string);
    ok = GetTokenInformation(token, TokenElevation, &elevation, sizeof(elevation), &size);
    printf("TokenElevation: %d elevated=%lu size=%lu\n", ok, elevation.TokenIsElevated, size);

    privilege("SeBackupPrivilege");
    privilege("SeChangeNotifyPrivilege");
    privilege("seshutdownprivilege");
    privilege("SeNoSuchPrivilege");

    /* a privilege a standard user holds, and one it does not */
    adjust(token, "SeShutdownPrivilege");
    adjust(token, "SeBackupPrivilege");
    CloseHandle(token);

    AllocateAndInitializeSid(&nt, 2, SECURITY_BUILTIN_DOMAIN_RID, DOMAIN_ALIAS_RID_ADMINS, 0, 0, 0, 0, 0, 0, &admins);
    AllocateAndInitializeSid(&nt, 2, SECURITY_BUILTIN_DOMAIN_RID, DOMAIN_ALIAS_RID_USERS, 0, 0, 0, 0, 0, 0, &users);
    ConvertSidToStringSidW(admins, &sid_string);
    printf("Administrators: %ls length=%lu equal=%d\n", sid_string, GetLengthSid(admins), EqualSid(admins, users));
    LocalFree(sid_string);
    {
        /* LookupAccountSid: a buffer too small gives the size needed with the terminator, as
         * documented (Wine gives the length without it). */
        WCHAR name[64], domain[64];
        DWORD nl = 64, dl = 64;
        SID_NAME_USE use;
        ok = LookupAccountSidW(NULL, admins, name, &nl, domain, &dl, &use);
        printf("LookupAccountSid: %d %ls\\%ls %lu %lu use=%d\n", ok, domain, name, nl, dl, use);
        nl = 2;
        dl = 64;
        SetLastError(0xdeadbeef);
        ok = LookupAccountSidW(NULL, admins, name, &nl, domain, &dl, &use);
        printf("LookupAccountSid small: %d error=%lu needed=%lu\n", ok, GetLastError(), nl);
    }
    ok = CheckTokenMembership(NULL, users, &member);
    printf("member of Users: %d %d\n", ok, member);
    FreeSid(admins);
    FreeSid(users);

    printf("RevertToSelf: %d\n", RevertToSelf());
    printf("RtlGenRandom: %d\n", SystemFunction036(random1, sizeof(random1)));
    ok = CryptAcquireContextW(&prov, NULL, NULL, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT);
    printf("CryptAcquireContext: %d\n", ok);
    printf("CryptGenRandom: %d\n", CryptGenRandom(prov, sizeof(random2), random2));
    printf("CryptReleaseContext: %d\n", CryptReleaseContext(prov, 0));
    /* 256 random bits are all zero with probability 2^-256 */
    printf("random bytes differ from zero: %d %d\n", memcmp(random1, zero, 32) != 0, memcmp(random2, zero, 32) != 0);
    {
        WCHAR name[300];
        DWORD len = 300;
        ok = GetUserNameW(name, &len);
        printf("GetUserNameW: %d length matches=%d\n", ok, len == wcslen(name) + 1);
        len = 1;
        SetLastError(0xdeadbeef);
        ok = GetUserNameW(name, &len);
        printf("GetUserNameW small: %d error=%lu\n", ok, GetLastError());
    }
    return 0;
}
