/* runtimes: msvcrt ucrt */
/* errors/format_message: FormatMessageW(FROM_SYSTEM) for ERROR_FILE_NOT_FOUND and
 * ERROR_ACCESS_DENIED gives the English system texts; an unknown code fails with
 * ERROR_MR_MID_NOT_FOUND (317).
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-formatmessagew and
 * https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-. Wine 8.0 agrees
 * (English texts). */
#include "common.h"

int main(void)
{
    DWORD codes[] = { 2, 5, 0x12345 };
    for (int i = 0; i < 3; i++) {
        WCHAR buf[256];
        SetLastError(0xdeadbeef);
        DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, codes[i],
                                 MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), buf, 256, NULL);
        printf("%lu: n=%lu err=%lu <", (unsigned long)codes[i], (unsigned long)n, n ? 0ul : (unsigned long)GetLastError());
        if (n)
            print_w(buf, (int)n);
        printf(">\n");
    }
    return 0;
}
