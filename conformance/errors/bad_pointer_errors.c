/* runtimes: msvcrt ucrt */
/* errors/bad_pointer_errors: calls whose buffer the system (not user-mode code) reads or writes
 * fail with an error instead of crashing: ReadFile into a read-only page with ERROR_NOACCESS
 * (998), WriteFile from a PAGE_NOACCESS page with ERROR_INVALID_USER_BUFFER (1784); the file is
 * left as it was.
 * Expected per https://learn.microsoft.com/windows/win32/debug/system-error-codes--500-999-
 * (998 ERROR_NOACCESS: "Invalid access to memory location") and .../system-error-codes--1700-3999-
 * (1784 ERROR_INVALID_USER_BUFFER: "The supplied user buffer is not valid for the requested
 * operation"); which code each call gives is per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    char *ro = VirtualAlloc(NULL, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_READONLY);
    char *na = VirtualAlloc(NULL, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_NOACCESS);
    make_file(L"f.txt", "data");
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    DWORD done;
    SHOW("ReadFile into read-only", ReadFile(h, ro, 4, &done, NULL));
    SHOW("WriteFile from no-access", WriteFile(h, na, 4, &done, NULL));
    CloseHandle(h);
    show_file(L"f.txt");
    return 0;
}
