/* runtimes: msvcrt ucrt */
/* files/bad_handles: file calls on a handle that was never opened and on a closed handle fail with
 * ERROR_INVALID_HANDLE; CloseHandle(NULL) likewise.
 * Expected per https://learn.microsoft.com/windows/win32/api/handleapi/nf-handleapi-closehandle
 * and https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-. Wine 8.0 agrees.
 * */
#include "common.h"

int main(void)
{
    char buf[4];
    DWORD done;
    HANDLE bogus = (HANDLE)(ULONG_PTR)0x1230;
    SHOW("read bogus", ReadFile(bogus, buf, 4, &done, NULL));
    SHOW("write bogus", WriteFile(bogus, "x", 1, &done, NULL));
    SHOW("close NULL", CloseHandle(NULL));
    SHOW("close bogus", CloseHandle(bogus));
    HANDLE h = CreateFileW(L"f.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    CloseHandle(h);
    SHOW("write closed", WriteFile(h, "x", 1, &done, NULL));
    return 0;
}
