/* runtimes: msvcrt ucrt */
/* files/file_info: GetFileInformationByHandle: size, attributes and one link for a new file;
 * GetFileType is FILE_TYPE_DISK.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfileinformationbyhandle and
 * .../nf-fileapi-getfiletype. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"f.txt", "123456");
    HANDLE h = CreateFileW(L"f.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    BY_HANDLE_FILE_INFORMATION bi;
    SHOW("info", GetFileInformationByHandle(h, &bi));
    printf("size=%lu attrs=0x%lx links=%lu\n", (unsigned long)bi.nFileSizeLow,
           (unsigned long)bi.dwFileAttributes, (unsigned long)bi.nNumberOfLinks);
    printf("type=%lu\n", (unsigned long)GetFileType(h));
    CloseHandle(h);
    return 0;
}
