/* findmap.c: folder listings with Windows wildcards (FindFirstFileExW/FindNextFileW/FindClose) and
 * file mappings (CreateFileMappingW, MapViewOfFile(Ex), FlushViewOfFile, UnmapViewOfFile,
 * VirtualQuery of a view).
 * Expected, from Microsoft's documentation:
 * - FindFirstFileW: "*.*" matches every name, '?' one character, "*." names without an extension;
 *   "." and ".." are listed in a folder that is not a root; a folder or mask that matches nothing:
 *   ERROR_FILE_NOT_FOUND (2), a missing folder ERROR_PATH_NOT_FOUND (3); FindNextFileW at the end:
 *   ERROR_NO_MORE_FILES (18); FindClose of INVALID_HANDLE_VALUE: ERROR_INVALID_HANDLE (6);
 *   matching ignores case;
 * - CreateFileMappingW: a zero size with INVALID_HANDLE_VALUE: ERROR_INVALID_PARAMETER (87); an
 *   empty file with size 0: ERROR_FILE_INVALID (1006); a read-write mapping of a read-only handle:
 *   ERROR_ACCESS_DENIED (5); a writable mapping larger than its file grows the file;
 * - MapViewOfFile: the offset must be a multiple of the allocation granularity (64 KiB), else
 *   ERROR_MAPPED_ALIGNMENT (1132); VirtualQuery of a view gives MEM_MAPPED; UnmapViewOfFile of an
 *   address that is no view: ERROR_INVALID_ADDRESS (487);
 * - named mappings: the same name again gives the existing one with ERROR_ALREADY_EXISTS (183),
 *   OpenFileMappingW of a missing name ERROR_FILE_NOT_FOUND (2), a name an event holds
 *   ERROR_INVALID_HANDLE (6) (CreateFileMappingW).
 * Checked with Wine 8.0 (same output); entries come sorted ignoring case, as NTFS lists them. A
 * mask loses trailing dots as any final component does, so "*." matches every name, as on Wine.
 * FindNextFileW with a handle that is no find handle faults in Wine; vinho answers
 * ERROR_INVALID_HANDLE (bad handles never crash here). */
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>

static void show(const char *what, DWORD result)
{
    DWORD error = GetLastError();
    printf("%s: %lu, error %lu\n", what, result, error);
}

static void touch(const WCHAR *name)
{
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(h);
}

static void list(const WCHAR *mask)
{
    WIN32_FIND_DATAW fd;
    HANDLE h;
    printf("%ls:", mask);
    SetLastError(0xdeadbeef);
    h = FindFirstFileW(mask, &fd);
    if (h == INVALID_HANDLE_VALUE) {
        printf(" none, error %lu\n", GetLastError());
        return;
    }
    do
        printf(" %ls%s", fd.cFileName, fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY ? "/" : "");
    while (FindNextFileW(h, &fd));
    printf(" (end: error %lu)\n", GetLastError());
    FindClose(h);
}

static void finds(void)
{
    CreateDirectoryW(L"fm", NULL);
    CreateDirectoryW(L"fm\\Sub", NULL);
    touch(L"fm\\b.txt");
    touch(L"fm\\A.TXT");
    touch(L"fm\\noext");
    touch(L"fm\\c.txt.bak");
    touch(L"fm\\ab.c");
    touch(L"fm\\x.y.z");
    list(L"fm\\*");
    list(L"fm\\*.*");
    list(L"fm\\*.txt");
    list(L"fm\\?.txt");
    list(L"fm\\*.");
    list(L"fm\\A*");
    list(L"fm\\a?.c");
    list(L"fm\\*.y.*");
    list(L"fm\\B.TXT");
    list(L"fm\\*.none");
    list(L"nodir\\*");
    list(L"fm\\Sub\\*");
    WIN32_FIND_DATAW fd;
    HANDLE h = FindFirstFileExW(L"fm\\*", FindExInfoBasic, &fd, FindExSearchLimitToDirectories, NULL, 0);
    printf("FindFirstFileExW basic: %s\n", h != INVALID_HANDLE_VALUE ? "ok" : "fails");
    FindClose(h);
    SetLastError(0xdeadbeef);
    show("FindClose(INVALID_HANDLE_VALUE)", FindClose(INVALID_HANDLE_VALUE));
    SetLastError(0xdeadbeef);
    show("FindNextFileW of a bad handle", FindNextFileW((HANDLE)0xdead00, &fd));
    SetLastError(0xdeadbeef);
    h = FindFirstFileExW(L"fm\\*", 99, &fd, FindExSearchNameMatch, NULL, 0);
    show("FindFirstFileExW bad level", h != INVALID_HANDLE_VALUE);
    DeleteFileW(L"fm\\b.txt");
    DeleteFileW(L"fm\\A.TXT");
    DeleteFileW(L"fm\\noext");
    DeleteFileW(L"fm\\c.txt.bak");
    DeleteFileW(L"fm\\ab.c");
    DeleteFileW(L"fm\\x.y.z");
    RemoveDirectoryW(L"fm\\Sub");
    RemoveDirectoryW(L"fm");
}

