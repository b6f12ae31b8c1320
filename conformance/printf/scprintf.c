/* printf/scprintf: _scprintf and _scwprintf count the characters the output would take.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/reference/scprintf-scprintf-p-scprintf-p-l-scwprintf-scwprintf-l-scwprintf-p-scwprintf-p-l. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    printf("%d %d %d\n", _scprintf("%d", 12345), _scprintf("%s-%5d", "ab", 1), _scprintf(""));
    printf("%d\n", _scwprintf(L"%ls!", L"wide"));
    return 0;
}
