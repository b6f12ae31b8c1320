/* args.c: the command line round trip. vinho builds the Windows command line from its Linux
 * arguments with Windows quoting; msvcrt parses it back into argv: every argument must come back
 * byte for byte. Also prints GetCommandLineW's exact text, and checks GetCommandLineA.
 * Expected: the parsing rules of
 * https://learn.microsoft.com/en-us/cpp/c-language/parsing-c-command-line-arguments
 * (2n backslashes before a quote: n backslashes and the quote delimits; 2n+1: n backslashes and
 * a literal quote; other backslashes are literal; spaces and tabs separate unless quoted), and
 * GetCommandLineW https://learn.microsoft.com/en-us/windows/win32/api/processenv/nf-processenv-getcommandlinew
 * (the program name as it was given, then the arguments). The arguments come from args.args, one
 * per line (the empty line is an empty argument). argv[0] is ..\args.exe because run-tests.sh
 * starts the program as ../args.exe from out/. Checked with Wine 8.0. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

int _dowildcard = 0;    /* no globbing of "*" by the mingw start-up code, as with MSVC */

/* Prints s in brackets, non-printable bytes as \xNN so that the output is exact. */
static void show(const char *label, const char *s)
{
    printf("%s[", label);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '\t')
            printf("\\t");
        else if (*c < 0x20 || *c > 0x7e)
            printf("\\x%02x", *c);
        else
            putchar(*c);
    }
    printf("]\n");
}

int main(int argc, char **argv)
{
    const WCHAR *cmdw = GetCommandLineW();
    const char *cmda = GetCommandLineA();
    int same = 1;
    size_t i;

    printf("argc=%d\n", argc);
    for (int n = 0; n < argc; n++) {
        char label[32];
        sprintf(label, "argv[%d]=", n);
        show(label, argv[n]);
    }
    printf("argv[argc] is NULL: %s\n", argv[argc] ? "no" : "yes");
    printf("GetCommandLineW=[");
    for (i = 0; cmdw[i]; i++) {
        if (cmdw[i] == '\t')
            printf("\\t");
        else if (cmdw[i] < 0x20 || cmdw[i] > 0x7e)
            printf("\\u%04x", cmdw[i]);
        else
            putchar(cmdw[i]);
        if (cmdw[i] != (unsigned char)cmda[i])
            same = 0;
    }
    printf("]\n");
    printf("GetCommandLineA is the same text: %s\n", same && !cmda[i] ? "yes" : "no");
    return argc;
}
