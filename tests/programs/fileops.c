/* fileops.c: folders and renames by name, and their last-error values.
 * Expected values: Microsoft docs for CreateDirectoryW (ERROR_ALREADY_EXISTS 183,
 * ERROR_PATH_NOT_FOUND 3), MoveFileExW (ERROR_ALREADY_EXISTS 183 without
 * MOVEFILE_REPLACE_EXISTING; ERROR_FILE_NOT_FOUND 2 for a missing source), RemoveDirectoryW
 * (the folder must be empty: ERROR_DIR_NOT_EMPTY 145), DeleteFileW (ERROR_FILE_NOT_FOUND 2;
 * a folder gives ERROR_ACCESS_DENIED 5). Runs in its own scratch folder. */
#include <stdio.h>
#include <windows.h>

static void report(const char *what, BOOL ok)
{
    printf("%-44s %s", what, ok ? "ok" : "failed");
    if (!ok)
        printf(", error %lu", GetLastError());
    printf("\n");
}

static void touch(const WCHAR *name, const char *text)
{
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD n;
    WriteFile(h, text, lstrlenA(text), &n, NULL);
    CloseHandle(h);
}

static void show(const WCHAR *name)
{
    char buf[32] = "";
    DWORD n = 0;
    HANDLE h = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        printf("  %ls: missing\n", name);
        return;
    }
    ReadFile(h, buf, sizeof(buf) - 1, &n, NULL);
    buf[n] = 0;
    printf("  %ls: \"%s\"\n", name, buf);
    CloseHandle(h);
}

int main(void)
{
    report("CreateDirectoryW(fo_dir)", CreateDirectoryW(L"fo_dir", NULL));
    report("CreateDirectoryW(fo_dir) again", CreateDirectoryW(L"fo_dir", NULL));
    report("CreateDirectoryW(fo_none\\sub)", CreateDirectoryW(L"fo_none\\sub", NULL));
    touch(L"fo_dir\\a.txt", "first");
    touch(L"fo_dir\\b.txt", "second");
    report("MoveFileExW(a, b) without replace", MoveFileExW(L"fo_dir\\a.txt", L"fo_dir\\b.txt", 0));
    report("MoveFileExW(a, b, REPLACE_EXISTING)",
           MoveFileExW(L"fo_dir\\a.txt", L"fo_dir\\b.txt", MOVEFILE_REPLACE_EXISTING));
    show(L"fo_dir\\a.txt");
    show(L"fo_dir\\b.txt");
    report("MoveFileW(missing, c)", MoveFileW(L"fo_dir\\missing.txt", L"fo_dir\\c.txt"));
    report("MoveFileW(b, c) with forward slashes", MoveFileW(L"fo_dir/b.txt", L"fo_dir/c.txt"));
    show(L"fo_dir\\c.txt");
    report("RemoveDirectoryW(fo_dir) not empty", RemoveDirectoryW(L"fo_dir"));
    report("DeleteFileW(fo_dir) a folder", DeleteFileW(L"fo_dir"));
    report("MoveFileW(fo_dir, fo_moved) a folder", MoveFileW(L"fo_dir", L"fo_moved"));
    report("DeleteFileW(fo_moved\\c.txt)", DeleteFileW(L"fo_moved\\c.txt"));
    report("DeleteFileW(fo_moved\\c.txt) again", DeleteFileW(L"fo_moved\\c.txt"));
    report("RemoveDirectoryW(fo_moved)", RemoveDirectoryW(L"fo_moved"));
    report("RemoveDirectoryW(fo_moved) again", RemoveDirectoryW(L"fo_moved"));
    report("GetFileAttributesW(fo_moved) is gone",
           GetFileAttributesW(L"fo_moved") == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_FILE_NOT_FOUND);
    return 0;
}
