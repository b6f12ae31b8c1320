/* runtimes: msvcrt ucrt */
/* files/find_question: FindFirstFileW wildcards: "?" matches one character; "*" alone with an
 * extension; a name without wildcards finds just that file.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-findfirstfilew.
 * FindFirstFile turns "?" into DOS_QM (ntifs.h), which FsRtlIsNameInExpression documents as
 * "Matches any single character or, upon encountering a period or end of name string, advances
 * the expression to the end of the set of contiguous DOS_QMs"
 * (https://learn.microsoft.com/windows-hardware/drivers/ddi/ntifs/nf-ntifs-_fsrtl_advanced_fcb_header-fsrtlisnameinexpression):
 * so "a??.txt" matches "a1.txt" as well as "a22.txt". Wine 8.0 matches one; the documentation
 * wins. */
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
