/* filesys.c: files beyond the basics: sharing, folders, delete-on-close, attributes, overlapped
 * I/O with events, pointers and sizes, information by handle, times, moves and copies, links,
 * locks, I/O controls, with the last-error values after failures.
 * Expected, from Microsoft's documentation:
 * - CreateFileW https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-createfilew
 *   (a second open whose access the first open's share mode does not allow, or whose share mode
 *   does not allow the first open's access: ERROR_SHARING_VIOLATION, 32; folders need
 *   FILE_FLAG_BACKUP_SEMANTICS, else ERROR_ACCESS_DENIED; FILE_FLAG_DELETE_ON_CLOSE deletes the
 *   file when its last handle closes; writing to a read-only file: ERROR_ACCESS_DENIED);
 * - DeleteFileW: a read-only file or a folder gives ERROR_ACCESS_DENIED (5);
 * - SetFileAttributesW sets exactly the attributes given ("The file attributes to set for the
 *   file"): READONLY alone leaves 0x1 (ARCHIVE cleared), NORMAL alone 0x80 (Wine keeps ARCHIVE);
 * - ReadFile/WriteFile with an OVERLAPPED: the offset comes from it, and its event is signaled at
 *   completion ("Synchronization and Overlapped Input and Output");
 * - SetFilePointerEx, GetFileSizeEx, SetEndOfFile, GetFileInformationByHandle(Ex),
 *   SetFileInformationByHandle (FileRenameInfo, FileDispositionInfo, FileEndOfFileInfo,
 *   FileBasicInfo), GetFinalPathNameByHandleW, SetFileTime/GetFileTime (100 ns units),
 *   FileTimeToDosDateTime/DosDateTimeToFileTime (2-second DOS resolution), CompareFileTime,
 *   MoveFileExW (ERROR_ALREADY_EXISTS, 183, without MOVEFILE_REPLACE_EXISTING), CopyFileExW
 *   (progress routine; COPY_FILE_FAIL_IF_EXISTS gives ERROR_FILE_EXISTS, 80), CreateHardLinkW,
 *   CreateSymbolicLinkW, RemoveDirectoryW (ERROR_DIR_NOT_EMPTY, 145), LockFileEx/UnlockFileEx
 *   (ERROR_LOCK_VIOLATION, 33; ERROR_NOT_LOCKED, 158), DeviceIoControl with a code the file does
 *   not know (ERROR_INVALID_FUNCTION, 1), bad handles (ERROR_INVALID_HANDLE, 6);
 * - ReadFileEx/WriteFileEx: the completion routine runs when the thread enters an alertable wait
 *   (SleepEx returns WAIT_IO_COMPLETION); a read past the end starts and completes with
 *   ERROR_HANDLE_EOF (38) ("the call to GetOverlappedResult for that operation returns FALSE").
 * Checked with Wine 8.0, which differs where the documentation wins: as root, Wine lets a read-only
 * file open for writing (the attribute denies it: ERROR_ACCESS_DENIED); a second handle reads a
 * range another handle locked exclusively (LockFileEx: "it cannot access the region through this
 * second handle"); the copy progress routine is not called (CopyProgressRoutine: first called with
 * CALLBACK_STREAM_SWITCH); disk I/O controls on a file give ERROR_NOT_SUPPORTED (here the file
 * system's STATUS_INVALID_DEVICE_REQUEST, ERROR_INVALID_FUNCTION); UnlockFileEx of a range not
 * locked gives ERROR_LOCK_VIOLATION (here STATUS_RANGE_NOT_LOCKED, ERROR_NOT_LOCKED); an overlapped
 * read past the end gives ERROR_IO_PENDING (here ERROR_HANDLE_EOF at once, which "Testing for the
 * End of a File" also documents); Wine's symbolic links are not readable as files. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>
#include <winioctl.h>

#define OK(x) ((x) ? "ok" : "fails")


/* Prints a result and the last error; the call is made before GetLastError is read. */
static void show(const char *what, DWORD result)
{
    DWORD error = GetLastError();
    printf("%s: %lu, error %lu\n", what, result, error);
}

static HANDLE open_file(const WCHAR *name, DWORD access, DWORD share, DWORD disp, DWORD flags)
{
    return CreateFileW(name, access, share, NULL, disp, flags, NULL);
}

