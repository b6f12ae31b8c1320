/* runtimes: msvcrt ucrt */
/* strconv/mb_precomposed_flags: MultiByteToWideChar(1252) accepts MB_PRECOMPOSED (the default) and
 * MB_COMPOSITE decomposes e-acute into e + U+0301; both flags together fail with
 * ERROR_INVALID_FLAGS.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * (dwFlags: "MB_COMPOSITE ... Cannot be used with MB_PRECOMPOSED"). Wine 8.0 agrees except on "both",
 * which it converts as MB_COMPOSITE: the documentation wins (ERROR_INVALID_FLAGS). */
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
    mb("precomposed", 1252, MB_PRECOMPOSED, "\xe9", 1);
    mb("composite", 1252, MB_COMPOSITE, "\xe9", 1);
    mb("both", 1252, MB_PRECOMPOSED | MB_COMPOSITE, "\xe9", 1);
    return 0;
}
