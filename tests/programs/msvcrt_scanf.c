/* msvcrt_scanf.c: msvcrt's sscanf, _snscanf and scanf (built with __USE_MINGW_ANSI_STDIO=0, so
 * these are msvcrt.dll's). Expected values follow Microsoft's "Format Specification Fields:
 * scanf and wscanf Functions", "scanf Width Specification" and "scanf Type Field Characters"
 * pages, cross-checked with Wine. stdin (msvcrt_scanf.stdin) holds numbers read until EOF. */
#include <stdio.h>
#include <string.h>

/* gcc's format checker does not know msvcrt's %I64d & co. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

#define CHECK_I(fmt_, in_, T, pf)                                                 \
    do {                                                                          \
        T v = (T)0x5a5a;                                                          \
        int r = sscanf(in_, fmt_, &v);                                            \
        printf("%-8s %-14s r=%d v=" pf "\n", fmt_, "\"" in_ "\"", r, v);          \
    } while (0)

int main(void)
{
    int a = 0, b = 0, r, n1 = -1, n2 = -1, sum = 0, count = 0, x;
    short sh;
    signed char hh;
    long l;
    long long ll;
    void *p;
    float f;
    double d, d2;
    char s1[32], s2[32], ch[4];

    /* integers of every size */
    CHECK_I("%d", "42", int, "%d");
    CHECK_I("%d", "-17xyz", int, "%d");
    CHECK_I("%d", "+8", int, "%d");
    CHECK_I("%i", "0x1f", int, "%d");
    CHECK_I("%i", "017", int, "%d");
    CHECK_I("%i", "-12", int, "%d");
    CHECK_I("%x", "ff", int, "%d");
    CHECK_I("%X", "0XAb", int, "%d");
    CHECK_I("%o", "777", int, "%d");
    CHECK_I("%u", "4294967295", unsigned, "%u");
    CHECK_I("%u", "-1", unsigned, "%u");
    /* overflow: the value wraps and is truncated to the stored size (no saturation) */
    CHECK_I("%d", "4294967298", int, "%d");
    CHECK_I("%3d", "12345", int, "%d");
    CHECK_I("%ld", "-2147483648", long, "%ld");
    CHECK_I("%lld", "-9000000000", long long, "%lld");
    CHECK_I("%I64d", "123456789012", long long, "%lld");
    CHECK_I("%I64x", "ffffffffffffffff", long long, "%lld");
    CHECK_I("%I32d", "77", int, "%d");
    sh = 0x5a5a; r = sscanf("70000", "%hd", &sh); printf("%%hd 70000 r=%d v=%d\n", r, sh);
    hh = 0x5a; x = 0x5a5a5a5a;
    r = sscanf("300", "%hhd", &hh); printf("%%hhd 300 r=%d v=%d\n", r, hh);
    l = 0; r = sscanf("  \t\n 99", "%ld", &l); printf("ws r=%d v=%ld\n", r, l);
    p = NULL; r = sscanf("1234abcd", "%p", &p); printf("%%p r=%d v=%llx\n", r, (unsigned long long)(size_t)p);
    ll = 0; r = sscanf("12345", "%Id", &ll); printf("%%Id r=%d v=%lld\n", r, ll);
    ll = 0; r = sscanf("54321", "%zu", &ll); printf("%%zu r=%d v=%lld\n", r, ll);

    /* several fields, suppression, %n, literals */
    r = sscanf("10 20 30", "%d %*d %d%n", &a, &b, &n1); printf("multi r=%d a=%d b=%d n=%d\n", r, a, b, n1);
    a = b = 0; r = sscanf("3,4", "%d,%d", &a, &b); printf("comma r=%d a=%d b=%d\n", r, a, b);
    a = b = 0; r = sscanf("3;4", "%d,%d", &a, &b); printf("mismatch r=%d a=%d b=%d\n", r, a, b);
    a = 0; r = sscanf("100%", "%d%%", &a); printf("percent r=%d a=%d\n", r, a);
    n1 = n2 = -1; r = sscanf("abc  def", "abc%n %n", &n1, &n2); printf("%%n r=%d n1=%d n2=%d\n", r, n1, n2);

    /* the end of the input: -1 before the first conversion, else the count */
    a = b = 0; r = sscanf("", "%d", &a); printf("empty r=%d\n", r);
    /* only white space: the end comes before the first conversion, so EOF (sscanf page, as
     * above); Wine returns 0 */
    r = sscanf("   ", "%d", &a); printf("blank r=%d\n", r);
    r = sscanf("x", "%d", &a); printf("nodigit r=%d\n", r);
    r = sscanf("5", "%d %d", &a, &b); printf("short r=%d a=%d\n", r, a);
    r = sscanf("", "x%d", &a); printf("literal-eof r=%d\n", r);
    r = sscanf("7", "%*d %d", &a); printf("suppressed-eof r=%d\n", r);

    /* chars, strings, sets */
    memset(ch, '.', sizeof ch); ch[3] = 0;
    r = sscanf(" xyz", "%c", ch); printf("%%c r=%d [%s]\n", r, ch);
    memset(ch, '.', sizeof ch); ch[3] = 0;
    r = sscanf("abcd", "%3c", ch); printf("%%3c r=%d [%s]\n", r, ch);
    r = sscanf("  hello world", "%s %s", s1, s2); printf("%%s r=%d [%s] [%s]\n", r, s1, s2);
    r = sscanf("abcdefgh", "%3s%s", s1, s2); printf("%%3s r=%d [%s] [%s]\n", r, s1, s2);
    r = sscanf("hello123", "%[a-z]%d", s1, &a); printf("%%[a-z] r=%d [%s] %d\n", r, s1, a);
    r = sscanf("key,value", "%[^,],%s", s1, s2); printf("%%[^,] r=%d [%s] [%s]\n", r, s1, s2);
    r = sscanf("]]-x", "%[]-]", s1); printf("%%[]-] r=%d [%s]\n", r, s1);
    r = sscanf("zyxw", "%[z-x]", s1); printf("%%[z-x] r=%d [%s]\n", r, s1);
    r = sscanf("123", "%[a-z]", s1); printf("%%[a-z] nomatch r=%d\n", r);

    /* floats */
    f = 0; r = sscanf("1.5", "%f", &f); printf("%%f 1.5 r=%d %g\n", r, f);
    d = 0; r = sscanf("-2e3", "%lf", &d); printf("%%lf -2e3 r=%d %g\n", r, d);
    f = 0; r = sscanf(".5", "%e", &f); printf("%%e .5 r=%d %g\n", r, f);
    d = 0; r = sscanf("1.5d2", "%lf", &d); printf("%%lf 1.5d2 r=%d %g\n", r, d);
    d = d2 = 0; r = sscanf("3.25 -0.125E-1x", "%lg%lE", &d, &d2); printf("%%lg r=%d %g %g\n", r, d, d2);
    d = 0; r = sscanf("12.75", "%4lf", &d); printf("%%4lf r=%d %g\n", r, d);
    /* No digits: a matching failure, 0 ("returns EOF ... if the end of the string is reached
     * before the first conversion": it is not). Wine returns -1 here. */
    d = 0; r = sscanf("-.x", "%lf", &d); printf("%%lf -. r=%d %g\n", r, d);

    /* _snscanf reads at most length chars */
    a = 0; r = _snscanf("12345", 3, "%d", &a); printf("_snscanf r=%d a=%d\n", r, a);
    r = _snscanf("12345", 0, "%d", &a); printf("_snscanf 0 r=%d\n", r);

    /* scanf from stdin until EOF */
    while ((r = scanf("%d", &x)) == 1) {
        sum += x;
        count++;
    }
    /* At the end of the input scanf returns EOF (scanf page: "EOF ... if the end-of-file
     * character ... is encountered in the first attempt to read a character"); Wine gives 0. */
    printf("stdin count=%d sum=%d last=%d\n", count, sum, r);
    return 3;
}
