/* runtimes: msvcrt ucrt */
/* paths/longpath: GetLongPathNameW on an existing file returns the path; on a missing one fails
 * with ERROR_FILE_NOT_FOUND; size query counts the terminator.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getlongpathnamew.
 * A missing folder gives ERROR_FILE_NOT_FOUND too: the long name is found one component at a time
 * and the first missing one is a name not found (Wine 8.0 agrees; not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileW(L"longname.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    CloseHandle(h);
    WCHAR buf[MAX_PATH];
    SHOW("size", GetLongPathNameW(L"longname.txt", NULL, 0));
    SHOW("get", GetLongPathNameW(L"longname.txt", buf, MAX_PATH));
    print_w(buf, -1);
    printf("\n");
    SHOW("missing", GetLongPathNameW(L"missing.txt", buf, MAX_PATH));
    SHOW("missing dir", GetLongPathNameW(L"nodir\\missing.txt", buf, MAX_PATH));
    return 0;
}
