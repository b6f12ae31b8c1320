/* files.c: files through CreateFileW/ReadFile/WriteFile/DeleteFileW and through msvcrt's stdio,
 * in the current folder (out/ of the build tree), with the errors Windows gives.
 * Expected, from Microsoft's documentation:
 * - CreateFileW https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-createfilew
 *   (CREATE_NEW on an existing file: ERROR_FILE_EXISTS, 80; CREATE_ALWAYS and OPEN_ALWAYS on an
 *   existing file succeed with ERROR_ALREADY_EXISTS, 183, CREATE_ALWAYS truncating it; on a new
 *   file "the last-error code is set to zero"; a missing file: ERROR_FILE_NOT_FOUND, 2; a missing
 *   folder: ERROR_PATH_NOT_FOUND, 3);
 * - ReadFile at the end of a file: TRUE with 0 bytes read
 *   https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-readfile;
 * - DeleteFileW of a missing file: ERROR_FILE_NOT_FOUND;
 * - GetFileAttributesW of a new file: FILE_ATTRIBUTE_ARCHIVE (0x20);
 * - fopen/fprintf in text mode write "\r\n" for "\n"; fopen of a missing file sets errno ENOENT
 *   (2) https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/fopen-wfopen;
 *   remove https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/remove-wremove.
 * Checked with Wine 8.0. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <windows.h>

static const WCHAR name[] = L"vinho_files.txt";

static HANDLE create(const WCHAR *path, DWORD disposition, const char *what)
{
    HANDLE h;
    SetLastError(1234);
    h = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, disposition, FILE_ATTRIBUTE_NORMAL, NULL);
    printf("%s: %s, error %lu\n", what, h == INVALID_HANDLE_VALUE ? "INVALID_HANDLE_VALUE" : "handle",
           GetLastError());
    return h;
}

static DWORD size_of(const WCHAR *path)
{
    HANDLE h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    DWORD size;
    if (h == INVALID_HANDLE_VALUE)
        return (DWORD)-1;
    size = GetFileSize(h, NULL);
    CloseHandle(h);
    return size;
}

/* CreateFileW, WriteFile, ReadFile, GetFileSize, GetFullPathNameW */
static int write_read_back(void)
{
    static const char data[] = "line one\r\nline two\n";
    WCHAR full[MAX_PATH];
    char buf[100];
    DWORD n, len;
    BOOL ok;
    HANDLE h;

    h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    printf("CREATE_NEW: %s\n", h == INVALID_HANDLE_VALUE ? "INVALID_HANDLE_VALUE" : "handle");
    if (h == INVALID_HANDLE_VALUE)
        return 1;
    ok = WriteFile(h, data, strlen(data), &n, NULL);
    printf("WriteFile: %s, %lu bytes\n", ok ? "TRUE" : "FALSE", n);
    printf("SetFilePointer to 0: %lu\n", SetFilePointer(h, 0, NULL, FILE_BEGIN));
    memset(buf, 0xff, sizeof(buf));
    ok = ReadFile(h, buf, sizeof(buf), &n, NULL);
    printf("ReadFile: %s, %lu bytes, same data: %s\n", ok ? "TRUE" : "FALSE", n,
           n == strlen(data) && !memcmp(buf, data, n) && buf[n] == (char)0xff ? "yes" : "no");
    n = 1234;
    ok = ReadFile(h, buf, sizeof(buf), &n, NULL);
    printf("ReadFile at the end: %s, %lu bytes\n", ok ? "TRUE" : "FALSE", n);
    printf("GetFileSize: %lu\n", GetFileSize(h, NULL));
    printf("CloseHandle: %s\n", CloseHandle(h) ? "TRUE" : "FALSE");
    printf("GetFileAttributesW: %#lx\n", GetFileAttributesW(name));
    len = GetFullPathNameW(name, MAX_PATH, full, NULL);
    printf("GetFullPathNameW: ends with \\%ls: %s\n", name,
           len > 20 && len == wcslen(full) && !wcscmp(full + len - wcslen(name) - 1, L"\\vinho_files.txt") ? "yes" : "no");
    printf("size through the full path: %lu\n", size_of(full));
    return 0;
}

