/* runtimes: msvcrt ucrt */
/* strconv/wc_utf8_default_params: CP_UTF8 with lpDefaultChar or lpUsedDefaultChar set fails with
 * ERROR_INVALID_PARAMETER; flags other than 0 and WC_ERR_INVALID_CHARS fail with
 * ERROR_INVALID_FLAGS.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-widechartomultibyte
 * ("For the CP_UTF7 and CP_UTF8 settings ... this parameter must be set to NULL"; dwFlags). Wine
 * 8.0 ignores both and converts: the documentation wins. */
#include "common.h"

/* Converts and prints "label: ret=N err=E used=U" and the bytes produced. */
static void wc(const char *label, UINT cp, DWORD flags, const WCHAR *s, int len, const char *def, BOOL *used)
{
    char buf[64];
    poison(buf, sizeof(buf));
    if (used)
        *used = 7;
    SetLastError(0xdeadbeef);
    int n = WideCharToMultiByte(cp, flags, s, len, buf, 64, def, used);
    DWORD err = GetLastError();
    printf("%s: ret=%d err=%lu", label, n, (unsigned long)err);
    if (used)
        printf(" used=%d", *used);
    printf(" [");
    for (int i = 0; i < n; i++)
        printf("%s%02x", i ? " " : "", (unsigned char)buf[i]);
    printf("]\n");
}

int main(void)
{
    BOOL used;
    wc("default char", CP_UTF8, 0, L"a", 1, "?", NULL);
    wc("used default", CP_UTF8, 0, L"a", 1, NULL, &used);
    wc("WC_NO_BEST_FIT_CHARS", CP_UTF8, WC_NO_BEST_FIT_CHARS, L"a", 1, NULL, NULL);
    wc("WC_COMPOSITECHECK", CP_UTF8, WC_COMPOSITECHECK, L"a", 1, NULL, NULL);
    return 0;
}
