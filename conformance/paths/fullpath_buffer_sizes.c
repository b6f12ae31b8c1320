/* runtimes: msvcrt ucrt */
/* paths/fullpath_buffer_sizes: GetFullPathNameW with a too-small buffer returns the size needed
 * including the terminator and leaves the buffer alone; with an exact buffer it returns the length
 * without it.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfullpathnamew
 * (return value). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    WCHAR buf[32];
    const WCHAR *in = L"C:\\dir\\file.txt";   /* 15 characters */
    SHOW("size query", GetFullPathNameW(in, 0, NULL, NULL));
    poison(buf, sizeof(buf));
    SHOW("too small", GetFullPathNameW(in, 15, buf, NULL));
    printf("buffer untouched=%d\n", ((unsigned char *)buf)[0] == POISON);
    poison(buf, sizeof(buf));
    SHOW("exact", GetFullPathNameW(in, 16, buf, NULL));
    print_w(buf, -1);
    printf("\n");
    SHOW("large", GetFullPathNameW(in, 32, buf, NULL));
    return 0;
}