/* The dispositions on an existing and on a new file, and the errors of missing names. */
static void dispositions_and_errors(void)
{
    HANDLE h;
    DWORD attr;
    BOOL ok;

    create(name, CREATE_NEW, "CREATE_NEW on an existing file");
    h = create(name, OPEN_ALWAYS, "OPEN_ALWAYS on an existing file");
    CloseHandle(h);
    printf("size after OPEN_ALWAYS: %lu\n", size_of(name));
    h = create(name, CREATE_ALWAYS, "CREATE_ALWAYS on an existing file");
    CloseHandle(h);
    printf("size after CREATE_ALWAYS: %lu\n", size_of(name));
    h = create(L"vinho_files_new.txt", CREATE_ALWAYS, "CREATE_ALWAYS on a new file");
    CloseHandle(h);
    DeleteFileW(L"vinho_files_new.txt");
    h = create(L"vinho_files_new.txt", OPEN_ALWAYS, "OPEN_ALWAYS on a new file");
    CloseHandle(h);
    DeleteFileW(L"vinho_files_new.txt");

    create(L"vinho_no_such_file.txt", OPEN_EXISTING, "OPEN_EXISTING on a missing file");
    create(L"vinho_no_such_dir\\file.txt", OPEN_EXISTING, "OPEN_EXISTING in a missing folder");
    create(L"vinho_no_such_dir\\file.txt", CREATE_NEW, "CREATE_NEW in a missing folder");
    SetLastError(1234);
    printf("DeleteFileW: %s\n", DeleteFileW(name) ? "TRUE" : "FALSE");
    SetLastError(1234);
    ok = DeleteFileW(name);
    printf("DeleteFileW again: %s, error %lu\n", ok ? "TRUE" : "FALSE", GetLastError());
    SetLastError(1234);
    attr = GetFileAttributesW(name);
    printf("GetFileAttributesW of the deleted file: %#lx, error %lu\n", attr, GetLastError());
}

/* msvcrt's stdio in text and binary mode, and its errors. */
static int stdio_files(void)
{
    char buf[100];
    size_t n;
    FILE *f;
    int r;

    f = fopen("vinho_stdio.txt", "w");
    printf("fopen w: %s\n", f ? "FILE" : "NULL");
    if (!f)
        return 1;
    fprintf(f, "%d %s\n", 1, "one");
    fprintf(f, "%d %s\n", 2, "two");
    printf("fclose: %d\n", fclose(f));
    printf("size on disk: %lu (CR LF line ends)\n", size_of(L"vinho_stdio.txt"));
    f = fopen("vinho_stdio.txt", "r");
    while (f && fgets(buf, sizeof(buf), f))
        printf("text read: %u bytes, ends with a bare LF: %s\n", (unsigned)strlen(buf),
               buf[strlen(buf) - 1] == '\n' && buf[strlen(buf) - 2] != '\r' ? "yes" : "no");
    if (f)
        fclose(f);
    f = fopen("vinho_stdio.txt", "rb");
    n = f ? fread(buf, 1, sizeof(buf), f) : 0;
    printf("binary read: %lu bytes, starts with \"1 one\\r\\n\": %s\n", (unsigned long)n,
           n >= 7 && !memcmp(buf, "1 one\r\n", 7) ? "yes" : "no");
    if (f)
        fclose(f);
    f = fopen("vinho_stdio.txt", "a");
    if (f) {
        fputs("3 three\n", f);
        fclose(f);
    }
    printf("size after append: %lu\n", size_of(L"vinho_stdio.txt"));
    errno = 0;
    f = fopen("vinho_no_such_file.txt", "r");
    printf("fopen of a missing file: %s, errno %d\n", f ? "FILE" : "NULL", errno);
    errno = 0;
    f = fopen("vinho_no_such_dir/file.txt", "w");
    printf("fopen in a missing folder: %s, errno %d\n", f ? "FILE" : "NULL", errno);
    printf("remove: %d\n", remove("vinho_stdio.txt"));
    errno = 0;
    r = remove("vinho_stdio.txt");
    printf("remove again: %d, errno %d\n", r, errno);
    return 0;
}

int main(void)
{
    DeleteFileW(name);      /* what an interrupted run left */
    DeleteFileW(L"vinho_files_new.txt");
    DeleteFileA("vinho_stdio.txt");
    if (write_read_back())
        return 1;
    dispositions_and_errors();
    return stdio_files();
}
