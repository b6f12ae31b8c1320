/* stdin_fgets.c: standard input piped in (run-tests.sh pipes stdin_fgets.stdin), read with fgets
 * in text mode: "\r\n" becomes "\n", a lone "\r" stays, a line longer than the buffer comes in
 * pieces of size-1 bytes, the last line may lack its newline, then fgets returns NULL with feof.
 * Expected: https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/fgets-fgetws and
 * https://learn.microsoft.com/en-us/cpp/c-runtime-library/text-and-binary-mode-file-i-o
 * Checked with Wine 8.0. */
#include <stdio.h>
#include <string.h>

static void show(const char *s)
{
    for (; *s; s++) {
        if (*s == '\r')
            printf("\\r");
        else if (*s == '\n')
            printf("\\n");
        else
            putchar(*s);
    }
}

int main(void)
{
    char buf[32];
    int n = 0;

    while (fgets(buf, sizeof(buf), stdin)) {
        printf("%d: %2u [", ++n, (unsigned)strlen(buf));
        show(buf);
        printf("]\n");
    }
    printf("end: feof %s, ferror %s\n", feof(stdin) ? "yes" : "no", ferror(stdin) ? "yes" : "no");
    return n;
}
