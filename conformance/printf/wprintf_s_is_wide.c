/* runtimes: msvcrt ucrt */
/* printf/wprintf_s_is_wide: in wprintf/swprintf (msvcrt, legacy mode), %s takes a wide string and
 * %S a narrow one; %hs is always narrow and %ls always wide.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions (Type field characters: "When used with wprintf functions, specifies a wide-character string"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    wchar_t buf[64];
    int n = swprintf(buf, 64, L"[%s] [%S] [%hs] [%ls]", L"wide", "narrow", "h", L"l");
    printf("n=%d ", n);
    print_w(buf, -1);
    printf("\n");
    return 0;
}
