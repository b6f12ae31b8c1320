/* msvcrt_string.c: string, character and number functions in the "C" locale: comparisons,
 * case-insensitive comparisons, strtok, the ctype classes, strtol and friends with their range
 * errors, _itoa, qsort/bsearch, rand's sequence, the _snprintf truncation rule, strerror's
 * messages.
 * Expected, from Microsoft's documentation:
 * - strtol/strtoul/_strtoi64 https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/strtol-wcstol-strtol-l-wcstol-l
 *   (overflow: LONG_MAX/LONG_MIN or ULONG_MAX with ERANGE 34; endptr at the first unused char,
 *   or at the start when nothing converts; base 0 reads 0x.. as hex and 0.. as octal);
 * - _snprintf https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/snprintf-snprintf-snprintf-l-snwprintf-snwprintf-l
 *   (if the text does not fit: count chars stored, no terminator, -1; if it fits exactly: no
 *   terminator, returns count);
 * - rand https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/rand (0..RAND_MAX
 *   0x7fff; the same seed gives the same sequence; the values for srand(1) are those of
 *   Microsoft's generator seed * 214013 + 2531011, bits 16..30);
 * - is* https://learn.microsoft.com/en-us/cpp/c-runtime-library/is-isw-routines (the classes
 *   of the "C" locale); strerror messages https://learn.microsoft.com/en-us/cpp/c-runtime-library/errno-doserrno-sys-errlist-and-sys-nerr;
 * - _itoa https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/itoa-itow (a minus
 *   sign only in base 10). */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#pragma GCC diagnostic ignored "-Wstringop-truncation"  /* strncat truncates on purpose */

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

