/* listcache.c: a folder listed again after each kind of change, by this process through Win32 and
 * by another process (a Linux /bin/sh), shows the change: names, sizes, attributes and times
 * (vinho caches listings, docs/files.md "Listings"); two folders listed in turn; one folder listed
 * by two threads at once.
 * Expected, from Microsoft's documentation: FindFirstFileW/FindNextFileW give each entry's
 * attributes, size and last write time; a new file has FILE_ATTRIBUTE_ARCHIVE (0x20); MoveFileW
 * into and out of the folder adds and removes the name; WriteFile past the end grows the file
 * (seen before CloseHandle), SetEndOfFile cuts it; SetFileAttributesW sets exactly the bits given;
 * SetFileTime sets the last write time (100 ns units since 1601). Checked with Wine 8.0: the same
 * output except for the part run by /bin/sh: Wine starts the Linux program but its process handle
 * is signaled at once, so there each change shows one step late. Entries are sorted here, since
 * the order is the file system's ("FindNextFileW"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>

#define TIME_A 130000000000000000ULL    /* 2012-12-13 */
#define TIME_B 126444736000000000ULL    /* 2001-09-09 01:46:40 UTC: the Unix time 1000000000 */

struct found {
    WCHAR name[MAX_PATH];
    DWORD attr;
    ULONGLONG size, write;
};

static int compare_found(const void *a, const void *b)
{
    const WCHAR *x = ((const struct found *)a)->name, *y = ((const struct found *)b)->name;
    for (;; x++, y++) {
        WCHAR cx = *x >= 'a' && *x <= 'z' ? *x - 32 : *x, cy = *y >= 'a' && *y <= 'z' ? *y - 32 : *y;
        if (cx != cy || !cx)
            return cx - cy;
    }
}

/* The entries of folder dir matching mask, sorted; returns how many (-1: FindFirstFileW failed). */
static int collect(const WCHAR *dir, const WCHAR *mask, struct found *out, int max)
{
    WCHAR pattern[MAX_PATH];
    WIN32_FIND_DATAW fd;
    HANDLE h;
    int n = 0;
    swprintf(pattern, MAX_PATH, L"%ls\\%ls", dir, mask);
    if ((h = FindFirstFileW(pattern, &fd)) == INVALID_HANDLE_VALUE)
        return -1;
    do {
        if (n == max)
            break;
        wcscpy(out[n].name, fd.cFileName);
        out[n].attr = fd.dwFileAttributes;
        out[n].size = ((ULONGLONG)fd.nFileSizeHigh << 32) | fd.nFileSizeLow;
        out[n].write = ((ULONGLONG)fd.ftLastWriteTime.dwHighDateTime << 32) | fd.ftLastWriteTime.dwLowDateTime;
        n++;
    } while (FindNextFileW(h, &fd));
    FindClose(h);
    qsort(out, n, sizeof(*out), compare_found);
    return n;
}

/* Prints the listing of dir: name, size and attributes of each entry ("." and ".." by name and
 * attributes); the last write time of timed when it is listed. */
static void list(const char *label, const WCHAR *dir, const WCHAR *timed)
{
    static struct found f[64];
    int n = collect(dir, L"*", f, 64);
    printf("%s:", label);
    if (n < 0)
        printf(" error %lu", GetLastError());
    for (int i = 0; i < n; i++) {
        if (!wcscmp(f[i].name, L".") || !wcscmp(f[i].name, L".."))
            printf(" %ls(%lx)", f[i].name, f[i].attr);
        else
            printf(" %ls(%llu,%lx)", f[i].name, f[i].size, f[i].attr);
        if (timed && !wcscmp(f[i].name, timed))
            printf("[%llu]", f[i].write);
    }
    printf("\n");
}

static void put_file(const WCHAR *name, const char *text)
{
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD done;
    if (h == INVALID_HANDLE_VALUE) {
        printf("CreateFileW %ls: error %lu\n", name, GetLastError());
        return;
    }
    WriteFile(h, text, strlen(text), &done, NULL);
    CloseHandle(h);
}

