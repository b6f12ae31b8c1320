/* runtimes: msvcrt ucrt */
/* paths/fullpath_dots: GetFullPathNameW collapses "." and ".." components, and ".." at the root
 * stays at the root.
 * Expected per https://learn.microsoft.com/windows/win32/fileio/naming-a-file ("Paths":
 * "." and ".." components) and GetFullPathNameW
 * (https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfullpathnamew): returns
 * the length without the terminator. Wine 8.0 agrees. */
#include "common.h"

static void full(const WCHAR *in)
{
    WCHAR buf[MAX_PATH];
    WCHAR *part = NULL;
    DWORD n = GetFullPathNameW(in, MAX_PATH, buf, &part);
    print_w(in, -1);
    printf(" -> ");
    print_len_w(n, buf);
    printf(" ");
    if (n)
        print_path_w(buf);
    printf(" file=");
    if (part && !_wcsnicmp(buf, cwd_w, cwd_len - 1) && part < buf + cwd_len)
        printf("<cwd's last component>");
    else if (part)
        print_w(part, -1);
    else
        printf("(null)");
    printf("\n");
}

int main(void)
{
    full(L"C:\\a\\b\\..\\c");
    full(L"C:\\a\\.\\b\\.\\c");
    full(L"C:\\..\\..\\x");
    full(L"C:\\a\\b\\..\\..\\..");
    full(L"C:\\a\\b\\.");
    full(L"C:\\a\\b\\..");
    full(L"C:\\a\\\\b");
    full(L"C:/a/b/../c");
    full(L"x\\..\\y");
    full(L".");
    return 0;
}
