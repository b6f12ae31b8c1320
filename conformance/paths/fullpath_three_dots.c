/* runtimes: msvcrt ucrt */
/* paths/fullpath_three_dots: a segment of three or more periods is an ordinary name, not a
 * relative component.
 * Expected per https://learn.microsoft.com/archive/blogs/jeremykuhne/path-normalization ("Trimming
 * characters"). The last two lose their trailing periods as the last segment. Wine 8.0 differs on
 * the first input (it gives C:\a\..\b); the documentation wins. */
#include "common.h"

int main(void)
{
    show_full(L"C:\\a\\...\\b");
    show_full(L"C:\\a\\....");
    show_full(L"C:\\a\\...");
    return 0;
}
