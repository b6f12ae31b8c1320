/* fsops.c: the short ways of opening, querying and deleting files keep Windows' rules: handles
 * opened for deletion or attributes only (vinho opens no descriptor for them), DeleteFileW (one
 * call on the ELF side), FileDispositionInfoEx, delete-pending, and attributes stored by
 * SetFileAttributesW read back by a new process.
 * Expected, from Microsoft's documentation:
 * - DeleteFileW https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-deletefilew
 *   ("If an application attempts to delete a file that has other handles open for normal I/O or
 *   as a memory-mapped file, the function fails and GetLastError returns ERROR_SHARING_VIOLATION";
 *   a read-only file fails with ERROR_ACCESS_DENIED; "The DeleteFile function marks a file for
 *   deletion on close ... Subsequent calls to CreateFile to open the file fail with
 *   ERROR_ACCESS_DENIED");
 * - FILE_DISPOSITION_INFO_EX (FILE_DISPOSITION_FLAG_DELETE 0x1, _POSIX_SEMANTICS 0x2,
 *   _IGNORE_READONLY_ATTRIBUTE 0x10: "allows read-only files to be deleted"; STATUS_CANNOT_DELETE
 *   (ERROR_ACCESS_DENIED) for a read-only file without it),
 *   https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/ntddk/ns-ntddk-_file_disposition_information_ex;
 * - FILE_DISPOSITION_INFO: DeleteFile FALSE takes the mark back ("Indicates whether the file
 *   should be deleted"), and the file then stays;
 * - GetFileInformationByHandleEx(FileStandardInfo).DeletePending; a handle opened with DELETE
 *   access only may query and rename (MoveFileEx opens so);
 * - SetFileAttributesW/GetFileAttributesW: hidden and system read back in another process.
 * "fsops attr NAME [HEX]" sets and prints attributes for shell-tests.sh's checks of copies made by
 * cp and tar; "fsops delete NAME" prints DeleteFileW's answer for shell-tests.sh, which checks that a device
 * is never removed (NUL is /dev/null, which a root user could remove): ERROR_INVALID_PARAMETER
 * (87), as Wine 8.0 answers for DeleteFileW(L"NUL") (no documentation says).
 * Checked with Wine 8.0, which differs where the documentation wins: a file whose disposition is
 * set opens again and DeleteFileW succeeds on it (DeletePending stays 0), so the rest of that part
 * differs too; FileDispositionInfoEx fails with ERROR_INVALID_PARAMETER; attributes always have
 * ARCHIVE (0x27, and 0x20 after FILE_ATTRIBUTE_NORMAL; see conformance files/attributes_set).
 */
#define _WIN32_WINNT 0x0A000007    /* FILE_DISPOSITION_INFO_EX */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#define OK(x) ((x) ? "ok" : "fails")

static void put(const WCHAR *name, const char *text)
{
    DWORD n;
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(h, text, (DWORD)strlen(text), &n, NULL);
    CloseHandle(h);
}

static void show(const char *what, BOOL r)
{
    printf("%s: %d, error %lu\n", what, r, r ? 0 : GetLastError());
}

static BOOL exists(const WCHAR *name)
{
    return GetFileAttributesW(name) != INVALID_FILE_ATTRIBUTES;
}

static HANDLE open_delete(const WCHAR *name, DWORD share)
{
    return CreateFileW(name, DELETE, share, NULL, OPEN_EXISTING, 0, NULL);
}