static void put(const WCHAR *name, const char *data)
{
    DWORD n;
    HANDLE h = open_file(name, GENERIC_WRITE, 0, CREATE_ALWAYS, 0);
    WriteFile(h, data, strlen(data), &n, NULL);
    CloseHandle(h);
}

static void sharing(void)
{
    HANDLE a, b;
    put(L"share.txt", "data");
    a = open_file(L"share.txt", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, 0);
    SetLastError(0xdeadbeef);
    b = open_file(L"share.txt", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING, 0);
    printf("write while shared for reading: %s, error %lu\n", OK(b != INVALID_HANDLE_VALUE), GetLastError());
    b = open_file(L"share.txt", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, 0);
    printf("second reader: %s\n", OK(b != INVALID_HANDLE_VALUE));
    CloseHandle(b);
    SetLastError(0xdeadbeef);
    b = open_file(L"share.txt", GENERIC_READ, 0, OPEN_EXISTING, 0);
    printf("reader sharing nothing: %s, error %lu\n", OK(b != INVALID_HANDLE_VALUE), GetLastError());
    SetLastError(0xdeadbeef);
    b = open_file(L"share.txt", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, CREATE_ALWAYS, 0);
    printf("CREATE_ALWAYS while open: %s, error %lu\n", OK(b != INVALID_HANDLE_VALUE), GetLastError());
    b = open_file(L"share.txt", FILE_READ_ATTRIBUTES, 0, OPEN_EXISTING, 0);
    printf("attributes-only open: %s\n", OK(b != INVALID_HANDLE_VALUE));
    CloseHandle(b);
    SetLastError(0xdeadbeef);
    show("DeleteFileW while open without FILE_SHARE_DELETE", DeleteFileW(L"share.txt"));
    CloseHandle(a);
    a = open_file(L"share.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, OPEN_EXISTING, 0);
    printf("DeleteFileW while open with FILE_SHARE_DELETE: %d\n", DeleteFileW(L"share.txt"));
    CloseHandle(a);
    printf("gone after the close: %s\n", GetFileAttributesW(L"share.txt") == INVALID_FILE_ATTRIBUTES ? "yes" : "no");
}

static void folders(void)
{
    HANDLE h;
    CreateDirectoryW(L"fdir", NULL);
    SetLastError(0xdeadbeef);
    show("CreateDirectoryW existing", CreateDirectoryW(L"fdir", NULL));
    SetLastError(0xdeadbeef);
    h = open_file(L"fdir", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, 0);
    printf("folder without backup semantics: %s, error %lu\n", OK(h != INVALID_HANDLE_VALUE), GetLastError());
    h = open_file(L"fdir", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS);
    printf("folder with backup semantics: %s\n", OK(h != INVALID_HANDLE_VALUE));
    BY_HANDLE_FILE_INFORMATION info;
    BOOL r = GetFileInformationByHandle(h, &info);
    printf("folder information: %d, directory %s\n", r, info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY ? "yes" : "no");
    CloseHandle(h);
    SetLastError(0xdeadbeef);
    show("DeleteFileW on a folder", DeleteFileW(L"fdir"));
    put(L"fdir\\inside.txt", "x");
    SetLastError(0xdeadbeef);
    show("RemoveDirectoryW not empty", RemoveDirectoryW(L"fdir"));
    DeleteFileW(L"fdir\\inside.txt");
    printf("RemoveDirectoryW empty: %d\n", RemoveDirectoryW(L"fdir"));
    SetLastError(0xdeadbeef);
    show("RemoveDirectoryW missing", RemoveDirectoryW(L"fdir"));
}

static void delete_on_close_and_attributes(void)
{
    HANDLE h = open_file(L"doc.txt", GENERIC_WRITE, 0, CREATE_ALWAYS, FILE_FLAG_DELETE_ON_CLOSE);
    printf("delete-on-close file exists while open: %s\n", GetFileAttributesW(L"doc.txt") != INVALID_FILE_ATTRIBUTES ? "yes" : "no");
    CloseHandle(h);
    printf("after the close: %s\n", GetFileAttributesW(L"doc.txt") == INVALID_FILE_ATTRIBUTES ? "gone" : "still there");

    put(L"ro.txt", "read only");
    BOOL r = SetFileAttributesW(L"ro.txt", FILE_ATTRIBUTE_READONLY);
    printf("SetFileAttributesW(READONLY): %d, now %#lx\n", r, GetFileAttributesW(L"ro.txt"));
    SetLastError(0xdeadbeef);
    h = open_file(L"ro.txt", GENERIC_WRITE, 0, OPEN_EXISTING, 0);
    printf("write-open of a read-only file: %s, error %lu\n", OK(h != INVALID_HANDLE_VALUE), GetLastError());
    if (h != INVALID_HANDLE_VALUE)
        CloseHandle(h);
    h = open_file(L"ro.txt", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, 0);
    printf("read-open of a read-only file: %s\n", OK(h != INVALID_HANDLE_VALUE));
    CloseHandle(h);
    SetLastError(0xdeadbeef);
    show("DeleteFileW of a read-only file", DeleteFileW(L"ro.txt"));
    r = SetFileAttributesW(L"ro.txt", FILE_ATTRIBUTE_NORMAL);
    printf("SetFileAttributesW(NORMAL): %d, now %#lx\n", r, GetFileAttributesW(L"ro.txt"));
    printf("DeleteFileW now: %d\n", DeleteFileW(L"ro.txt"));
    SetLastError(0xdeadbeef);
    show("SetFileAttributesW missing", SetFileAttributesW(L"ro.txt", 0));
    WIN32_FILE_ATTRIBUTE_DATA data;
    put(L"attr.txt", "12345");
    r = GetFileAttributesExW(L"attr.txt", GetFileExInfoStandard, &data);
    printf("GetFileAttributesExW: %d, size %lu, attributes %#lx\n", r, data.nFileSizeLow, data.dwFileAttributes);
    DeleteFileW(L"attr.txt");
}

static void overlapped_and_sizes(void)
{
    HANDLE h = open_file(L"ov.txt", GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED);
    OVERLAPPED ov = { 0 };
    char buf[16] = { 0 };
    DWORD n = 0;
    BOOL ok;

    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ov.Offset = 4;
    ok = WriteFile(h, "abcd", 4, NULL, &ov) || GetLastError() == ERROR_IO_PENDING;
    BOOL r = GetOverlappedResult(h, &ov, &n, TRUE);
    printf("overlapped write at 4: %s, result %d, %lu bytes\n", OK(ok), r, n);
    printf("event signaled: %s\n", WaitForSingleObject(ov.hEvent, 0) == WAIT_OBJECT_0 ? "yes" : "no");
    ov.Offset = 0;
    ResetEvent(ov.hEvent);
    ok = ReadFile(h, buf, 8, NULL, &ov) || GetLastError() == ERROR_IO_PENDING;
    GetOverlappedResult(h, &ov, &n, TRUE);
    printf("overlapped read at 0: %s, %lu bytes, zeros then abcd: %s\n", OK(ok), n,
           !memcmp(buf, "\0\0\0\0abcd", 8) ? "yes" : "no");
    ov.Offset = 100;
    SetLastError(0xdeadbeef);
    ok = ReadFile(h, buf, 8, NULL, &ov);
    show("overlapped read past the end", ok);
    CloseHandle(ov.hEvent);
    CloseHandle(h);

    LARGE_INTEGER pos, size;
    h = open_file(L"ov.txt", GENERIC_READ | GENERIC_WRITE, 0, OPEN_EXISTING, 0);
    pos.QuadPart = 3;
    SetFilePointerEx(h, pos, &pos, FILE_BEGIN);
    printf("SetEndOfFile at 3: %d\n", SetEndOfFile(h));
    GetFileSizeEx(h, &size);
    printf("size now %lld\n", size.QuadPart);
    pos.QuadPart = -1;
    SetFilePointerEx(h, pos, &pos, FILE_END);
    printf("FILE_END - 1: %lld\n", pos.QuadPart);
    pos.QuadPart = -10;
    SetLastError(0xdeadbeef);
    show("negative seek", SetFilePointerEx(h, pos, NULL, FILE_BEGIN));
    pos.QuadPart = 1LL << 32;
    SetFilePointerEx(h, pos, NULL, FILE_BEGIN);
    printf("SetEndOfFile at 4 GiB (sparse): %d\n", SetEndOfFile(h));
    GetFileSizeEx(h, &size);
    printf("size now %lld\n", size.QuadPart);
    printf("FlushFileBuffers: %d\n", FlushFileBuffers(h));
    CloseHandle(h);
    DeleteFileW(L"ov.txt");
}

static void by_handle(void)
{
    BY_HANDLE_FILE_INFORMATION info;
    FILE_STANDARD_INFO std;
    FILE_END_OF_FILE_INFO eof;
    FILE_DISPOSITION_INFO disp = { TRUE };
    WCHAR path[MAX_PATH];
    struct { FILE_RENAME_INFO r; WCHAR more[MAX_PATH]; } ren;
    HANDLE h;

    put(L"info.txt", "0123456789");
    h = open_file(L"info.txt", GENERIC_READ | GENERIC_WRITE | DELETE, 0, OPEN_EXISTING, 0);
    GetFileInformationByHandle(h, &info);
    printf("by handle: size %lu, links %lu, attributes %#lx\n", info.nFileSizeLow, info.nNumberOfLinks, info.dwFileAttributes);
    BOOL r = GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof(std));
    printf("ByHandleEx standard: %d, size %lld, directory %d\n", r, std.EndOfFile.QuadPart, std.Directory);
    SetLastError(0xdeadbeef);
    show("ByHandleEx small buffer", GetFileInformationByHandleEx(h, FileStandardInfo, &std, 4));
    eof.EndOfFile.QuadPart = 4;
    printf("SetFileInformationByHandle EOF: %d\n", SetFileInformationByHandle(h, FileEndOfFileInfo, &eof, sizeof(eof)));
    DWORD n = GetFinalPathNameByHandleW(h, path, MAX_PATH, 0);
    printf("final path: %s\n", n && !wcsncmp(path, L"\\\\?\\", 4) && wcsstr(path, L"\\info.txt") ? "\\\\?\\...\\info.txt" : "wrong");
    printf("final path, no volume: %s\n", GetFinalPathNameByHandleW(h, path, MAX_PATH, VOLUME_NAME_NONE) &&
           path[0] == '\\' && wcsstr(path, L"\\info.txt") ? "\\...\\info.txt" : "wrong");
    printf("final path, buffer 1: %s\n", GetFinalPathNameByHandleW(h, path, 1, 0) == n + 1 ? "needed size" : "wrong");
    memset(&ren, 0, sizeof(ren));
    ren.r.ReplaceIfExists = TRUE;
    wcscpy(ren.r.FileName, L"renamed.txt");
    ren.r.FileNameLength = wcslen(ren.r.FileName) * sizeof(WCHAR);
    printf("rename by handle: %d\n", SetFileInformationByHandle(h, FileRenameInfo, &ren, sizeof(ren)));
    printf("renamed exists: %s, size %lu\n", GetFileAttributesW(L"renamed.txt") != INVALID_FILE_ATTRIBUTES ? "yes" : "no",
           GetFileSize(h, NULL));
    printf("disposition by handle: %d\n", SetFileInformationByHandle(h, FileDispositionInfo, &disp, sizeof(disp)));
    CloseHandle(h);
    printf("deleted at close: %s\n", GetFileAttributesW(L"renamed.txt") == INVALID_FILE_ATTRIBUTES ? "yes" : "no");
    SetLastError(0xdeadbeef);
    show("bad handle", GetFileInformationByHandle((HANDLE)0xdead00, &info));
}

