/* user32_text.c: user32's text functions: CharUpper/Lower (single characters and strings),
 * CharNext/CharPrev(ExA), IsChar*, and wsprintf's own format rules (a table). */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static void wsprintf_table(void)
{
    char buf[1100];
    WCHAR wbuf[1100];
    int n;
#define A(fmt, ...) do { n = wsprintfA(buf, fmt, __VA_ARGS__); printf("A %-10s -> [%s] %d\n", fmt, buf, n); } while (0)
    A("%d", -42);
    A("%5d|", 42);
    A("%-5d|", 42);
    A("%05d", -42);
    A("%.3d", 7);
    A("%.0d", 0);
    A("%u", 3000000000u);
    A("%x", 255);
    A("%#X", 255);
    A("%#x", 0);
    A("%08lx", 0xbeefUL);
    A("%I64d", -1234567890123LL);
    A("%I64x", 0x123456789abULL);
    A("%s", "str");
    A("%.2s", "str");
    A("%5s|", "ab");
    A("%-5s|", "ab");
    A("%S", L"wide");
    A("%ls", L"wide");
    A("%c%c", 'o', 'k');
    A("%C", L'W');
    A("%%", 0);
    A("%f", 1);
    A("%s", (char *)NULL);
    A("%p", (void *)0x1234);
    n = wsprintfW(wbuf, L"%s %S %d %c", L"wide", "narrow", 5, L'x');
    printf("W -> [%ls] %d\n", wbuf, n);
    /* Output is capped. The documentation says "1,024 bytes"; Windows stores 1024 characters and
     * then the terminator (a 1025-character buffer is needed). Wine stops at 1023 characters. */
    memset(buf, 'x', sizeof(buf) - 1);
    buf[sizeof(buf) - 1] = 0;
    {
        static char out[1100];
        memset(out, '#', sizeof(out));
        n = wsprintfA(out, "%s", buf);
        printf("long: %d strlen=%d\n", n, (int)strlen(out));
    }
}

int main(void)
{
    WCHAR w[] = L"Hello, \x00e9t\x00e9 \x0434\x0430!";
    char a[] = "Mixed Case 123";
    const char *s = "abc", *p;

    printf("CharUpperW('a')=%#x CharUpperW(0xe9)=%#x CharLowerW('Q')=%#x\n",
           (unsigned)(ULONG_PTR)CharUpperW((LPWSTR)(ULONG_PTR)'a'),
           (unsigned)(ULONG_PTR)CharUpperW((LPWSTR)(ULONG_PTR)0xe9),
           (unsigned)(ULONG_PTR)CharLowerW((LPWSTR)(ULONG_PTR)'Q'));
    printf("CharUpperW string returns it: %d\n", CharUpperW(w) == w);
    for (int i = 0; w[i]; i++)
        printf("%04x ", w[i]);
    printf("\n");
    printf("CharLowerA: %s\n", CharLowerA(a));
    printf("CharUpperBuffW: %lu\n", CharUpperBuffW(w, 3));
    printf("CharUpperA('z')=%c\n", (char)(ULONG_PTR)CharUpperA((LPSTR)(ULONG_PTR)'z'));

    p = CharNextA(s);
    printf("CharNextA: %d\n", (int)(p - s));
    printf("CharNextA at end: %d\n", (int)(CharNextA(s + 3) - s));
    printf("CharPrevA: %d\n", (int)(CharPrevA(s, s + 2) - s));
    printf("CharPrevA at start: %d\n", (int)(CharPrevA(s, s) - s));
    printf("CharPrevExA(1252): %d\n", (int)(CharPrevExA(1252, s, s + 3, 0) - s));
    /* DBCS walking (code page 932) waits for ntdll to know a DBCS code page (docs/win32dlls.md). */
    printf("IsCharAlphaW: a=%d 5=%d !=%d e9=%d 4e00=%d\n", IsCharAlphaW('a'), IsCharAlphaW('5'),
           IsCharAlphaW('!'), IsCharAlphaW(0xe9), IsCharAlphaW(0x4e00));
    printf("IsCharAlphaNumericW: 5=%d _=%d\n", IsCharAlphaNumericW('5'), IsCharAlphaNumericW('_'));
    printf("IsCharUpperW: A=%d a=%d 1=%d; IsCharLowerW: a=%d A=%d\n", IsCharUpperW('A'), IsCharUpperW('a'),
           IsCharUpperW('1'), IsCharLowerW('a'), IsCharLowerW('A'));
    wsprintf_table();
    return 0;
}
