/* runtimes: msvcrt ucrt */
/* printf/swscanf_wide: swscanf: %d and %s (wide in wide functions), %S narrow.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    int a = 0;
    wchar_t w[16];
    char s[16];
    int n = swscanf(L"12 wide narrow", L"%d %s %S", &a, w, s);
    printf("n=%d a=%d [", n, a);
    print_w(w, -1);
    printf("] [%s]\n", s);
    return 0;
}
