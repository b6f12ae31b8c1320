/* runtimes: msvcrt ucrt */
/* paths/fullpath_drive_env: "Q:x" uses the "=Q:" environment variable as the current folder of
 * drive Q:.
 * Expected per https://learn.microsoft.com/archive/blogs/jeremykuhne/path-normalization ("Applying
 * the current directory"). expected per Wine 8.0 (not yet recorded on Windows); the blog describes
 * the lookup. */
#include "common.h"

int main(void)
{
    SetEnvironmentVariableW(L"=Q:", L"Q:\\base\\dir");
    show_full(L"Q:x");
    show_full(L"Q:");
    return 0;
}
