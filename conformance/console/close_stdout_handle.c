/* runtimes: msvcrt ucrt */
/* console/close_stdout_handle: after CloseHandle on the stdout handle, WriteFile to it fails with
 * ERROR_INVALID_HANDLE; the transcript ends there (the exit code is still seen).
 * Expected per https://learn.microsoft.com/windows/win32/api/handleapi/nf-handleapi-closehandle.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    printf("before\n");
    fflush(stdout);
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    CloseHandle(out);
    DWORD done;
    SetLastError(0xdeadbeef);
    BOOL ok = WriteFile(out, "x", 1, &done, NULL);
    ExitProcess(ok ? 1 : GetLastError());
    return 0;
}
