/* runtimes: msvcrt ucrt */
/* cmdline/crt_wargv: __wargv (via __wgetmainargs) holds the same arguments as wide strings,
 * including non-ASCII ones.
 * Expected per https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments and
 * https://learn.microsoft.com/cpp/c-runtime-library/argc-argv-wargv. Wine 8.0 agrees. */
#include "common.h"

typedef struct { int newmode; } _startupinfo;
int __cdecl __wgetmainargs(int *, wchar_t ***, wchar_t ***, int, _startupinfo *);

int main(void)
{
    int argc = 0, mode = 0;
    wchar_t **wargv = NULL, **wenv = NULL;
    _startupinfo si = { 0 };
    __wgetmainargs(&argc, &wargv, &wenv, 0, &si);
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("wargv[%d]=<", i);
        print_w(wargv[i], -1);
        printf(">\n");
    }
    (void)mode;
    return 0;
}
