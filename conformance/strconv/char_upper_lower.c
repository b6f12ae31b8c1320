/* runtimes: msvcrt ucrt */
/* strconv/char_upper_lower: CharUpperW/CharLowerW on strings and on single characters passed in
 * the pointer (HIWORD zero), including non-ASCII letters.
 * Expected per https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-charupperw. Wine
 * 8.0 agrees. (user32) */
#include "common.h"

int main(void)
{
    WCHAR s[] = L"abc\x00e9\x03b1";
    CharUpperW(s);
    print_w(s, -1);
    printf("\n");
    WCHAR c = (WCHAR)(ULONG_PTR)CharLowerW((LPWSTR)(ULONG_PTR)L'Q');
    printf("single=%c\n", (char)c);
    return 0;
}
