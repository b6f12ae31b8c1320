/* runtimes: msvcrt ucrt */
/* files/temp_file_name: GetTempFileNameW with a non-zero uUnique builds "<prefix><hex>.TMP"
 * without creating it; with 0 it creates a unique empty file.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-gettempfilenamew.
 * The documented form is "<path>\<pre><uuuu>.TMP": upper-case hexadecimal digits and ".TMP"
 * (Wine 8.0 writes ".tmp"; the documentation wins). A folder that does not exist fails with
 * ERROR_DIRECTORY (267), as Wine 8.0 answers (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    WCHAR buf[MAX_PATH];
    SHOW("unique 0x1a2b", GetTempFileNameW(L".", L"pre", 0x1a2b, buf));
    print_path_w(buf);
    printf("\n");
    SHOW("created", GetFileAttributesW(buf) != INVALID_FILE_ATTRIBUTES);
    UINT u = GetTempFileNameW(L".", L"abc", 0, buf);
    printf("auto unique nonzero=%d\n", u != 0);
    SHOW("created", GetFileAttributesW(buf) != INVALID_FILE_ATTRIBUTES);
    SHOW("missing dir", GetTempFileNameW(L"nodir", L"pre", 0, buf));
    return 0;
}