static void times(void)
{
    FILETIME set, got, zero = { 0 }, local, back;
    WORD date, time;
    HANDLE h;

    put(L"time.txt", "t");
    h = open_file(L"time.txt", GENERIC_READ | GENERIC_WRITE, 0, OPEN_EXISTING, 0);
    set.dwHighDateTime = 0x01d00000;
    set.dwLowDateTime = 0x12345677;     /* not a multiple of a microsecond: 100 ns precision */
    printf("SetFileTime: %d\n", SetFileTime(h, NULL, NULL, &set));
    GetFileTime(h, NULL, NULL, &got);
    printf("write time kept to 100 ns: %s\n", CompareFileTime(&set, &got) == 0 ? "yes" : "no");
    printf("CompareFileTime: %ld %ld %ld\n", CompareFileTime(&zero, &set), CompareFileTime(&set, &zero), CompareFileTime(&set, &set));
    CloseHandle(h);
    DeleteFileW(L"time.txt");
    printf("FileTimeToDosDateTime: %d", FileTimeToDosDateTime(&set, &date, &time));
    printf(", back: %d", DosDateTimeToFileTime(date, time, &back));
    printf(", within 2 s: %s\n", (((ULONGLONG)set.dwHighDateTime << 32 | set.dwLowDateTime) -
                                  ((ULONGLONG)back.dwHighDateTime << 32 | back.dwLowDateTime)) < 20000000 ? "yes" : "no");
    SetLastError(0xdeadbeef);
    show("FileTimeToDosDateTime of 1601", FileTimeToDosDateTime(&zero, &date, &time));
    FileTimeToLocalFileTime(&set, &local);
    LocalFileTimeToFileTime(&local, &back);
    printf("local time round trip: %s\n", CompareFileTime(&set, &back) == 0 ? "yes" : "no");
}

