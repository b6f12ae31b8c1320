/* runtimes: msvcrt ucrt */
/* paths/fullpath_ansi: GetFullPathNameA: same rules as the W function; the sizes are in bytes of
 * the ANSI code page; lpFilePart points into the buffer.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfullpathnamea.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    char buf[MAX_PATH];
    char *part = NULL;
    SHOW("size query", GetFullPathNameA("C:\\a\\..\\b.txt", 0, NULL, NULL));
    DWORD n = GetFullPathNameA("C:\\a\\..\\b.txt", MAX_PATH, buf, &part);
    printf("n=%lu path=%s part=%s offset=%d\n", (unsigned long)n, buf, part, (int)(part - buf));
    n = GetFullPathNameA("C:\\a\\b\\", MAX_PATH, buf, &part);
    printf("n=%lu path=%s part=%s\n", (unsigned long)n, buf, part ? part : "(null)");
    return 0;
}
