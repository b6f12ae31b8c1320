/* runtimes: msvcrt ucrt */
/* paths/searchpath: SearchPathW finds a file in a given folder and in the current folder, appends
 * the extension only when the name has none, and fails with ERROR_FILE_NOT_FOUND.
 * Expected per https://learn.microsoft.com/windows/win32/api/processenv/nf-processenv-searchpathw.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    CreateDirectoryW(L"dir", NULL);
    HANDLE h = CreateFileW(L"dir\\found.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    CloseHandle(h);
    WCHAR buf[MAX_PATH], *part;
    DWORD n = SearchPathW(L"dir", L"found.txt", NULL, MAX_PATH, buf, &part);
    printf("in dir: ");
    print_len_w(n, buf);
    printf(" ");
    print_path_w(buf);
    printf(" part=");
    print_w(part, -1);
    printf("\n");
    n = SearchPathW(L"dir", L"found", L".txt", MAX_PATH, buf, &part);
    printf("ext added: %d\n", n != 0);
    n = SearchPathW(L"dir", L"found.txt", L".doc", MAX_PATH, buf, &part);
    printf("ext not added when name has one: %d\n", n != 0);
    SHOW("missing", SearchPathW(L"dir", L"missing.txt", NULL, MAX_PATH, buf, &part));
    return 0;
}
