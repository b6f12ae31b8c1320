/* runtimes: msvcrt ucrt */
/* files/unicode_names: file names outside ASCII (Greek, CJK, an emoji as a surrogate pair)
 * round-trip through CreateFileW and FindFirstFileW.
 * Expected per https://learn.microsoft.com/windows/win32/fileio/naming-a-file ("Use any character
 * in the current code page ... Unicode"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    const WCHAR *names[] = { L"\x03b1\x03b2\x03b3.txt", L"\x65e5\x672c.txt", L"\xd83d\xde00.txt" };
    for (int i = 0; i < 3; i++) {
        HANDLE h = CreateFileW(names[i], GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
        CloseHandle(h);
        WIN32_FIND_DATAW fd;
        HANDLE f = FindFirstFileW(names[i], &fd);
        print_w(fd.cFileName, -1);
        printf(" created=%d found=%d same=%d\n", h != INVALID_HANDLE_VALUE, f != INVALID_HANDLE_VALUE,
               f != INVALID_HANDLE_VALUE && !wcscmp(fd.cFileName, names[i]));
        FindClose(f);
    }
    return 0;
}
