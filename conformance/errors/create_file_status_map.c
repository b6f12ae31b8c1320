/* runtimes: msvcrt ucrt */
/* errors/create_file_status_map: the last errors CreateFileW sets, as a table of situations (the
 * NTSTATUS to Win32 mapping seen from Win32).
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilew
 * (CREATE_NEW on an existing name: ERROR_FILE_EXISTS (80); a file that does not exist:
 * ERROR_FILE_NOT_FOUND (2)) and
 * https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-; the rows "dir as
 * file" (5), "file as dir" and "missing folder" (3) are per Wine 8.0 (not yet recorded on
 * Windows). */
#include "common.h"

int main(void)
{
    CreateDirectoryW(L"d", NULL);
    make_file(L"f.txt", "x");
    struct { const char *what; const WCHAR *name; DWORD access, disp, flags; } t[] = {
        { "dir as file", L"d", GENERIC_READ, OPEN_EXISTING, 0 },
        { "file as dir", L"f.txt\\x", GENERIC_READ, OPEN_EXISTING, 0 },
        { "create existing dir", L"d", GENERIC_WRITE, CREATE_NEW, 0 },
        { "missing file", L"nope.txt", GENERIC_READ, OPEN_EXISTING, 0 },
        { "missing folder", L"nope\\x.txt", GENERIC_READ, OPEN_EXISTING, 0 },
    };
    for (int i = 0; i < 5; i++) {
        SetLastError(0xdeadbeef);
        HANDLE h = CreateFileW(t[i].name, t[i].access, 0, NULL, t[i].disp, t[i].flags, NULL);
        printf("%s: %s err=%lu\n", t[i].what, h == INVALID_HANDLE_VALUE ? "INVALID" : "handle", (unsigned long)GetLastError());
        if (h != INVALID_HANDLE_VALUE)
            CloseHandle(h);
    }
    return 0;
}
