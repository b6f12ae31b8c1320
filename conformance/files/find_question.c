/* files/find_question: FindFirstFileW wildcards: "?" matches one character; "*" alone with an
 * extension; a name without wildcards finds just that file.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-findfirstfilew.
 * Expected per Wine 8.0 (not yet recorded on Windows): Windows' DOS wildcard rules may let a "?" before "." match nothing. */
#include "common.h"

int main(void)
{
    make_file(L"a1.txt", "x");
    make_file(L"a22.txt", "x");
    make_file(L"b1.txt", "x");
    const WCHAR *pats[] = { L"a?.txt", L"a??.txt", L"?1.txt", L"a1.txt", L"*1.txt" };
    for (int i = 0; i < 5; i++) {
        WIN32_FIND_DATAW fd;
        int n = 0;
        HANDLE h = FindFirstFileW(pats[i], &fd);
        if (h != INVALID_HANDLE_VALUE) {
            do n++; while (FindNextFileW(h, &fd));
            FindClose(h);
        }
        print_w(pats[i], -1);
        printf(": %d\n", n);
    }
    return 0;
}
