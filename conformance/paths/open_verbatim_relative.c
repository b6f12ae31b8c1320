/* runtimes: msvcrt ucrt */
/* paths/open_verbatim_relative: a "\\?\" path must be absolute: a relative one is not found.
 * Expected per https://learn.microsoft.com/dotnet/standard/io/file-path-formats ("Path
 * normalization") ("Skip normalization"). "\\?\data.txt" is the NT path "\??\data.txt": one
 * name in the \?? object folder, which holds only drive letters and devices ("Object Names",
 * "Naming Files, Paths, and Namespaces": "\\?\" paths go to the NT namespace unparsed), so the
 * name is not found: ERROR_FILE_NOT_FOUND, as vinho answers for "\\?\C:x". Wine 8.0 gives
 * ERROR_BAD_DEV_TYPE (66), an artefact of its Unix path lookup; not yet recorded on Windows. */
#include "common.h"

int main(void)
{
    HANDLE h = CreateFileW(L"data.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    CloseHandle(h);
    SHOW("relative verbatim", GetFileAttributesW(L"\\\\?\\data.txt"));
    return 0;
}
