/* paths.c: Windows path rules, the prefix's drives and folders, temp names, SearchPath and
 * volume queries, with the last-error values after failures.
 * Expected, from Microsoft's documentation:
 * - Naming Files, Paths, and Namespaces
 *   https://learn.microsoft.com/en-us/windows/win32/fileio/naming-a-file ('/' is '\', "." and ".."
 *   fold, a final component loses trailing dots and spaces, reserved names (NUL, CON, COM1, even
 *   with an extension) are devices, "\\?\" turns off all parsing, < > : " | ? * are invalid in names);
 * - GetFullPathNameW, GetTempPathW (ends with a backslash), GetTempFileNameW (prefix's first three
 *   characters, the hex number, ".TMP"; with a nonzero uUnique no file is created),
 *   GetLongPathNameW/GetShortPathNameW (the file must exist: ERROR_FILE_NOT_FOUND), SearchPathW
 *   (ERROR_FILE_NOT_FOUND), SetCurrentDirectoryW, GetDriveTypeW (DRIVE_NO_ROOT_DIR for a missing
 *   drive), GetLogicalDrives, GetLogicalDriveStringsW, GetDiskFreeSpaceExW, GetVolumeInformationW,
 *   GetVolumeInformationByHandleW;
 * - ERROR_INVALID_NAME (123) for a name with wildcards, ERROR_FILENAME_EXCED_RANGE (206) for a path
 *   longer than 32,767 characters.
 * Checked with Wine 8.0, which differs in two places where the documentation wins: "NUL.txt" in
 * any folder is the NUL device (Naming Files: "NUL.txt ... not recommended", the reserved name
 * followed by an extension), and GetTempFileNameW's names end in ".TMP" as documented (Wine: ".tmp").
 * Wine 8 also reports success from GetVolumeInformationByHandleW on a bad handle; we fail with
 * ERROR_INVALID_HANDLE, as every function given a bad handle does. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>


/* Prints a result and the last error; the call is made before GetLastError is read. */
static void show(const char *what, DWORD result)
{
    DWORD error = GetLastError();
    printf("%s: %lu, error %lu\n", what, result, error);
}

static void full(const WCHAR *in)
{
    WCHAR out[MAX_PATH];
    DWORD n = GetFullPathNameW(in, MAX_PATH, out, NULL);
    printf("full %ls -> %ls (%lu)\n", in, n ? out : L"(fail)", n);
}

