/* reopen.c: ReOpenFile (the same file with other access, sharing and flags) and CancelIo/
 * CancelIoEx when no request is pending.
 * Expected, from Microsoft's documentation:
 * - ReOpenFile (https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-reopenfile):
 *   "You cannot request an access mode that conflicts with the sharing mode specified in a
 *   previous open request whose handle is still open" and "You cannot request a sharing mode
 *   that conflicts with the access mode specified in a previous open request" (so both give
 *   ERROR_SHARING_VIOLATION, 32, as CreateFile does); dwFlagsAndAttributes "cannot contain any of
 *   the file attribute flags (FILE_ATTRIBUTE_*)" (ERROR_INVALID_PARAMETER, 87); failure returns
 *   INVALID_HANDLE_VALUE. The new handle is the same file: same data, same file index.
 * - CancelIoEx (https://learn.microsoft.com/windows/win32/fileio/cancelioex-func): "If this
 *   function cannot find a request to cancel, the return value is 0 (zero), and GetLastError
 *   returns ERROR_NOT_FOUND" (1168); an overlapped request that completed keeps its result.
 *   Wine 8.0 succeeds for CancelIoEx(h, NULL) with nothing pending; the documentation wins.
 * - CancelIo with nothing pending succeeds; a bad handle is ERROR_INVALID_HANDLE (6).
 * Wine 8.0 agrees with everything else. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

static void show(const char *what, BOOL ok)
{
    printf("%s: %s err=%lu\n", what, ok ? "ok" : "failed", ok ? 0 : GetLastError());
}

static void show_handle(const char *what, HANDLE h)
{
    if (h == INVALID_HANDLE_VALUE)
        printf("%s: INVALID_HANDLE_VALUE err=%lu\n", what, GetLastError());
    else
        printf("%s: handle\n", what);
}

static void reopen_tests(void)
{
    BY_HANDLE_FILE_INFORMATION i1, i2;
    char buf[16] = { 0 };
    DWORD n = 0;
    HANDLE h, r, d, rd;

    DeleteFileW(L"reopen_a.txt");
    h = CreateFileW(L"reopen_a.txt", GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_NEW, 0, NULL);
    WriteFile(h, "hello", 5, &n, NULL);

    r = ReOpenFile(h, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, 0);
    show_handle("reopen for reading", r);
    show("read", ReadFile(r, buf, sizeof(buf) - 1, &n, NULL));
    printf("read %lu bytes: %s\n", n, buf);
    GetFileInformationByHandle(h, &i1);
    GetFileInformationByHandle(r, &i2);
    printf("same file index: %s\n", i1.nFileIndexLow == i2.nFileIndexLow &&
           i1.nFileIndexHigh == i2.nFileIndexHigh ? "yes" : "no");
    CloseHandle(r);

    /* the original shares reading only: writing is refused */
    show_handle("reopen for writing", ReOpenFile(h, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, 0));
    /* the original writes: a share mode without FILE_SHARE_WRITE is refused */
    show_handle("reopen sharing read only", ReOpenFile(h, GENERIC_READ, FILE_SHARE_READ, 0));
    show_handle("reopen with an attribute", ReOpenFile(h, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                                       FILE_ATTRIBUTE_NORMAL));
    show_handle("reopen a bad handle", ReOpenFile((HANDLE)(ULONG_PTR)0x1234, GENERIC_READ, FILE_SHARE_READ, 0));

    /* the reopened handle's own share mode binds later opens */
    r = ReOpenFile(h, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_FLAG_SEQUENTIAL_SCAN);
    show_handle("reopen sequential", r);
    CloseHandle(h);
    /* with no writer left, a reopen may refuse write sharing; then writers are refused */
    h = ReOpenFile(r, GENERIC_READ, FILE_SHARE_READ, 0);
    show_handle("reopen sharing read only, no writer left", h);
    show_handle("open for writing while a reopen refuses it",
                CreateFileW(L"reopen_a.txt", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                            OPEN_EXISTING, 0, NULL));
    d = CreateFileW(L"reopen_a.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                    OPEN_EXISTING, 0, NULL);
    show_handle("open for reading while reopened", d);
    CloseHandle(d);
    CloseHandle(h);
    CloseHandle(r);

    /* a folder: only with backup semantics, as CreateFile */
    CreateDirectoryW(L"reopen_dir", NULL);
    d = CreateFileW(L"reopen_dir", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                    NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    rd = ReOpenFile(d, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                    FILE_FLAG_BACKUP_SEMANTICS);
    show_handle("reopen a folder", rd);
    printf("reopened folder is a folder: %s\n",
           GetFileAttributesW(L"reopen_dir") & FILE_ATTRIBUTE_DIRECTORY &&
           GetFileInformationByHandle(rd, &i1) && (i1.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) ? "yes" : "no");
    CloseHandle(rd);
    show_handle("reopen a folder without backup semantics",
                ReOpenFile(d, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, 0));
    CloseHandle(d);
    RemoveDirectoryW(L"reopen_dir");

    /* delete on close through the reopened handle */
    h = CreateFileW(L"reopen_a.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL,
                    OPEN_EXISTING, 0, NULL);
    r = ReOpenFile(h, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, FILE_FLAG_DELETE_ON_CLOSE);
    show_handle("reopen delete-on-close", r);
    CloseHandle(r);
    CloseHandle(h);
    printf("file after both closed: %s\n",
           GetFileAttributesW(L"reopen_a.txt") == INVALID_FILE_ATTRIBUTES ? "gone" : "still there");
}

static void cancel_tests(void)
{
    OVERLAPPED ov;
    char buf[8];
    DWORD n = 0;
    HANDLE h, rd, wr;

    h = CreateFileW(L"reopen_c.txt", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                    FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (!WriteFile(h, "data", 4, NULL, &ov) && GetLastError() == ERROR_IO_PENDING)
        WaitForSingleObject(ov.hEvent, INFINITE);
    show("overlapped write result", GetOverlappedResult(h, &ov, &n, TRUE));
    show("CancelIo", CancelIo(h));
    show("CancelIoEx of a completed request", CancelIoEx(h, &ov));
    show("result after cancel", GetOverlappedResult(h, &ov, &n, FALSE));
    printf("bytes written: %lu\n", n);
    show("CancelIoEx of everything", CancelIoEx(h, NULL));
    CloseHandle(ov.hEvent);
    CloseHandle(h);

    CreatePipe(&rd, &wr, NULL, 0);
    WriteFile(wr, "x", 1, &n, NULL);
    show("CancelIoEx on a pipe", CancelIoEx(rd, NULL));
    show("read after cancel", ReadFile(rd, buf, 1, &n, NULL));
    CloseHandle(rd);
    CloseHandle(wr);

    show("CancelIo bad handle", CancelIo((HANDLE)(ULONG_PTR)0x1234));
    show("CancelIoEx bad handle", CancelIoEx((HANDLE)(ULONG_PTR)0x1234, NULL));
}

int main(void)
{
    reopen_tests();
    cancel_tests();
    return 0;
}