static void mappings(void)
{
    MEMORY_BASIC_INFORMATION mbi;
    HANDLE file, map, map2;
    char *view, *view2;
    DWORD n;

    SetLastError(0xdeadbeef);
    map = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 0, NULL);
    show("pagefile mapping of size 0", map != NULL);
    map = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 100000, NULL);
    show("pagefile mapping", map != NULL);
    view = MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0);
    view2 = MapViewOfFile(map, FILE_MAP_READ, 0, 65536, 0);
    printf("views: %s, aligned: %s\n", view && view2 ? "ok" : "fail",
           !((ULONG_PTR)view & 0xffff) && !((ULONG_PTR)view2 & 0xffff) ? "yes" : "no");
    strcpy(view + 65536, "shared");
    printf("second view sees the first's write: %s\n", !strcmp(view2, "shared") ? "yes" : "no");
    VirtualQuery(view, &mbi, sizeof(mbi));
    printf("VirtualQuery: type %s, state %s, protect %#lx, base is the view: %s\n",
           mbi.Type == MEM_MAPPED ? "MEM_MAPPED" : "other", mbi.State == MEM_COMMIT ? "MEM_COMMIT" : "other",
           mbi.Protect, mbi.AllocationBase == view ? "yes" : "no");
    SetLastError(0xdeadbeef);
    show("MapViewOfFile unaligned offset", MapViewOfFile(map, FILE_MAP_READ, 0, 4096, 0) != NULL);
    SetLastError(0xdeadbeef);
    show("MapViewOfFile past the end", MapViewOfFile(map, FILE_MAP_READ, 0, 0x20000, 0) != NULL);
    printf("UnmapViewOfFile: %d %d\n", UnmapViewOfFile(view), UnmapViewOfFile(view2));
    SetLastError(0xdeadbeef);
    show("UnmapViewOfFile again", UnmapViewOfFile(view));
    CloseHandle(map);

    file = CreateFileW(L"map.bin", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    SetLastError(0xdeadbeef);
    map = CreateFileMappingW(file, NULL, PAGE_READONLY, 0, 0, NULL);
    show("mapping of an empty file", map != NULL);
    map = CreateFileMappingW(file, NULL, PAGE_READWRITE, 0, 5000, NULL);
    printf("file mapping of 5000 bytes: %s, file size now %lu\n", map ? "ok" : "fails", GetFileSize(file, NULL));
    view = MapViewOfFile(map, FILE_MAP_ALL_ACCESS, 0, 0, 0);
    memcpy(view + 10, "mapped", 6);
    printf("FlushViewOfFile: %d\n", FlushViewOfFile(view, 0));
    char buf[8] = { 0 };
    SetFilePointer(file, 10, NULL, FILE_BEGIN);
    ReadFile(file, buf, 6, &n, NULL);
    printf("ReadFile sees the view's write: %s\n", buf);
    WriteFile(file, "WRITE", 5, &n, NULL);
    printf("the view sees WriteFile: %.5s\n", view + 16);
    map2 = CreateFileMappingW(file, NULL, PAGE_WRITECOPY, 0, 0, NULL);
    view2 = MapViewOfFile(map2, FILE_MAP_COPY, 0, 0, 0);
    view2[10] = 'M';
    printf("copy-on-write stays private: %c %c\n", view2[10], view[10]);
    UnmapViewOfFile(view2);
    CloseHandle(map2);
    UnmapViewOfFile(view);
    CloseHandle(map);
    CloseHandle(file);
    file = CreateFileW(L"map.bin", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0xdeadbeef);
    map = CreateFileMappingW(file, NULL, PAGE_READWRITE, 0, 0, NULL);
    show("read-write mapping of a read-only handle", map != NULL);
    SetLastError(0xdeadbeef);
    map = CreateFileMappingW(file, NULL, PAGE_READONLY, 0, 10000, NULL);
    show("read-only mapping larger than the file", map != NULL);
    CloseHandle(file);
    DeleteFileW(L"map.bin");
    SetLastError(0xdeadbeef);
    show("MapViewOfFile of a bad handle", MapViewOfFile((HANDLE)0xdead00, FILE_MAP_READ, 0, 0, 0) != NULL);
}

/* Named mappings: one name, one section, seen through every handle and view. */
static void named(void)
{
    HANDLE a, b, c, ev;
    char *va, *vc;
    SetLastError(0xdeadbeef);
    a = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, L"vinho_map");
    show("named mapping", a != NULL);
    SetLastError(0xdeadbeef);
    b = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, L"vinho_map");
    show("the same name again", b != NULL);
    SetLastError(0xdeadbeef);
    c = OpenFileMappingW(FILE_MAP_READ, FALSE, L"vinho_map");
    show("OpenFileMappingW", c != NULL);
    va = MapViewOfFile(a, FILE_MAP_WRITE, 0, 0, 0);
    vc = MapViewOfFile(c, FILE_MAP_READ, 0, 0, 0);
    strcpy(va, "named");
    printf("seen through the opened handle: %s\n", vc ? vc : "(no view)");
    UnmapViewOfFile(va);
    UnmapViewOfFile(vc);
    CloseHandle(a);
    CloseHandle(b);
    CloseHandle(c);
    SetLastError(0xdeadbeef);
    show("OpenFileMappingW after the last close", OpenFileMappingW(FILE_MAP_READ, FALSE, L"vinho_map") != NULL);
    ev = CreateEventW(NULL, TRUE, FALSE, L"vinho_event");
    SetLastError(0xdeadbeef);
    show("a mapping named as an event", CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, L"vinho_event") != NULL);
    CloseHandle(ev);
}

int main(void)
{
    finds();
    mappings();
    named();
    return 0;
}