static void try_create(const WCHAR *name, const char *what)
{
    SetLastError(0xdeadbeef);
    HANDLE h = CreateFileW(name, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("open %s: %s, error %lu\n", what, h == INVALID_HANDLE_VALUE ? "fails" : "ok", GetLastError());
    if (h != INVALID_HANDLE_VALUE)
        CloseHandle(h);
}

static void touch(const WCHAR *name)
{
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (h != INVALID_HANDLE_VALUE)
        CloseHandle(h);
}

static void rules(void)
{
    full(L"C:\\a\\b\\..\\c");
    full(L"C:/a/./b/");
    full(L"C:\\a\\b. . ");
    full(L"C:\\a\\..\\..\\..\\x");
    full(L"\\\\?\\C:\\a\\..\\b");
    full(L"C:\\dir\\NUL.txt");
    full(L"COM1");
    full(L"C:\\x\\CONOUT$");
}

static void devices(void)
{
    DWORD n;
    HANDLE h = CreateFileW(L"nul", GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("nul: %s, type %lu, write %d\n", h == INVALID_HANDLE_VALUE ? "fails" : "ok",
           GetFileType(h), WriteFile(h, "x", 1, &n, NULL));
    CloseHandle(h);
    h = CreateFileW(L"C:\\nowhere\\NUL.txt", GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("NUL.txt in a missing folder: %s\n", h == INVALID_HANDLE_VALUE ? "fails" : "ok (the device)");
    CloseHandle(h);
}

static void names(void)
{
    WIN32_FIND_DATAW fd;
    HANDLE h;
    WCHAR longname[40010];

    touch(L"CaseTest.TXT");
    try_create(L"casetest.txt", "other case");
    try_create(L"CASETEST.TXT", "upper case");
    h = FindFirstFileW(L"CASETEST.txt", &fd);
    printf("find other case: %ls\n", h == INVALID_HANDLE_VALUE ? L"(none)" : fd.cFileName);
    FindClose(h);
    touch(L"trail.txt. . ");
    try_create(L"trail.txt", "trailing dots and spaces stripped");
    try_create(L"nofile.txt", "missing file");
    try_create(L"nodir\\file.txt", "missing folder");
    SetLastError(0xdeadbeef);
    show("attributes in a missing folder", GetFileAttributesW(L"nodir\\file.txt"));
    SetLastError(0xdeadbeef);
    show("attributes of a missing file", GetFileAttributesW(L"nofile.txt"));
    try_create(L"a<b.txt", "name with <");
    try_create(L"a*b.txt", "name with *");
    try_create(L"a?b.txt", "name with ?");
    try_create(L"a|b.txt", "name with |");
    wcscpy(longname, L"C:\\");
    for (int i = 0; i < 40000; i++)
        longname[3 + i] = 'a' + i % 26;
    longname[40003] = 0;
    SetLastError(0xdeadbeef);
    show("attributes of a 40,000-character path", GetFileAttributesW(longname));
    try_create(longname, "a 40,000-character path");
    WCHAR abs[MAX_PATH + 4] = L"\\\\?\\";
    GetFullPathNameW(L"CaseTest.TXT", MAX_PATH, abs + 4, NULL);
    try_create(abs, "\\\\?\\ full path");
    try_create(L"\\\\?\\C:/windows", "\\\\?\\ with a forward slash");
}

static void folders(void)
{
    WCHAR buf[MAX_PATH], tmp[MAX_PATH], name[MAX_PATH];
    DWORD n;
    UINT u;

    GetCurrentDirectoryW(MAX_PATH, buf);
    printf("current folder on Z: %s\n", buf[0] == 'Z' && buf[1] == ':' && buf[2] == '\\' ? "yes" : "no");
    n = GetWindowsDirectoryW(buf, MAX_PATH);
    printf("windows folder: %s (%lu)\n", !_wcsicmp(buf, L"C:\\windows") ? "C:\\windows" : "other", n);
    n = GetSystemDirectoryW(buf, MAX_PATH);
    printf("system folder: %s (%lu)\n", !_wcsicmp(buf, L"C:\\windows\\system32") ? "C:\\windows\\system32" : "other", n);
    n = GetTempPathW(MAX_PATH, tmp);
    printf("temp path ends with a backslash: %s, exists: %s\n", n && tmp[n - 1] == '\\' ? "yes" : "no",
           GetFileAttributesW(tmp) & FILE_ATTRIBUTE_DIRECTORY ? "yes" : "no");
    printf("temp path, size 1: %s\n", GetTempPathW(1, buf) == n + 1 ? "needed size" : "wrong");
    u = GetTempFileNameW(tmp, L"vinho", 0, name);
    printf("temp file: %s, name %ls, exists: %s\n", u ? "ok" : "fails", wcsstr(name, L"vin") ? L"vin....TMP" : name,
           GetFileAttributesW(name) != INVALID_FILE_ATTRIBUTES ? "yes" : "no");
    DeleteFileW(name);
    u = GetTempFileNameW(L".", L"ab", 0x1234, name);
    printf("temp name with unique %#x: %ls, exists: %s\n", u, name,
           GetFileAttributesW(name) != INVALID_FILE_ATTRIBUTES ? "yes" : "no");
    CreateDirectoryW(L"Sub Folder", NULL);
    printf("SetCurrentDirectoryW(sub folder): %d\n", SetCurrentDirectoryW(L"sub folder"));
    GetCurrentDirectoryW(MAX_PATH, buf);
    printf("now in: %ls\n", wcsrchr(buf, '\\'));
    printf("SetCurrentDirectoryW(..): %d\n", SetCurrentDirectoryW(L".."));
    SetLastError(0xdeadbeef);
    show("SetCurrentDirectoryW(missing)", SetCurrentDirectoryW(L"nodir"));
    SetLastError(0xdeadbeef);
    show("SetCurrentDirectoryW(a file)", SetCurrentDirectoryW(L"CaseTest.TXT"));
    RemoveDirectoryW(L"Sub Folder");
}

static void lookups(void)
{
    WCHAR buf[MAX_PATH], *part = NULL;
    DWORD n;

    n = SearchPathW(NULL, L"casetest", L".txt", MAX_PATH, buf, &part);
    printf("SearchPathW: %s, file part %ls\n", n ? "found" : "not found", part ? part : L"(none)");
    SetLastError(0xdeadbeef);
    n = SearchPathW(NULL, L"no such file.txt", NULL, MAX_PATH, buf, NULL);
    show("SearchPathW missing", n);
    n = SearchPathW(L"C:\\windows;.", L"CaseTest.TXT", NULL, MAX_PATH, buf, NULL);
    printf("SearchPathW in a path list: %s\n", n ? "found" : "not found");
    n = GetLongPathNameW(L"CaseTest.TXT", buf, MAX_PATH);
    printf("GetLongPathNameW: %ls (%lu)\n", buf, n);
    n = GetShortPathNameW(L"CaseTest.TXT", buf, MAX_PATH);
    printf("GetShortPathNameW of an 8.3 name: %ls (%lu)\n", buf, n);
    SetLastError(0xdeadbeef);
    n = GetLongPathNameW(L"missing.txt", buf, MAX_PATH);
    show("GetLongPathNameW missing", n);
    printf("GetLongPathNameW size 1: %lu\n", GetLongPathNameW(L"CaseTest.TXT", buf, 1));
}

static void volumes(void)
{
    ULARGE_INTEGER avail, total, total_free;
    WCHAR label[MAX_PATH], fs[MAX_PATH], drives[200];
    DWORD serial, maxcomp, flags, spc, bps, fc, tc, mask = GetLogicalDrives();
    BOOL ok;

    printf("drive types: C %u, Z %u, Q %u\n", GetDriveTypeW(L"C:\\"), GetDriveTypeW(L"Z:\\"), GetDriveTypeW(L"Q:\\"));
    printf("logical drives: C %s, Z %s\n", mask & (1 << 2) ? "yes" : "no", mask & (1 << 25) ? "yes" : "no");
    DWORD n = GetLogicalDriveStringsW(200, drives);
    printf("drive strings: %s, starts with a root: %s\n", n ? "ok" : "fails",
           drives[1] == ':' && drives[2] == '\\' && !drives[3] ? "yes" : "no");
    ok = GetDiskFreeSpaceExW(L"C:\\", &avail, &total, &total_free);
    printf("free space: %d, sane: %s\n", ok, total.QuadPart && avail.QuadPart <= total.QuadPart ? "yes" : "no");
    ok = GetDiskFreeSpaceExW(NULL, &avail, NULL, NULL);
    printf("free space of the current drive: %d\n", ok);
    ok = GetDiskFreeSpaceW(L"C:\\", &spc, &bps, &fc, &tc);
    printf("GetDiskFreeSpaceW: %d, sector size %lu\n", ok, bps);
    SetLastError(0xdeadbeef);
    ok = GetDiskFreeSpaceExW(L"Q:\\", &avail, NULL, NULL);
    show("free space of a missing drive", ok);
    ok = GetVolumeInformationW(L"C:\\", label, MAX_PATH, &serial, &maxcomp, &flags, fs, MAX_PATH);
    printf("volume: %d, file system %ls, max component %lu, case preserved %s\n", ok, fs, maxcomp,
           flags & FILE_CASE_PRESERVED_NAMES ? "yes" : "no");
    /* The same volume seen through an open folder of it. */
    HANDLE dir = CreateFileW(L"C:\\windows", FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE,
                             NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    WCHAR fs2[MAX_PATH] = L"";
    DWORD serial2 = 0, flags2 = 0;
    ok = GetVolumeInformationByHandleW(dir, NULL, 0, &serial2, NULL, &flags2, fs2, MAX_PATH);
    printf("volume by handle: %d, same file system, serial and flags: %s\n", ok,
           !wcscmp(fs, fs2) && serial == serial2 && flags == flags2 ? "yes" : "no");
    CloseHandle(dir);
    SetLastError(0xdeadbeef);
    ok = GetVolumeInformationByHandleW((HANDLE)0xbad0, NULL, 0, NULL, NULL, NULL, NULL, 0);
    show("volume by a bad handle", ok);
}

int main(void)
{
    rules();
    devices();
    names();
    folders();
    lookups();
    volumes();
    DeleteFileW(L"CaseTest.TXT");
    DeleteFileW(L"trail.txt");
    return 0;
}
