/* runtimes: msvcrt ucrt */
/* paths/fullpath_bad_input: GetFullPathNameW with an empty name or a NULL name fails; the last
 * error it sets.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfullpathnamew
 * and https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-. The error codes
 * are per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    WCHAR buf[MAX_PATH];
    SHOW("empty", GetFullPathNameW(L"", MAX_PATH, buf, NULL));
    SHOW("null", GetFullPathNameW(NULL, MAX_PATH, buf, NULL));
    return 0;
}
