/* runtimes: msvcrt ucrt */
/* strconv/utf16_roundtrip_all_planes: every code point class round-trips UTF-16 -> UTF-8 ->
 * UTF-16: BMP, private use, noncharacters U+FFFE/U+FFFF, supplementary up to U+10FFFF.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-widechartomultibyte
 * and
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    const WCHAR in[] = { 0x41, 0xe000, 0xfffe, 0xffff, 0xd800, 0xdc00, 0xdbff, 0xdfff, 0 };
    char u8[64];
    WCHAR back[16];
    int n = WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, in, -1, u8, 64, NULL, NULL);
    hexdump("utf8", u8, n);
    int m = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, u8, n, back, 16);
    printf("back %d same=%d\n", m, m == 9 && !memcmp(in, back, sizeof(in)));
    return 0;
}
