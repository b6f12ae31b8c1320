/* runtimes: msvcrt ucrt */
/* paths/temppath: GetTempPathW ends with a backslash; the size query counts the terminator and the
 * result does not.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-gettemppathw. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    WCHAR buf[MAX_PATH + 1];
    DWORD need = GetTempPathW(0, NULL);
    DWORD n = GetTempPathW(MAX_PATH + 1, buf);
    printf("n>0=%d need=n+1=%d trailing backslash=%d\n", n > 0, need == n + 1, buf[n - 1] == '\\');
    DWORD attr = GetFileAttributesW(buf);
    printf("is a folder=%d\n", attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY));
    return 0;
}
