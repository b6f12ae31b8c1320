/* strconv/utf7: CP_UTF7 decodes "+AKM-" to the pound sign and "+-" to "+"; encodes non-ASCII in
 * base64 runs.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * and RFC 2152. Wine 8.0 agrees. */
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
    mb("+AKM-", CP_UTF7, 0, "+AKM-", 5);
    mb("+-", CP_UTF7, 0, "a+-b", 4);
    char buf[32];
    int n = WideCharToMultiByte(CP_UTF7, 0, L"\x00a3" L"1", 2, buf, 32, NULL, NULL);
    printf("encode: %d [%.*s]\n", n, n, buf);
    return 0;
}
