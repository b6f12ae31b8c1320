/* errors/bad_pointer_errors: Win32 calls given a bad output pointer fail with ERROR_NOACCESS (998)
 * instead of crashing: ReadFile into a read-only page, GetCurrentDirectoryW into one.
 * Expected per https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499- (998
 * ERROR_NOACCESS: "Invalid access to memory location"). expected per Wine 8.0 (not yet recorded on
 * Windows). */
#include "common.h"

int main(void)
{
    char *ro = VirtualAlloc(NULL, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_READONLY);
    make_file(L"f.txt", "data");
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    DWORD done;
    SHOW("ReadFile", ReadFile(h, ro, 4, &done, NULL));
    CloseHandle(h);
    SHOW("GetCurrentDirectoryW", GetCurrentDirectoryW(100, (WCHAR *)ro));
    return 0;
}
