/* runtimes: msvcrt ucrt */
/* errors/format_message_inserts: FormatMessageW(FROM_STRING) with %1, %2!d!, %% and %n.
 * Expected per https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-formatmessagew
 * (Remarks: escape sequences). Wine 8.0 agrees. */
#include "common.h"
#include <stdarg.h>

int main(void)
{
    WCHAR buf[128];
    DWORD_PTR args[] = { (DWORD_PTR)L"one", 42 };
    DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, L"[%1] [%2!d!] 100%% end%n",
                             0, 0, buf, 128, (va_list *)args);
    printf("n=%lu <", (unsigned long)n);
    print_w(buf, (int)n);
    printf(">\n");
    return 0;
}