static DWORD CALLBACK progress(LARGE_INTEGER total, LARGE_INTEGER done, LARGE_INTEGER stotal, LARGE_INTEGER sdone,
                               DWORD stream, DWORD reason, HANDLE src, HANDLE dst, void *param)
{
    (*(int *)param)++;
    return PROGRESS_CONTINUE;
}

static void moves_and_copies(void)
{
    int calls = 0;
    char buf[32] = { 0 };
    DWORD n;
    HANDLE h;

    put(L"m1.txt", "first");
    put(L"m2.txt", "second");
    SetLastError(0xdeadbeef);
    show("MoveFileExW onto an existing file", MoveFileExW(L"m1.txt", L"m2.txt", 0));
    printf("with MOVEFILE_REPLACE_EXISTING: %d\n", MoveFileExW(L"m1.txt", L"m2.txt", MOVEFILE_REPLACE_EXISTING));
    CreateDirectoryW(L"mdir", NULL);
    printf("across folders: %d\n", MoveFileExW(L"m2.txt", L"mdir\\m3.txt", 0));
    SetLastError(0xdeadbeef);
    show("missing source", MoveFileExW(L"m1.txt", L"m4.txt", 0));
    printf("CopyFileExW with progress: %d", CopyFileExW(L"mdir\\m3.txt", L"c1.txt", progress, &calls, NULL, 0));
    printf(", progress called: %s\n", calls > 0 ? "yes" : "no");
    h = open_file(L"c1.txt", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, 0);
    ReadFile(h, buf, sizeof(buf), &n, NULL);
    CloseHandle(h);
    printf("copy holds: %s\n", buf);
    SetLastError(0xdeadbeef);
    show("CopyFileW fail-if-exists", CopyFileW(L"mdir\\m3.txt", L"c1.txt", TRUE));
    SetLastError(0xdeadbeef);
    show("CopyFileW missing", CopyFileW(L"nothere.txt", L"c2.txt", FALSE));
    printf("CreateHardLinkW: %d", CreateHardLinkW(L"hard.txt", L"c1.txt", NULL));
    BY_HANDLE_FILE_INFORMATION info;
    h = open_file(L"hard.txt", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, 0);
    GetFileInformationByHandle(h, &info);
    CloseHandle(h);
    printf(", links %lu\n", info.nNumberOfLinks);
    SetLastError(0xdeadbeef);
    show("CreateHardLinkW existing", CreateHardLinkW(L"hard.txt", L"c1.txt", NULL));
    BOOLEAN sym = CreateSymbolicLinkW(L"sym.txt", L"c1.txt", SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE);
    printf("CreateSymbolicLinkW: %d", sym);
    if (sym) {
        h = open_file(L"sym.txt", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, 0);
        memset(buf, 0, sizeof(buf));
        ReadFile(h, buf, sizeof(buf), &n, NULL);
        CloseHandle(h);
        printf(", reads %s", buf);
        DeleteFileW(L"sym.txt");
    }
    printf("\n");
    DeleteFileW(L"hard.txt");
    DeleteFileW(L"c1.txt");
    DeleteFileW(L"mdir\\m3.txt");
    RemoveDirectoryW(L"mdir");
}

