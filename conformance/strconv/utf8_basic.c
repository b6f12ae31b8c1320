/* runtimes: msvcrt ucrt */
/* strconv/utf8_basic: MultiByteToWideChar(CP_UTF8) on valid input: the size query (cchWideChar
 * 0) counts the terminator when cbMultiByte is -1 and not otherwise; a supplementary character
 * becomes a surrogate pair; a too-small buffer fails with ERROR_INSUFFICIENT_BUFFER.
 * Expected per https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * (return value and error list). Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";   /* a e-acute euro U+1F600 */
    WCHAR buf[16];
    SHOW("size -1", MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0));
    SHOW("size n", MultiByteToWideChar(CP_UTF8, 0, s, (int)strlen(s), NULL, 0));
    poison(buf, sizeof(buf));
    int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, buf, 16);
    printf("convert: %d ", n);
    print_w(buf, n);
    printf("\n");
    poison(buf, sizeof(buf));
    SHOW("small", MultiByteToWideChar(CP_UTF8, 0, s, -1, buf, 3));
    SHOW("empty", MultiByteToWideChar(CP_UTF8, 0, "", -1, buf, 16));
    SHOW("zero len", MultiByteToWideChar(CP_UTF8, 0, "abc", 0, buf, 16));
    return 0;
}
