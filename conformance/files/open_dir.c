/* runtimes: msvcrt ucrt */
/* files/open_dir: CreateFileW on a folder fails with ERROR_ACCESS_DENIED without
 * FILE_FLAG_BACKUP_SEMANTICS and succeeds with it.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilew
 * ("Directories": "you must set the FILE_FLAG_BACKUP_SEMANTICS flag"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    CreateDirectoryW(L"d", NULL);
    SetLastError(0xdeadbeef);
    HANDLE h = CreateFileW(L"d", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    printf("plain: %s err=%lu\n", h == INVALID_HANDLE_VALUE ? "INVALID" : "handle", (unsigned long)GetLastError());
    h = CreateFileW(L"d", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    printf("backup semantics: %s\n", h == INVALID_HANDLE_VALUE ? "INVALID" : "handle");
    BY_HANDLE_FILE_INFORMATION bi;
    GetFileInformationByHandle(h, &bi);
    printf("is dir=%d\n", (bi.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0);
    CloseHandle(h);
    return 0;
}
