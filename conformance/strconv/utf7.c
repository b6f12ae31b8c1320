/* runtimes: msvcrt ucrt */
/* strconv/utf7: CP_UTF7 (65000) in MultiByteToWideChar and WideCharToMultiByte: decoding of
 * base64 runs ("+AKM-" is the pound sign, "+-" is "+", a run ends at the first non-base64 byte and
 * swallows a '-'), the RFC's own examples, encoding (non-ASCII and RFC 2152's optional "Set O"
 * characters in base64 runs), the required-size call, a too-small buffer, the flag and
 * default-character rules, and GetCPInfo/IsValidCodePage for the code page.
 * Expected per RFC 2152 (https://www.rfc-editor.org/rfc/rfc2152: rules 1-3 and the examples
 * "A+ImIDkQ.", "Hi Mom -+Jjo--!", "+ZeVnLIqe-"), and for the errors per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * ("For the code pages listed below, dwFlags must be set to 0. Otherwise, the function fails with
 * ERROR_INVALID_FLAGS ... 65000 (UTF-7)") and .../nf-stringapiset-widechartomultibyte (the same
 * list; "For the CP_UTF7 and CP_UTF8 settings for CodePage, this parameter [lpDefaultChar,
 * lpUsedDefaultChar] must be set to NULL", ERROR_INVALID_PARAMETER). Where the RFC leaves a choice
 * the values are per Wine 8.0 (not yet recorded on Windows): Set O is encoded in base64, every
 * run ends with '-', a lone "+" decodes to nothing (0, the last error untouched), bytes above
 * 0x7F decode to U+0080-U+00FF, GetCPInfo's MaxCharSize is 5. */
#include "common.h"

/* Converts and prints "label: ret=N err=E" and the UTF-16 units produced. */
static void mb(const char *label, DWORD flags, const char *s, int len)
{
    WCHAR buf[64];
    poison(buf, sizeof(buf));
    SetLastError(0xdeadbeef);
    int n = MultiByteToWideChar(CP_UTF7, flags, s, len, buf, 64);
    DWORD err = GetLastError();
    printf("%s: ret=%d err=%lu [", label, n, (unsigned long)err);
    for (int i = 0; i < n; i++)
        printf("%s%04x", i ? " " : "", (unsigned)buf[i]);
    printf("]\n");
}

/* Encodes and prints the result (bytes printed escaped). */
static void wc(const char *label, const WCHAR *s, int len)
{
    char buf[64];
    poison(buf, sizeof(buf));
    SetLastError(0xdeadbeef);
    int n = WideCharToMultiByte(CP_UTF7, 0, s, len, buf, 64, NULL, NULL);
    DWORD err = GetLastError();
    printf("%s: ret=%d err=%lu [", label, n, (unsigned long)err);
    print_a(buf, n);
    printf("]\n");
}

int main(void)
{
    mb("+AKM-", 0, "+AKM-", 5);
    mb("a+-b", 0, "a+-b", 4);
    mb("two in one run", 0, "+AKMAow-", 8);
    mb("run ended by '.'", 0, "+AKM.x", 6);
    mb("run ended by '--'", 0, "+AKM--", 6);
    mb("rfc A+ImIDkQ.", 0, "A+ImIDkQ.", 9);
    mb("rfc Hi Mom", 0, "Hi Mom -+Jjo--!", 15);
    mb("rfc nihongo", 0, "+ZeVnLIqe-", 10);
    mb("surrogate pair", 0, "+2D3eAA-", 8);
    mb("empty run +!", 0, "+!", 2);
    mb("lone +", 0, "+", 1);
    mb("high bytes", 0, "\x80\xff", 2);
    mb("nul-terminated", 0, "+AKM-x", -1);

    wc("pound 1", L"\x00a3" L"1", 2);
    wc("pound .", L"\x00a3" L".", 2);
    wc("plus", L"a+b", 3);
    wc("rfc A.", L"A\x2262\x0391.", 4);
    wc("rfc Hi Mom", L"Hi Mom -\x263a-!", 11);
    wc("rfc nihongo", L"\x65e5\x672c\x8a9e", 3);
    wc("set O ~\\", L"~\\", 2);
    wc("three units", L"\x00a3\x00a3\x00a3", 3);
    wc("surrogate pair", L"\xd83d\xde00", 2);
    wc("direct set and NUL", L"Az09'(),-./:? \t\r\n", 18);
    wc("nul-terminated", L"hi\x00a3", -1);

    WCHAR wbuf[8];
    char cbuf[8];
    BOOL used;
    SHOW("mb size", MultiByteToWideChar(CP_UTF7, 0, "+AKMAow-", 8, NULL, 0));
    SHOW("mb too small", MultiByteToWideChar(CP_UTF7, 0, "+AKMAow-", 8, wbuf, 1));
    SHOW("wc size", WideCharToMultiByte(CP_UTF7, 0, L"\x00a3", 1, NULL, 0, NULL, NULL));
    SHOW("wc too small", WideCharToMultiByte(CP_UTF7, 0, L"\x00a3", 1, cbuf, 3, NULL, NULL));
    SHOW("mb MB_ERR_INVALID_CHARS", MultiByteToWideChar(CP_UTF7, MB_ERR_INVALID_CHARS, "a", 1, wbuf, 8));
    SHOW("mb MB_PRECOMPOSED", MultiByteToWideChar(CP_UTF7, MB_PRECOMPOSED, "a", 1, wbuf, 8));
    SHOW("wc WC_COMPOSITECHECK", WideCharToMultiByte(CP_UTF7, WC_COMPOSITECHECK, L"a", 1, cbuf, 8, NULL, NULL));
    SHOW("wc WC_ERR_INVALID_CHARS", WideCharToMultiByte(CP_UTF7, WC_ERR_INVALID_CHARS, L"a", 1, cbuf, 8, NULL, NULL));
    SHOW("wc default char", WideCharToMultiByte(CP_UTF7, 0, L"a", 1, cbuf, 8, "?", NULL));
    SHOW("wc used default", WideCharToMultiByte(CP_UTF7, 0, L"a", 1, cbuf, 8, NULL, &used));
    SHOW("mb length 0", MultiByteToWideChar(CP_UTF7, 0, "a", 0, wbuf, 8));

    CPINFO info;
    poison(&info, sizeof(info));
    SHOW("GetCPInfo", GetCPInfo(CP_UTF7, &info));
    printf("MaxCharSize=%u DefaultChar=%02x %02x LeadByte[0]=%02x\n", info.MaxCharSize,
           info.DefaultChar[0], info.DefaultChar[1], info.LeadByte[0]);
    SHOW("IsValidCodePage", IsValidCodePage(CP_UTF7));
    return 0;
}
