/* finalpath.c: GetFinalPathNameByHandleW with every documented flag: FILE_NAME_NORMALIZED and
 * FILE_NAME_OPENED, VOLUME_NAME_DOS (\\?\C:\dir\file), VOLUME_NAME_GUID (\\?\Volume{guid}\...),
 * VOLUME_NAME_NT (\Device\HarddiskVolumeN\...), VOLUME_NAME_NONE (\dir\file); the return values.
 * Expected, from https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfinalpathnamebyhandlew:
 * the length without the terminating null on success; when the buffer is too small, "the return
 * value is the required buffer size, in TCHARs. This value includes the size of the terminating
 * null character"; an invalid flag combination fails with ERROR_INVALID_PARAMETER (87). The
 * volume GUID and device number are whatever the volume has: the test checks their form, that
 * they are the same for two files of one volume, and that the path after them is the file's.
 * Wine 8.0 agrees. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>

static WCHAR full[MAX_PATH], rest[MAX_PATH];    /* the file's full path; it without "X:" */

/* "ok" when got is prefix + rest, where prefix is checked by the caller. */
static const char *tail_ok(const WCHAR *got, size_t prefix_len)
{
    return !wcscmp(got + prefix_len, rest) ? "ok" : "wrong";
}

/* Length of a \\?\Volume{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} prefix, 0 if not one. */
static size_t guid_prefix(const WCHAR *p)
{
    static const WCHAR form[] = L"\\\\?\\Volume{........-....-....-....-............}";
    size_t n = wcslen(form);
    for (size_t i = 0; i < n; i++) {
        if (form[i] == '.' ? !iswxdigit(p[i]) : p[i] != form[i])
            return 0;
    }
    return n;
}

/* Length of a \Device\HarddiskVolumeN prefix, 0 if not one. */
static size_t nt_prefix(const WCHAR *p)
{
    static const WCHAR dev[] = L"\\Device\\HarddiskVolume";
    size_t n = wcslen(dev);
    if (wcsncmp(p, dev, n) || !iswdigit(p[n]))
        return 0;
    while (iswdigit(p[n]))
        n++;
    return n;
}

static void show_error(const char *what, DWORD ret)
{
    printf("%s: ret=%lu err=%lu\n", what, ret, GetLastError());
}

int main(void)
{
    WCHAR buf[MAX_PATH], guid1[64];
    DWORD n, len;
    HANDLE h, h2, dir;
    size_t p;

    CreateDirectoryW(L"fp_dir", NULL);
    h = CreateFileW(L"fp_dir\\f.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    h2 = CreateFileW(L"fp_dir\\g.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    GetFullPathNameW(L"fp_dir\\f.txt", MAX_PATH, full, NULL);
    wcscpy(rest, full + 2);

    len = GetFinalPathNameByHandleW(h, buf, MAX_PATH, FILE_NAME_NORMALIZED | VOLUME_NAME_DOS);
    printf("dos: %s, length %s\n", !wcsncmp(buf, L"\\\\?\\", 4) && !wcscmp(buf + 4, full) ? "ok" : "wrong",
           len == wcslen(buf) ? "ok" : "wrong");
    GetFinalPathNameByHandleW(h, buf, MAX_PATH, FILE_NAME_OPENED | VOLUME_NAME_DOS);
    printf("opened dos: %s\n", !wcsncmp(buf, L"\\\\?\\", 4) && !wcscmp(buf + 4, full) ? "ok" : "wrong");
    n = GetFinalPathNameByHandleW(h, buf, MAX_PATH, VOLUME_NAME_NONE);
    printf("none: %s, length %s\n", tail_ok(buf, 0), n == wcslen(rest) ? "ok" : "wrong");
    GetFinalPathNameByHandleW(h, buf, MAX_PATH, FILE_NAME_OPENED | VOLUME_NAME_NONE);
    printf("opened none: %s\n", tail_ok(buf, 0));

    n = GetFinalPathNameByHandleW(h, buf, MAX_PATH, VOLUME_NAME_NT);
    p = nt_prefix(buf);
    printf("nt: prefix %s, path %s, length %s\n", p ? "ok" : "wrong", p ? tail_ok(buf, p) : "-",
           n == wcslen(buf) ? "ok" : "wrong");

    n = GetFinalPathNameByHandleW(h, buf, MAX_PATH, VOLUME_NAME_GUID);
    p = guid_prefix(buf);
    printf("guid: prefix %s, path %s, length %s\n", p ? "ok" : "wrong", p ? tail_ok(buf, p) : "-",
           n == wcslen(buf) ? "ok" : "wrong");
    wcsncpy(guid1, buf, p);
    guid1[p] = 0;
    GetFinalPathNameByHandleW(h2, buf, MAX_PATH, VOLUME_NAME_GUID);
    printf("guid of a second file: %s\n", p && !wcsncmp(buf, guid1, p) ? "same" : "different");
    GetFinalPathNameByHandleW(h, buf, MAX_PATH, VOLUME_NAME_GUID);
    printf("guid again: %s\n", p && !wcsncmp(buf, guid1, p) ? "same" : "different");

    /* Sizes: exact fit, one short, no buffer. */
    len = GetFinalPathNameByHandleW(h, buf, MAX_PATH, VOLUME_NAME_DOS);
    printf("exact fit: %s\n", GetFinalPathNameByHandleW(h, buf, len + 1, VOLUME_NAME_DOS) == len ? "length" : "wrong");
    printf("one short: %s\n", GetFinalPathNameByHandleW(h, buf, len, VOLUME_NAME_DOS) == len + 1 ? "size with null" : "wrong");
    printf("no buffer: %s\n", GetFinalPathNameByHandleW(h, NULL, 0, VOLUME_NAME_DOS) == len + 1 ? "size with null" : "wrong");
    n = GetFinalPathNameByHandleW(h, NULL, 0, VOLUME_NAME_NT);
    printf("nt no buffer: %s\n", n == GetFinalPathNameByHandleW(h, buf, MAX_PATH, VOLUME_NAME_NT) + 1 ? "size with null" : "wrong");
    n = GetFinalPathNameByHandleW(h, NULL, 0, VOLUME_NAME_GUID);
    printf("guid no buffer: %s\n", n == GetFinalPathNameByHandleW(h, buf, MAX_PATH, VOLUME_NAME_GUID) + 1 ? "size with null" : "wrong");

    /* A folder. */
    dir = CreateFileW(L"fp_dir", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                      FILE_FLAG_BACKUP_SEMANTICS, NULL);
    GetFinalPathNameByHandleW(dir, buf, MAX_PATH, VOLUME_NAME_NONE);
    wcsrchr(rest, '\\')[0] = 0;
    printf("folder: %s\n", tail_ok(buf, 0));
    CloseHandle(dir);

    SetLastError(0xdeadbeef);
    show_error("nt and guid", GetFinalPathNameByHandleW(h, buf, MAX_PATH, VOLUME_NAME_NT | VOLUME_NAME_GUID));
    SetLastError(0xdeadbeef);
    show_error("unknown flag", GetFinalPathNameByHandleW(h, buf, MAX_PATH, 0x10));
    SetLastError(0xdeadbeef);
    show_error("bad handle", GetFinalPathNameByHandleW((HANDLE)0xdead0, buf, MAX_PATH, 0));

    CloseHandle(h);
    CloseHandle(h2);
    DeleteFileW(L"fp_dir\\f.txt");
    DeleteFileW(L"fp_dir\\g.txt");
    RemoveDirectoryW(L"fp_dir");
    return 0;
}
