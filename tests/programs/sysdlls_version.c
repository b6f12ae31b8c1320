/* sysdlls_version.c: what Rust programs ask at start beyond kernel32's basics: the version tests
 * (VerSetConditionMask, VerifyVersionInfoW/A, ntdll's RtlGetVersion), the thread error mode,
 * shell32's SHGetKnownFolderPath (memory from combase's CoTaskMemAlloc) and userenv's
 * GetUserProfileDirectoryW. Paths are printed relative to the profile folder, which depends on
 * the user running the test.
 * Differences from Debian's Wine 8.0 (prefix set to Windows 10):
 * - Wine tests a manifest-less program against 6.2, as Windows does (VerifyVersionInfo page);
 *   vinho tests the real version 10.0, as its GetVersionEx reports it (docs/win32dlls.md).
 * - an unknown KNOWNFOLDERID: Wine 0x80070002; Microsoft's SHGetKnownFolderPath page gives
 *   E_INVALIDARG for "a KNOWNFOLDERID that is not present on the system", which we follow. */
#include <windows.h>
#include <shlobj.h>
#include <knownfolders.h>
#include <userenv.h>
#include <stdio.h>
#include <wchar.h>

static const GUID profile_id = { 0x5e6c858f, 0x0e22, 0x4760, { 0x9a, 0xfe, 0xea, 0x33, 0x17, 0xb6, 0x71, 0x73 } };
static const GUID local_id = { 0xf1b32785, 0x6fba, 0x4fcf, { 0x9d, 0x55, 0x7b, 0x8e, 0x7f, 0x15, 0x70, 0x91 } };
static const GUID roaming_id = { 0x3eb685db, 0x65f9, 0x4cf6, { 0xa0, 0x3a, 0xe3, 0xef, 0x65, 0x72, 0x9f, 0x3d } };
static const GUID bogus_id = { 0x12345678, 0x1234, 0x1234, { 1, 2, 3, 4, 5, 6, 7, 8 } };

static void (WINAPI *task_free)(void *);
static WCHAR profile[MAX_PATH];

static void known(const char *name, const GUID *id, DWORD flags)
{
    WCHAR *path = (WCHAR *)1;
    HRESULT hr = SHGetKnownFolderPath(id, flags, NULL, &path);
    size_t n = wcslen(profile);
    if (hr == S_OK && path && !wcsncmp(path, profile, n))
        printf("%s: %#lx <profile>%ls, exists %d\n", name, hr, path + n,
               GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES);
    else
        printf("%s: %#lx %s\n", name, hr, path ? "path set" : "NULL");
    task_free(path);
}

static void verify(const char *what, DWORD major, DWORD minor, DWORD build, BYTE cond)
{
    OSVERSIONINFOEXW v = { sizeof(v) };
    OSVERSIONINFOEXA va = { sizeof(va) };
    DWORDLONG mask = 0;
    DWORD type = VER_MAJORVERSION | VER_MINORVERSION;
    v.dwMajorVersion = va.dwMajorVersion = major;
    v.dwMinorVersion = va.dwMinorVersion = minor;
    v.dwBuildNumber = va.dwBuildNumber = build;
    mask = VerSetConditionMask(mask, VER_MAJORVERSION, cond);
    mask = VerSetConditionMask(mask, VER_MINORVERSION, cond);
    if (build) {
        mask = VerSetConditionMask(mask, VER_BUILDNUMBER, cond);
        type |= VER_BUILDNUMBER;
    }
    SetLastError(0xdeadbeef);
    BOOL w = VerifyVersionInfoW(&v, type, mask);
    DWORD we = GetLastError();
    SetLastError(0xdeadbeef);
    BOOL a = VerifyVersionInfoA(&va, type, mask);
    printf("%s: W %d (%lu) A %d (%lu)\n", what, w, w ? 0 : we, a, a ? 0 : GetLastError());
}

int main(void)
{
    HMODULE combase = LoadLibraryA("combase.dll");
    task_free = (void *)GetProcAddress(combase, "CoTaskMemFree");
    NTSTATUS (WINAPI *get_version)(RTL_OSVERSIONINFOW *) =
        (void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "RtlGetVersion");
    RTL_OSVERSIONINFOEXW rv = { sizeof(rv) };
    OSVERSIONINFOEXW v = { sizeof(v) };
    DWORD old = 99, size, error;
    BOOL ok;

    printf("masks: %#llx %#llx %#llx %#llx\n", VerSetConditionMask(0, VER_MAJORVERSION, VER_GREATER_EQUAL),
           VerSetConditionMask(0, VER_MINORVERSION, VER_EQUAL),
           VerSetConditionMask(0, VER_SERVICEPACKMAJOR, VER_GREATER_EQUAL),
           VerSetConditionMask(0x3, VER_MINORVERSION, 0));
    NTSTATUS st = get_version((RTL_OSVERSIONINFOW *)&rv);
    printf("RtlGetVersion: %#lx %lu.%lu platform %lu, product %u\n", st, rv.dwMajorVersion,
           rv.dwMinorVersion, rv.dwPlatformId, rv.wProductType);
    verify(">= 6.1", 6, 1, 0, VER_GREATER_EQUAL);
    verify(">= 10.0", 10, 0, 0, VER_GREATER_EQUAL);
    verify(">= 10.0.10240", 10, 0, 10240, VER_GREATER_EQUAL);
    verify(">= 11.0", 11, 0, 0, VER_GREATER_EQUAL);
    verify("== 6.3", 6, 3, 0, VER_EQUAL);
    verify("< 10.1", 10, 1, 0, VER_LESS);
    SetLastError(0xdeadbeef);
    ok = VerifyVersionInfoW(&v, 0, 0);
    printf("no type: %d (%lu)\n", ok, GetLastError());

    printf("thread error mode: %lu\n", GetThreadErrorMode());
    ok = SetThreadErrorMode(SEM_FAILCRITICALERRORS, &old);
    printf("set: %d old %lu now %lu\n", ok, old, GetThreadErrorMode());
    SetLastError(0xdeadbeef);
    ok = SetThreadErrorMode(0x4, &old);
    error = GetLastError();
    printf("set bad: %d (%lu) now %lu\n", ok, error, GetThreadErrorMode());
    ok = SetThreadErrorMode(0, NULL);
    printf("set NULL old: %d now %lu\n", ok, GetThreadErrorMode());

    HANDLE token;
    OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token);
    size = 0;
    SetLastError(0xdeadbeef);
    ok = GetUserProfileDirectoryW(token, NULL, &size);
    error = GetLastError();
    printf("profile size query: %d (%lu), size includes NUL %d\n", ok, error, size > 1);
    size = MAX_PATH;
    ok = GetUserProfileDirectoryW(token, profile, &size);
    printf("profile: %d, size %d\n", ok, size == wcslen(profile) + 1);
    known("Profile", &profile_id, KF_FLAG_CREATE);
    known("LocalAppData", &local_id, KF_FLAG_CREATE);
    known("RoamingAppData", &roaming_id, KF_FLAG_CREATE);
    known("RoamingAppData dont-verify", &roaming_id, KF_FLAG_DONT_VERIFY);
    known("unknown id", &bogus_id, 0);
    return 0;
}
