/* runtimes: msvcrt ucrt */
/* files/create_errors: the last error CreateFileW sets for a missing file, a missing folder in
 * the path, CREATE_NEW over an existing file, and OPEN_ALWAYS/CREATE_ALWAYS over an existing
 * file (ERROR_ALREADY_EXISTS with success).
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilew
 * (dwCreationDisposition table) and System Error Codes
 * (https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-): 2 file not found,
 * 3 path not found, 80 file exists, 183 already exists. Wine 8.0 agrees. */
#include "common.h"

static void try_open(const char *label, const WCHAR *name, DWORD disp)
{
    SetLastError(0xdeadbeef);
    HANDLE h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, disp, 0, NULL);
    DWORD err = GetLastError();
    printf("%s: %s err=%lu\n", label, h == INVALID_HANDLE_VALUE ? "INVALID" : "handle",
           (unsigned long)err);
    if (h != INVALID_HANDLE_VALUE)
        CloseHandle(h);
}

int main(void)
{
    try_open("open missing", L"missing.txt", OPEN_EXISTING);
    try_open("open in missing dir", L"nodir\\missing.txt", OPEN_EXISTING);
    try_open("create in missing dir", L"nodir\\new.txt", CREATE_NEW);
    try_open("create new", L"a.txt", CREATE_NEW);
    try_open("create new again", L"a.txt", CREATE_NEW);
    try_open("open always existing", L"a.txt", OPEN_ALWAYS);
    try_open("open always new", L"b.txt", OPEN_ALWAYS);
    try_open("create always existing", L"a.txt", CREATE_ALWAYS);
    try_open("truncate existing", L"a.txt", TRUNCATE_EXISTING);
    try_open("truncate missing", L"c.txt", TRUNCATE_EXISTING);
    try_open("bad disposition", L"a.txt", 0);
    try_open("empty name", L"", OPEN_EXISTING);
    return 0;
}
