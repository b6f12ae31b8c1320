/* runtimes: msvcrt ucrt */
/* strconv/lstr_functions: lstrlenA/W, lstrcpynW truncation with terminator, lstrcmpiW, and
 * lstrlenW(NULL) = 0.
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-lstrlenw and
 * .../nf-winbase-lstrcpynw. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    WCHAR buf[8];
    printf("lstrlenA=%d lstrlenW=%d null=%d\n", lstrlenA("abc"), lstrlenW(L"abcd"), lstrlenW(NULL));
    poison(buf, sizeof(buf));
    lstrcpynW(buf, L"abcdef", 4);
    print_w(buf, -1);
    printf(" len=%d\n", lstrlenW(buf));
    printf("cmpi=%d cmp=%d\n", lstrcmpiW(L"ABC", L"abc"), lstrcmpW(L"a", L"b") < 0);
    return 0;
}
