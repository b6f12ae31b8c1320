/* runtimes: msvcrt ucrt */
/* files/hard_link: CreateHardLinkW makes a second name: same content, two links; an existing new
 * name fails with ERROR_ALREADY_EXISTS.
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-createhardlinkw.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"a.txt", "shared");
    SHOW("link", CreateHardLinkW(L"b.txt", L"a.txt", NULL));
    show_file(L"b.txt");
    HANDLE h = CreateFileW(L"a.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    BY_HANDLE_FILE_INFORMATION bi;
    GetFileInformationByHandle(h, &bi);
    printf("links=%lu\n", (unsigned long)bi.nNumberOfLinks);
    CloseHandle(h);
    SHOW("again", CreateHardLinkW(L"b.txt", L"a.txt", NULL));
    return 0;
}
