/* msvcrt_cmdline.c: msvcrt's argument parser on command lines that vinho's own quoting never
 * produces. The program stores a command line in _wcmdln (msvcrt's exported copy, which
 * __wgetmainargs parses on its first call) and prints the resulting argv.
 * Expected: https://learn.microsoft.com/en-us/cpp/c-language/parsing-c-command-line-arguments
 * (the table of examples); argv[0] follows the program-name rule there (quotes group, no
 * backslash escapes). For "" inside a quoted part, msvcrt.dll keeps the rule of the CRTs before
 * 2008: a literal quote that also ends the quoted part, so a"b"" c d gives ab", c, d (the table
 * as corrected in MicrosoftDocs/cpp-docs pull request 4643). */
#include <stdio.h>
#include <wchar.h>

__declspec(dllimport) extern wchar_t *_wcmdln;
__declspec(dllimport) int __cdecl __wgetmainargs(int *argc, wchar_t ***argv, wchar_t ***env,
                                                 int glob, void *startinfo);

int main(void)
{
    static const wchar_t line[] =
        L"\"C:\\Program Files\\x\\\"prog.exe \"a b c\" d e "
        L"\"ab\\\"c\" \"\\\\\" d "
        L"a\\\\\\b d\"e f\"g h "
        L"a\\\\\\\"b c d "
        L"a\\\\\\\\\"b c\" d e "
        L"a\"b\"\" c d "
        L"\t\"\" x\"\"y end\\\\";
    int newmode = 0, argc = 0;
    wchar_t **argv = NULL, **env = NULL;

    _wcmdln = (wchar_t *)line;
    printf("__wgetmainargs: %d\n", __wgetmainargs(&argc, &argv, &env, 0, &newmode));
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=[%ls]\n", i, argv[i]);
    printf("argv[argc] is NULL: %s\n", argv[argc] ? "no" : "yes");
    return 0;
}
