/* runtimes: msvcrt ucrt */
/* files/delete_on_close: FILE_FLAG_DELETE_ON_CLOSE removes the file when its last handle closes.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilew
 * (FILE_FLAG_DELETE_ON_CLOSE). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileW(L"t.tmp", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_DELETE, NULL, CREATE_NEW,
                           FILE_FLAG_DELETE_ON_CLOSE, NULL);
    printf("open=%d\n", h != INVALID_HANDLE_VALUE);
    SHOW("exists while open", GetFileAttributesW(L"t.tmp") != INVALID_FILE_ATTRIBUTES);
    CloseHandle(h);
    SHOW("after close", GetFileAttributesW(L"t.tmp"));
    return 0;
}