/* A handle with DELETE access only: queried, renamed, marked and unmarked. */
static void delete_only_handle(void)
{
    FILE_STANDARD_INFO std;
    FILE_DISPOSITION_INFO disp;
    BY_HANDLE_FILE_INFORMATION info;
    put(L"fs_a.txt", "12345");
    HANDLE h = open_delete(L"FS_A.TXT", FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE);
    printf("DELETE-only open (other case): %s\n", OK(h != INVALID_HANDLE_VALUE));
    BOOL r = GetFileInformationByHandle(h, &info);
    printf("its information: %d, size %lu, links %lu\n", r, info.nFileSizeLow, info.nNumberOfLinks);
    disp.DeleteFile = TRUE;
    show("marked for deletion", SetFileInformationByHandle(h, FileDispositionInfo, &disp, sizeof(disp)));
    r = GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof(std));
    printf("delete pending: %d %d\n", r, std.DeletePending);
    SetLastError(0xdeadbeef);
    HANDLE g = CreateFileW(L"fs_a.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           NULL, OPEN_EXISTING, 0, NULL);
    printf("open while delete is pending: %s, error %lu\n", OK(g != INVALID_HANDLE_VALUE), GetLastError());
    if (g != INVALID_HANDLE_VALUE)
        CloseHandle(g);
    SetLastError(0xdeadbeef);
    show("DeleteFileW while delete is pending", DeleteFileW(L"fs_a.txt"));
    disp.DeleteFile = FALSE;
    show("mark taken back", SetFileInformationByHandle(h, FileDispositionInfo, &disp, sizeof(disp)));
    CloseHandle(h);
    printf("still there after the close: %s\n", exists(L"fs_a.txt") ? "yes" : "no");

    h = open_delete(L"fs_a.txt", FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE);
    show("MoveFileExW of a file open for DELETE sharing all", MoveFileExW(L"fs_a.txt", L"fs_b.txt", 0));
    CloseHandle(h);
    printf("moved: %s %s\n", exists(L"fs_a.txt") ? "yes" : "no", exists(L"fs_b.txt") ? "yes" : "no");

    /* The read-only check of a handle that holds no descriptor sees a change made meanwhile. */
    h = open_delete(L"fs_b.txt", FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE);
    show("made read-only by name", SetFileAttributesW(L"fs_b.txt", FILE_ATTRIBUTE_READONLY));
    disp.DeleteFile = TRUE;
    SetLastError(0xdeadbeef);
    show("marking it now", SetFileInformationByHandle(h, FileDispositionInfo, &disp, sizeof(disp)));
    CloseHandle(h);
    SetFileAttributesW(L"fs_b.txt", FILE_ATTRIBUTE_NORMAL);
    show("DeleteFileW", DeleteFileW(L"fs_b.txt"));
    printf("gone: %s\n", exists(L"fs_b.txt") ? "no" : "yes");
}

/* FileDispositionInfoEx: read-only files need FILE_DISPOSITION_FLAG_IGNORE_READONLY_ATTRIBUTE. */
static void disposition_ex(void)
{
    FILE_DISPOSITION_INFO_EX ex;
    put(L"fs_ro.txt", "r");
    SetFileAttributesW(L"fs_ro.txt", FILE_ATTRIBUTE_READONLY);
    HANDLE h = open_delete(L"fs_ro.txt", FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE);
    ex.Flags = FILE_DISPOSITION_FLAG_DELETE | FILE_DISPOSITION_FLAG_POSIX_SEMANTICS;
    SetLastError(0xdeadbeef);
    show("DispositionEx of a read-only file", SetFileInformationByHandle(h, FileDispositionInfoEx, &ex, sizeof(ex)));
    ex.Flags |= FILE_DISPOSITION_FLAG_IGNORE_READONLY_ATTRIBUTE;
    show("with IGNORE_READONLY_ATTRIBUTE", SetFileInformationByHandle(h, FileDispositionInfoEx, &ex, sizeof(ex)));
    CloseHandle(h);
    printf("gone after the close: %s\n", exists(L"fs_ro.txt") ? "no" : "yes");
}

