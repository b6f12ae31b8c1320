/* runtimes: msvcrt ucrt */
/* console/set_std_handle: SetStdHandle replaces the handle GetStdHandle returns; an invalid
 * nStdHandle fails with ERROR_INVALID_HANDLE.
 * Expected per https://learn.microsoft.com/windows/console/setstdhandle. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE old = GetStdHandle(STD_ERROR_HANDLE);
    HANDLE f = CreateFileW(L"err.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    SHOW("set", SetStdHandle(STD_ERROR_HANDLE, f));
    printf("same=%d\n", GetStdHandle(STD_ERROR_HANDLE) == f);
    SHOW("bad", SetStdHandle(-99, f));
    SetStdHandle(STD_ERROR_HANDLE, old);
    CloseHandle(f);
    return 0;
}
