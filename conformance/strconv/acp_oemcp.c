/* runtimes: msvcrt ucrt */
/* strconv/acp_oemcp: GetACP and GetOEMCP on an English (United States) system are 1252 and 437;
 * CP_ACP converts like 1252.
 * Expected per https://learn.microsoft.com/windows/win32/api/winnls/nf-winnls-getacp and
 * https://learn.microsoft.com/windows/win32/intl/code-page-identifiers. Wine 8.0 agrees with an
 * en_US locale. (Recording on Windows needs a machine set to English (United States).) */
#include "common.h"

/* Converts and prints "label: ret=N err=E" and the UTF-16 units produced. */
static void mb(const char *label, UINT cp, DWORD flags, const char *s, int len)
{
    WCHAR buf[64];
    poison(buf, sizeof(buf));
    SetLastError(0xdeadbeef);
    int n = MultiByteToWideChar(cp, flags, s, len, buf, 64);
    DWORD err = GetLastError();
    printf("%s: ret=%d err=%lu [", label, n, (unsigned long)err);
    for (int i = 0; i < n; i++)
        printf("%s%04x", i ? " " : "", (unsigned)buf[i]);
    printf("]\n");
}

int main(void)
{
    printf("ACP=%u OEMCP=%u\n", GetACP(), GetOEMCP());
    mb("CP_ACP 80", CP_ACP, 0, "\x80", 1);
    mb("CP_OEMCP 80", CP_OEMCP, 0, "\x80", 1);
    return 0;
}
