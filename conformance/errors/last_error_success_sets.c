/* runtimes: msvcrt ucrt */
/* errors/last_error_success_sets: calls documented to set ERROR_ALREADY_EXISTS on success
 * (CreateEventW of an existing name, CreateFileW with OPEN_ALWAYS on an existing file) and 0
 * otherwise.
 * Expected per https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-createeventw and
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilew. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    SetLastError(0xdeadbeef);
    HANDLE a = CreateEventW(NULL, TRUE, FALSE, L"conf_event");
    printf("new event err=%lu\n", (unsigned long)GetLastError());
    HANDLE b = CreateEventW(NULL, TRUE, FALSE, L"conf_event");
    printf("existing event err=%lu same object=%d\n", (unsigned long)GetLastError(), b != NULL);
    CloseHandle(a); CloseHandle(b);
    SetLastError(0xdeadbeef);
    HANDLE f = CreateFileW(L"f.txt", GENERIC_WRITE, 0, NULL, OPEN_ALWAYS, 0, NULL);
    printf("new file err=%lu\n", (unsigned long)GetLastError());
    CloseHandle(f);
    return 0;
}
