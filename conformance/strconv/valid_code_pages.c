/* runtimes: msvcrt ucrt */
/* strconv/valid_code_pages: IsValidCodePage for installed code pages (437, 1252, 65001, 20127) and
 * unknown ones; GetCPInfo sizes and default characters.
 * Expected per https://learn.microsoft.com/windows/win32/api/winnls/nf-winnls-isvalidcodepage and
 * https://learn.microsoft.com/windows/win32/api/winnls/nf-winnls-getcpinfo. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    UINT cps[] = { 437, 1252, 65001, 20127, 12345, 0 };
    for (int i = 0; i < 6; i++)
        printf("IsValidCodePage(%u)=%d\n", cps[i], IsValidCodePage(cps[i]));
    CPINFO ci;
    GetCPInfo(1252, &ci);
    printf("1252: max=%u default=%02x\n", ci.MaxCharSize, ci.DefaultChar[0]);
    GetCPInfo(CP_UTF8, &ci);
    printf("utf8: max=%u\n", ci.MaxCharSize);
    SHOW("bad", GetCPInfo(12345, &ci));
    return 0;
}