/* DeleteFileW against other handles of this process. */
static void delete_and_other_handles(void)
{
    char buf[8] = { 0 };
    DWORD n = 0;
    put(L"fs_c.txt", "data");
    HANDLE h = CreateFileW(L"fs_c.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0xdeadbeef);
    show("DeleteFileW while open without FILE_SHARE_DELETE", DeleteFileW(L"FS_C.TXT"));
    CloseHandle(h);
    h = open_delete(L"fs_c.txt", FILE_SHARE_READ | FILE_SHARE_WRITE);
    SetLastError(0xdeadbeef);
    show("DeleteFileW while a DELETE handle shares no delete", DeleteFileW(L"fs_c.txt"));
    CloseHandle(h);
    h = CreateFileW(L"fs_c.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    show("DeleteFileW while open with FILE_SHARE_DELETE", DeleteFileW(L"fs_c.txt"));
    BOOL r = ReadFile(h, buf, sizeof(buf) - 1, &n, NULL);
    printf("the open handle still reads: %d, \"%s\"\n", r, buf);
    CloseHandle(h);
    printf("gone after the close: %s\n", exists(L"fs_c.txt") ? "no" : "yes");
    SetLastError(0xdeadbeef);
    show("DeleteFileW again", DeleteFileW(L"fs_c.txt"));
    SetLastError(0xdeadbeef);
    show("DeleteFileW in a missing folder", DeleteFileW(L"fs_nodir\\x.txt"));
    CreateDirectoryW(L"fs_dir", NULL);
    SetLastError(0xdeadbeef);
    show("DeleteFileW of a folder", DeleteFileW(L"fs_dir"));
    RemoveDirectoryW(L"fs_dir");
}

/* Hidden and system as a second process reads them (no cache of this one). */
static void stored_attributes(const char *self)
{
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char cmd[MAX_PATH + 16];
    DWORD code = 0;
    put(L"fs_h.txt", "h");
    put(L"fs_n.txt", "n");
    SetFileAttributesW(L"fs_h.txt", FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM | FILE_ATTRIBUTE_READONLY);
    HANDLE h = CreateFileW(L"fs_s.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_SYSTEM, NULL);
    CloseHandle(h);
    snprintf(cmd, sizeof(cmd), "\"%s\" child", self);
    fflush(stdout);     /* the child writes to the same file */
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        printf("CreateProcessA: error %lu\n", GetLastError());
        return;
    }
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    printf("child exit %lu\n", code);
    SetFileAttributesW(L"fs_h.txt", FILE_ATTRIBUTE_NORMAL);
    printf("cleared: %#lx\n", GetFileAttributesW(L"fs_h.txt"));
    DeleteFileW(L"fs_h.txt");
    DeleteFileW(L"fs_n.txt");
    DeleteFileW(L"fs_s.txt");
}

static void child(void)
{
    WIN32_FILE_ATTRIBUTE_DATA d;
    WIN32_FIND_DATAW f;
    GetFileAttributesExW(L"fs_h.txt", GetFileExInfoStandard, &d);
    printf("in another process: hidden+system+read-only %#lx, ", d.dwFileAttributes);
    GetFileAttributesExW(L"fs_n.txt", GetFileExInfoStandard, &d);
    printf("plain %#lx, ", d.dwFileAttributes);
    HANDLE find = FindFirstFileW(L"fs_s.txt", &f);
    printf("created system (listed) %#lx\n", find != INVALID_HANDLE_VALUE ? f.dwFileAttributes : 0);
    FindClose(find);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child")) {
        child();
        return 0;
    }
    if (argc > 2 && !strcmp(argv[1], "attr")) {     /* attr NAME [HEX]: set, then print */
        if (argc > 3 && !SetFileAttributesA(argv[2], strtoul(argv[3], NULL, 16)))
            printf("SetFileAttributesA: error %lu\n", GetLastError());
        printf("attributes %#lx\n", GetFileAttributesA(argv[2]));
        return 0;
    }
    if (argc > 2 && !strcmp(argv[1], "delete")) {
        SetLastError(0xdeadbeef);
        show("DeleteFileA", DeleteFileA(argv[2]));
        return 0;
    }
    delete_only_handle();
    disposition_ex();
    delete_and_other_handles();
    stored_attributes(argv[0]);
    return 0;
}