static void locks_and_controls(void)
{
    HANDLE a, b;
    OVERLAPPED ov = { 0 };
    DWORD n;
    char c;

    put(L"lock.txt", "0123456789");
    a = open_file(L"lock.txt", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING, 0);
    b = open_file(L"lock.txt", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING, 0);
    ov.Offset = 2;
    printf("LockFileEx exclusive 2..5: %d\n", LockFileEx(a, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 4, 0, &ov));
    SetLastError(0xdeadbeef);
    show("second handle locks over it", LockFileEx(b, LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ov));
    SetFilePointer(b, 3, NULL, FILE_BEGIN);
    SetLastError(0xdeadbeef);
    show("second handle reads locked bytes", ReadFile(b, &c, 1, &n, NULL));
    SetFilePointer(b, 8, NULL, FILE_BEGIN);
    printf("second handle reads unlocked bytes: %d\n", ReadFile(b, &c, 1, &n, NULL));
    SetFilePointer(a, 3, NULL, FILE_BEGIN);
    printf("owner reads locked bytes: %d\n", ReadFile(a, &c, 1, &n, NULL));
    SetLastError(0xdeadbeef);
    show("UnlockFileEx of another range", UnlockFileEx(a, 0, 3, 0, &ov));
    printf("UnlockFileEx: %d\n", UnlockFileEx(a, 0, 4, 0, &ov));
    printf("LockFile from the second handle now: %d\n", LockFile(b, 2, 0, 1, 0));
    printf("UnlockFile: %d\n", UnlockFile(b, 2, 0, 1, 0));
    SetLastError(0xdeadbeef);
    show("DeviceIoControl IOCTL_DISK_GET_LENGTH_INFO on a file", DeviceIoControl(a, IOCTL_DISK_GET_LENGTH_INFO, NULL, 0, &ov, sizeof(ov), &n, NULL));
    SetLastError(0xdeadbeef);
    show("DeviceIoControl on a bad handle", DeviceIoControl((HANDLE)0xdead00, FSCTL_SET_SPARSE, NULL, 0, NULL, 0, &n, NULL));
    CloseHandle(a);
    CloseHandle(b);
    DeleteFileW(L"lock.txt");
}

