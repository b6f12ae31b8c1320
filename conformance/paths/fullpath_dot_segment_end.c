/* runtimes: msvcrt ucrt */
/* paths/fullpath_dot_segment_end: a segment ending in one period loses it; a final "." or ".."
 * segment is a relative component.
 * Expected per https://learn.microsoft.com/archive/blogs/jeremykuhne/path-normalization ("Trimming
 * characters"). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    show_full(L"C:\\a.\\b");
    show_full(L"C:\\a\\b\\.");
    show_full(L"C:\\a\\b\\..");
    show_full(L"C:\\a\\b.\\");
    return 0;
}