static void set_time(const WCHAR *name, DWORD flags, ULONGLONG t)
{
    FILETIME ft = { (DWORD)t, (DWORD)(t >> 32) };
    HANDLE h = CreateFileW(name, FILE_WRITE_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_EXISTING, flags, NULL);
    if (h == INVALID_HANDLE_VALUE || !SetFileTime(h, NULL, NULL, &ft))
        printf("SetFileTime %ls: error %lu\n", name, GetLastError());
    CloseHandle(h);
}

/* Runs a shell command in another process and waits for it. */
static void shell(const char *label, const char *command)
{
    char line[512];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0;
    snprintf(line, sizeof(line), "/bin/sh -c \"%s\"", command);
    if (!CreateProcessA(NULL, line, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        printf("%s: CreateProcess error %lu\n", label, GetLastError());
        return;
    }
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    if (code)
        printf("%s: exit %lu\n", label, code);
}

static void changes_by_win32(void)
{
    HANDLE h;
    DWORD done;
    list("start", L"lc1", NULL);
    put_file(L"lc1\\a.txt", "0123456789");
    list("created a.txt", L"lc1", NULL);
    DeleteFileW(L"lc1\\a.txt");
    list("deleted a.txt", L"lc1", NULL);
    put_file(L"lc_out.txt", "moved");
    MoveFileW(L"lc_out.txt", L"lc1\\in.txt");
    list("moved in.txt in", L"lc1", NULL);
    MoveFileW(L"lc1\\b.txt", L"lc_b.txt");
    list("moved b.txt out", L"lc1", NULL);
    MoveFileW(L"lc_b.txt", L"lc1\\b.txt");
    list("moved b.txt back", L"lc1", NULL);

    h = CreateFileW(L"lc1\\b.txt", GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    SetFilePointer(h, 0, NULL, FILE_END);
    WriteFile(h, "more bytes", 10, &done, NULL);
    list("b.txt grown, still open", L"lc1", NULL);
    SetFilePointer(h, 2, NULL, FILE_BEGIN);
    SetEndOfFile(h);
    list("b.txt cut by SetEndOfFile", L"lc1", NULL);
    CloseHandle(h);
    list("b.txt closed", L"lc1", NULL);

    SetFileAttributesW(L"lc1\\c.txt", FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_ARCHIVE);
    list("c.txt hidden", L"lc1", NULL);
    SetFileAttributesW(L"lc1\\c.txt", FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_ARCHIVE);
    list("c.txt read-only", L"lc1", NULL);
    SetFileAttributesW(L"lc1\\c.txt", FILE_ATTRIBUTE_ARCHIVE);
    list("c.txt archive", L"lc1", NULL);

    set_time(L"lc1\\c.txt", 0, TIME_A);
    list("c.txt SetFileTime", L"lc1", L"c.txt");
    set_time(L"lc1\\sub", FILE_FLAG_BACKUP_SEMANTICS, TIME_B);
    list("sub SetFileTime", L"lc1", L"sub");
}

static void changes_by_another_process(void)
{
    shell("append", "printf 12345 >> lc1/b.txt");
    list("sh appended to b.txt", L"lc1", NULL);
    shell("touch", "touch -m -d @1000000000 lc1/b.txt");
    list("sh touched b.txt", L"lc1", L"b.txt");
    shell("chmod", "chmod a-w lc1/b.txt");
    list("sh made b.txt read-only", L"lc1", NULL);
    shell("chmod", "chmod u+w lc1/b.txt");
    shell("create", "printf abc > lc1/sh.txt; : > lc1/empty.txt");
    list("sh created sh.txt and empty.txt", L"lc1", NULL);
    shell("remove", "rm lc1/empty.txt");
    list("sh removed empty.txt", L"lc1", NULL);
    shell("rename", "mv lc1/sh.txt lc1/sh2.txt");
    list("sh renamed sh.txt", L"lc1", NULL);
    shell("truncate", "printf 1 > lc1/sh2.txt");
    list("sh rewrote sh2.txt", L"lc1", NULL);
}

static void two_folders(void)
{
    list("lc1", L"lc1", NULL);
    list("lc2", L"lc2", NULL);
    list("lc1", L"lc1", NULL);
    list("lc2", L"lc2", NULL);
    put_file(L"lc2\\z.txt", "zz");
    list("lc1 after lc2 changed", L"lc1", NULL);
    list("lc2 after lc2 changed", L"lc2", NULL);
    put_file(L"lc1\\b.txt", "b");
    list("lc2 after lc1 changed", L"lc2", NULL);
    list("lc1 after lc1 changed", L"lc1", NULL);
}

/* Each thread lists the folder of 300 files many times and checks names and sizes. */
static DWORD WINAPI lister(void *arg)
{
    static struct found f[2][400];
    struct found *mine = f[(INT_PTR)arg];
    LONG bad = 0;
    for (int round = 0; round < 20; round++) {
        int n = collect(L"lc3", L"*", mine, 400);
        if (n != 302)
            bad++;
        for (int i = 2; i < n; i++) {
            int k = _wtoi(mine[i].name + 1);
            if (mine[i].size != (ULONGLONG)(k % 7) || mine[i].attr != FILE_ATTRIBUTE_ARCHIVE)
                bad++;
        }
    }
    return bad;
}

static void two_threads(void)
{
    HANDLE t[2];
    DWORD bad[2];
    WCHAR name[32];
    CreateDirectoryW(L"lc3", NULL);
    for (int i = 0; i < 300; i++) {
        swprintf(name, 32, L"lc3\\f%03d", i);
        put_file(name, "0123456"+ (7 - i % 7));
    }
    for (int i = 0; i < 2; i++)
        t[i] = CreateThread(NULL, 0, lister, (void *)(INT_PTR)i, 0, NULL);
    WaitForMultipleObjects(2, t, TRUE, INFINITE);
    for (int i = 0; i < 2; i++) {
        GetExitCodeThread(t[i], &bad[i]);
        CloseHandle(t[i]);
    }
    printf("two threads listed 300 files 20 times: %lu and %lu wrong\n", bad[0], bad[1]);
    /* The same folder after a change, from the main thread (the threads' listing is cached). */
    put_file(L"lc3\\f005", "0123456789");
    struct found f[4];
    int n = collect(L"lc3", L"f005", f, 4);
    printf("f005 after a change: %d found, size %llu\n", n, n > 0 ? f[0].size : 0);
    for (int i = 0; i < 300; i++) {
        swprintf(name, 32, L"lc3\\f%03d", i);
        DeleteFileW(name);
    }
    RemoveDirectoryW(L"lc3");
}

/* A listing by exact name (FindFirstFileW without wildcards) sees a change too. */
static void exact_name(void)
{
    struct found f[2];
    int n = collect(L"lc1", L"B.TXT", f, 2);
    printf("B.TXT: %d found, %ls %llu\n", n, n > 0 ? f[0].name : L"-", n > 0 ? f[0].size : 0);
    put_file(L"lc1\\b.txt", "1234");
    n = collect(L"lc1", L"B.TXT", f, 2);
    printf("B.TXT after a write: %d found, %ls %llu\n", n, n > 0 ? f[0].name : L"-", n > 0 ? f[0].size : 0);
}

static void cleanup(void)
{
    static const WCHAR *const files[] = { L"lc1\\b.txt", L"lc1\\c.txt", L"lc1\\in.txt", L"lc1\\sh2.txt",
                                          L"lc2\\y.txt", L"lc2\\z.txt" };
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        SetFileAttributesW(files[i], FILE_ATTRIBUTE_NORMAL);
        DeleteFileW(files[i]);
    }
    RemoveDirectoryW(L"lc1\\sub");
    RemoveDirectoryW(L"lc1");
    RemoveDirectoryW(L"lc2");
}

int main(int argc, char **argv)
{
    cleanup();
    CreateDirectoryW(L"lc1", NULL);
    CreateDirectoryW(L"lc1\\sub", NULL);
    CreateDirectoryW(L"lc2", NULL);
    put_file(L"lc1\\b.txt", "bb");
    put_file(L"lc1\\c.txt", "ccc");
    put_file(L"lc2\\y.txt", "yyyy");
    changes_by_win32();
    if (argc < 2 || strcmp(argv[1], "nosh"))
        changes_by_another_process();
    two_folders();
    exact_name();
    two_threads();
    cleanup();
    return 0;
}
