/* runtimes: msvcrt ucrt */
/* files/invalid_names: CreateFileW with characters that are invalid in file names (<, >, |, ", ?)
 * fails with ERROR_INVALID_NAME.
 * Expected per https://learn.microsoft.com/windows/win32/fileio/naming-a-file (reserved
 * characters) and https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499- (123
 * ERROR_INVALID_NAME). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    const WCHAR *names[] = { L"a<b.txt", L"a>b.txt", L"a|b.txt", L"a\"b.txt", L"a?b.txt", L"a*b.txt" };
    for (int i = 0; i < 6; i++) {
        SetLastError(0xdeadbeef);
        HANDLE h = CreateFileW(names[i], GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
        print_w(names[i], -1);
        printf(": %s err=%lu\n", h == INVALID_HANDLE_VALUE ? "INVALID" : "handle", (unsigned long)GetLastError());
        if (h != INVALID_HANDLE_VALUE)
            CloseHandle(h);
    }
    return 0;
}
