/* shell32_argv.c: CommandLineToArgvW's documented rules, as a table: the program name, blanks,
 * quotes, backslashes before quotes, "" inside quotes, the empty command line. */
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>

static const WCHAR *const cases[] = {
    L"prog a b",
    L"prog   a\tb  ",
    L"\"C:\\Program Files\\p.exe\" x",
    L"C:\\dir\\p.exe \"two words\" three",
    L"p a\\\\b c\\d",
    L"p a\\\"b",
    L"p a\\\\\"b c\" d",
    L"p a\\\\\\\"b",
    L"p \"\" x",
    L"p \"a\"\"b\" c",
    L"p \"unterminated arg",
    L"p a\"b c\"d",
    L"\"p\\\"q r",
};

int main(void)
{
    int argc;
    WCHAR **argv;
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        argv = CommandLineToArgvW(cases[i], &argc);
        printf("[%ls] ->", cases[i]);
        for (int k = 0; k < argc; k++)
            printf(" <%ls>", argv[k]);
        printf(" (%d, NULL end=%d)\n", argc, argv[argc] == NULL);
        LocalFree(argv);
    }
    argv = CommandLineToArgvW(L"", &argc);
    printf("empty: %d, names this program=%d\n", argc, wcsstr(argv[0], L"shell32_argv") != NULL);
    LocalFree(argv);
    return 0;
}
