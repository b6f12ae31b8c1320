/* runtimes: msvcrt ucrt */
/* printf/wide_in_narrow: in printf, %ls, %ws and %S take a wide string and %lc/%C a wide
 * character; they are converted to the code page.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-syntax-printf-and-wprintf-functions (Type field characters: S, C; size prefixes l and w). Wine 8.0 agrees. (The UCRT reads %S the same way in printf; msvcrt only here.) */
#include "common.h"

int main(void)
{
    printf("[%ls] [%S] [%ws] [%lc] [%C]\n", L"wide", L"Wide", L"ws", (wint_t)L'q', (wint_t)L'Q');
    printf("[%5ls] [%.2S]\n", L"ab", L"abcd");
    return 0;
}