static void strings(void)
{
    char buf[32] = "a,b;;c";
    char *tok;

    printf("strcmp: %d %d %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0, strcmp("x", "x"));
    printf("strncmp(abcX, abcY, 3): %d\n", strncmp("abcX", "abcY", 3));
    printf("_stricmp(HeLLo, hello): %d, _strnicmp(ABx, aby, 2): %d\n",
           _stricmp("HeLLo", "hello"), _strnicmp("ABx", "aby", 2));
    printf("_stricmp([, a) < 0: %d (compares lower case)\n", _stricmp("[", "a") < 0);
    printf("strstr: %s, strrchr: %s, strchr nul: %d\n", strstr("haystack", "st"),
           strrchr("a/b/c", '/'), strchr("abc", 0) - (char *)"abc" >= 0);
    printf("strspn %u, strcspn %u, strpbrk %s\n", (unsigned)strspn("aabc", "ab"),
           (unsigned)strcspn("abcd", "dc"), strpbrk("hello", "ol"));
    printf("strtok:");
    for (tok = strtok(buf, ",;"); tok; tok = strtok(NULL, ",;"))
        printf(" [%s]", tok);
    printf("\n");
    strcpy(buf, "abc");
    strncat(buf, "defgh", 2);   /* truncating on purpose */
    printf("strncat: %s, ", buf);
    printf("_strupr: %s, ", _strupr(buf));
    printf("_strrev: %s\n", _strrev(buf));
    memset(buf, 'x', 8);
    strncpy(buf, "ab", 5);
    printf("strncpy pads: %d %d %d, then %c\n", buf[2], buf[3], buf[4], buf[5]);
}

static void ctype_classes(void)
{
    printf("isalpha A z 5: %d %d %d\n", !!isalpha('A'), !!isalpha('z'), !!isalpha('5'));
    printf("isspace sp tab vt x: %d %d %d %d\n", !!isspace(' '), !!isspace('\t'), !!isspace('\v'), !!isspace('x'));
    printf("isxdigit f G: %d %d, ispunct ~: %d, iscntrl 7f: %d\n", !!isxdigit('f'), !!isxdigit('G'),
           !!ispunct('~'), !!iscntrl(0x7f));
    printf("isprint space ~ 7f: %d %d %d, isgraph space: %d\n", !!isprint(' '), !!isprint('~'),
           !!isprint(0x7f), !!isgraph(' '));
    printf("isalpha(0xe9) in \"C\": %d, toupper a 1: %c %c, tolower Z: %c\n", !!isalpha(0xe9),
           toupper('a'), toupper('1'), tolower('Z'));
}

static void numbers(void)
{
    char *end, buf[40];
    long l;

    errno = 0;
    l = strtol("  -123xyz", &end, 10);
    printf("strtol: %ld, rest [%s], errno %d\n", l, end, errno);
    printf("strtol base 0: %ld %ld %ld\n", strtol("0x1F", NULL, 0), strtol("017", NULL, 0), strtol("17", NULL, 0));
    l = strtol("zz", &end, 36);
    printf("strtol base 36 zz: %ld\n", l);
    l = strtol("  nope", &end, 10);
    printf("strtol no digits: %ld, end at start: %s\n", l, !strcmp(end, "  nope") ? "yes" : "no");
    errno = 0;
    l = strtol("99999999999", NULL, 10);
    printf("strtol overflow: %ld, errno %d\n", l, errno);
    errno = 0;
    l = strtol("-99999999999", NULL, 10);
    printf("strtol underflow: %ld, errno %d\n", l, errno);
    errno = 0;
    printf("strtoul -1: %lu, ", strtoul("-1", NULL, 10));
    printf("errno %d\n", errno);
    errno = 0;
    printf("strtoul 4294967296: %lu, ", strtoul("4294967296", NULL, 10));
    printf("errno %d\n", errno);
    printf("_strtoi64: %I64d, _strtoui64: %I64u\n", _strtoi64("-9223372036854775808", NULL, 10),
           _strtoui64("18446744073709551615", NULL, 10));
    errno = 0;
    l = strtol("10", NULL, 1);
    printf("strtol base 1: %ld, errno %d\n", l, errno);
    printf("atoi: %d %d\n", atoi(" 42abc"), atoi("-7"));
    printf("_itoa: %s ", _itoa(-255, buf, 10));
    printf("%s ", _itoa(-1, buf, 16));
    printf("%s\n", _itoa(255, buf, 2));
    printf("abs: %d %ld\n", abs(-5), labs(-6L));
}

static void sorting(void)
{
    int v[] = { 5, 3, 9, 1, 7, 3, 8, 2, 6, 4, 0, 11, 10, 3 };
    int n = sizeof(v) / sizeof(v[0]), key = 7, *found;

    qsort(v, n, sizeof(int), cmp_int);
    printf("qsort:");
    for (int i = 0; i < n; i++)
        printf(" %d", v[i]);
    found = bsearch(&key, v, n, sizeof(int), cmp_int);
    printf("\nbsearch 7: index %d\n", found ? (int)(found - v) : -1);
    key = 12;
    printf("bsearch 12: %s\n", bsearch(&key, v, n, sizeof(int), cmp_int) ? "found" : "NULL");
}

static void formatting(void)
{
    char buf[8];
    int n;

    srand(1);
    printf("rand after srand(1):");
    for (int i = 0; i < 5; i++)
        printf(" %d", rand());
    printf("\n");
    memset(buf, '#', sizeof(buf));
    n = _snprintf(buf, 4, "%s", "abcdef");
    printf("_snprintf too long: %d, [%.8s]\n", n, buf);
    memset(buf, '#', sizeof(buf));
    n = _snprintf(buf, 4, "%d", 1234);
    printf("_snprintf exact: %d, [%.8s]\n", n, buf);
    n = _snprintf(buf, 8, "%d", 12);
    printf("_snprintf short: %d, [%s]\n", n, buf);
    printf("sprintf: %d\n", sprintf(buf, "%05.1f", 3.14159));
    printf("[%s] [%e] [%x] [%p]\n", buf, 12345.678, 255, (void *)0x1234);
    /* strerror returns one buffer per thread: one call per printf. */
    printf("strerror: [%s] ", strerror(ENOENT));
    printf("[%s] ", strerror(ERANGE));
    printf("[%s] ", strerror(EILSEQ));
    printf("[%s]\n", strerror(1000));
}

int main(void)
{
    strings();
    ctype_classes();
    numbers();
    sorting();
    formatting();
    return 0;
}
