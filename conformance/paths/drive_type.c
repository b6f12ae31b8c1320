/* runtimes: msvcrt ucrt */
/* paths/drive_type: GetDriveTypeW: the current folder's drive is fixed (3); a drive letter with no
 * root is DRIVE_NO_ROOT_DIR (1); a NULL root means the current drive.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getdrivetypew.
 * Wine 8.0 agrees on the first two; the third is per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    printf("current=%u\n", GetDriveTypeW(NULL));
    printf("Q:=%u\n", GetDriveTypeW(L"Q:\\"));
    printf("bad root=%u\n", GetDriveTypeW(L"\\\\?\\nonexistent\\"));
    return 0;
}
