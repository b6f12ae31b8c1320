/* runtimes: msvcrt ucrt */
/* files/createfile_path_not_found_vs_file: which of ERROR_FILE_NOT_FOUND and ERROR_PATH_NOT_FOUND
 * CreateFileW and GetFileAttributesW set: a missing last component, a missing middle folder, a
 * file used as a folder.
 * Expected per https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499- (2 and
 * 3). The error for a file used as a folder is per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "x");
    const WCHAR *names[] = { L"missing", L"nodir\\x", L"f.txt\\x", L"nodir\\nodir2\\x" };
    for (int i = 0; i < 4; i++) {
        SetLastError(0xdeadbeef);
        HANDLE h = CreateFileW(names[i], GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
        DWORD e1 = GetLastError();
        SetLastError(0xdeadbeef);
        GetFileAttributesW(names[i]);
        print_w(names[i], -1);
        printf(": open=%s err=%lu attrs err=%lu\n", h == INVALID_HANDLE_VALUE ? "INVALID" : "handle",
               (unsigned long)e1, (unsigned long)GetLastError());
    }
    return 0;
}
