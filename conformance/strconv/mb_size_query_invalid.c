/* runtimes: msvcrt ucrt */
/* strconv/mb_size_query_invalid: the size query for invalid UTF-8 without flags counts the U+FFFD
 * replacements.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-multibytetowidechar
 * (MB_ERR_INVALID_CHARS: "Windows Vista and later: ... replaces illegal sequences with U+FFFD").
 * The counts follow the replacements of utf8_invalid_replaced (Unicode's maximal subparts).
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    SHOW("query", MultiByteToWideChar(CP_UTF8, 0, "\x80\x80\xc3", 3, NULL, 0));
    SHOW("query -1", MultiByteToWideChar(CP_UTF8, 0, "\xff", -1, NULL, 0));
    return 0;
}
