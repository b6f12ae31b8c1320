/* runtimes: msvcrt ucrt */
/* strconv/ascii_roundtrip: all 128 ASCII characters convert one to one through CP_ACP, 1252, 437
 * and CP_UTF8 in both directions.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * and
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-widechartomultibyte.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    char in[128], out[128];
    WCHAR w[128];
    for (int i = 0; i < 128; i++)
        in[i] = (char)i;
    UINT cps[] = { CP_ACP, 1252, 437, CP_UTF8 };
    for (int c = 0; c < 4; c++) {
        int n = MultiByteToWideChar(cps[c], 0, in, 128, w, 128);
        int same = n == 128;
        for (int i = 0; i < n; i++)
            same &= w[i] == i;
        int m = WideCharToMultiByte(cps[c], 0, w, n, out, 128, NULL, NULL);
        printf("cp %u: to wide %d same=%d back %d same=%d\n", cps[c], n, same, m, m == 128 && !memcmp(in, out, 128));
    }
    return 0;
}
