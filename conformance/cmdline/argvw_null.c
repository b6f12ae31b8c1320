/* runtimes: msvcrt ucrt */
/* cmdline/argvw_null: CommandLineToArgvW with an empty string returns the module path as the only
 * piece; with a NULL pNumArgs it fails with ERROR_INVALID_PARAMETER.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/shellapi/nf-shellapi-commandlinetoargvw. Wine 8.0
 * agrees. */
#include "common.h"
#include <shellapi.h>

int main(void)
{
    int n = -1;
    LPWSTR *argv = CommandLineToArgvW(L"", &n);
    printf("empty: n=%d module path=%d\n", n, argv && wcsstr(argv[0], L".exe") != NULL);
    LocalFree(argv);
    SHOW("NULL count", CommandLineToArgvW(L"a b", NULL) != NULL);
    return 0;
}