static DWORD completed_error = 12345, completed_bytes;
static OVERLAPPED *completed_ov;
static int completions;

static void CALLBACK completion(DWORD error, DWORD bytes, OVERLAPPED *ov)
{
    completed_error = error;
    completed_bytes = bytes;
    completed_ov = ov;
    completions++;
}

/* ReadFileEx/WriteFileEx: the routine runs at the next alertable wait, not before. */
static void completion_routines(void)
{
    HANDLE h = open_file(L"ex.txt", GENERIC_READ | GENERIC_WRITE, 0, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED);
    OVERLAPPED ov = { 0 };
    char buf[8] = { 0 };
    BOOL ok = WriteFileEx(h, "hello", 5, &ov, completion);
    printf("WriteFileEx: %d, routine run before an alertable wait: %s\n", ok, completions ? "yes" : "no");
    DWORD r = SleepEx(0, TRUE);
    printf("SleepEx alertable: %s, error %lu, bytes %lu, same OVERLAPPED: %s\n",
           r == WAIT_IO_COMPLETION ? "WAIT_IO_COMPLETION" : "other", completed_error, completed_bytes,
           completed_ov == &ov ? "yes" : "no");
    ov.Offset = 1;
    ok = ReadFileEx(h, buf, 3, &ov, completion);
    SleepEx(0, TRUE);
    printf("ReadFileEx at 1: %d, read %s, completions %d\n", ok, buf, completions);
    ov.Offset = 100;
    SetLastError(0xdeadbeef);
    show("ReadFileEx past the end", ReadFileEx(h, buf, 3, &ov, completion));
    r = SleepEx(0, TRUE);
    printf("its routine: %s, error %lu, bytes %lu\n", r == WAIT_IO_COMPLETION ? "run" : "not run",
           completed_error, completed_bytes);
    CloseHandle(h);
    DeleteFileW(L"ex.txt");
}

int main(void)
{
    sharing();
    folders();
    delete_on_close_and_attributes();
    overlapped_and_sizes();
    by_handle();
    times();
    moves_and_copies();
    locks_and_controls();
    completion_routines();
    return 0;
}
