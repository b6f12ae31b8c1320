/* args_utf8.c: non-ASCII arguments. vinho's Linux arguments are UTF-8; Windows keeps the command
 * line in UTF-16 (GetCommandLineW), and msvcrt's argv holds it in the ANSI code page (CP_ACP).
 * Checks: GetCommandLineW holds the exact UTF-16 text, and each Latin argument converted back
 * from the ANSI code page with MultiByteToWideChar(CP_ACP) is the original (true for 1252, the
 * default ANSI code page of English Windows, and for 65001; the argument outside Latin-1 is
 * only checked in GetCommandLineW, as the ANSI form of it is lossy on Windows).
 * Expected: https://learn.microsoft.com/en-us/windows/win32/api/processenv/nf-processenv-getcommandlinew,
 * https://learn.microsoft.com/en-us/cpp/c-language/parsing-c-command-line-arguments,
 * https://learn.microsoft.com/en-us/windows/win32/intl/code-pages. Checked with Wine 8.0. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

int main(int argc, char **argv)
{
    static const WCHAR *const want[] = { L"caf\x00e9", L"\x00fc \x20ac", L"\x65e5\x672c" };
    const WCHAR *cmd = GetCommandLineW();
    WCHAR back[64];

    printf("argc=%d\n", argc);
    printf("GetCommandLineW after the program name: [");
    while (*cmd && *cmd != ' ')
        cmd++;
    for (; *cmd; cmd++)
        printf(*cmd < 0x80 ? "%c" : "\\u%04x", *cmd);
    printf("]\n");
    for (int i = 1; i < argc && i <= 2; i++) {
        int n = MultiByteToWideChar(CP_ACP, 0, argv[i], -1, back, 64);
        printf("argv[%d] back through the ANSI code page matches: %s\n", i,
               n > 0 && !wcscmp(back, want[i - 1]) ? "yes" : "no");
    }
    return 0;
}
