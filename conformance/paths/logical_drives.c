/* runtimes: msvcrt ucrt */
/* paths/logical_drives: GetLogicalDrives includes the current folder's drive;
 * GetLogicalDriveStringsW size query counts the final terminator.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getlogicaldrives
 * and .../nf-fileapi-getlogicaldrivestringsw. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    init_cwd();
    DWORD mask = GetLogicalDrives();
    printf("current drive in mask=%d\n", (int)((mask >> (towupper(cwd_w[0]) - 'A')) & 1));
    WCHAR buf[256];
    DWORD n = GetLogicalDriveStringsW(256, buf);
    int count = 0;
    for (WCHAR *p = buf; *p; p += wcslen(p) + 1)
        count++;
    int bits = 0;
    for (int i = 0; i < 26; i++)
        bits += (mask >> i) & 1;
    printf("strings match mask=%d length=4*count=%d\n", count == bits, n == (DWORD)(4 * count));
    return 0;
}
