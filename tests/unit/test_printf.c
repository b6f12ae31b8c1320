/* test_printf.c: cmocka tests of the printf engine (dlls/dllrt/printf*.c) in msvcrt and UCRT modes.
 *
 * Where expected values come from (cited per row or group as [tag]):
 *  [FS]     learn.microsoft.com, "Format specification syntax: printf and wprintf functions"
 *           (flags, width, precision, size prefixes, type table, infinity/NaN tables, "(null)").
 *  [UCRT]   behaviour of the UCRT's output processor as published in the Windows SDK sources
 *           (corecrt_internal_stdio_output.h): '0' pads strings/chars, %p = 16 uppercase hexits,
 *           unknown conversion chars are printed, second size prefix / L on integers invalid,
 *           c/s width rules, buffer termination and -2 (corecrt vsprintf).
 *  [LEG]    legacy_stdio_msvcrt_compatibility.cpp (vcruntime): msvcrt.dll has F/N size prefixes,
 *           no %F, three-digit exponents and the 1.#INF spellings.
 *  [ONT]    The Old New Thing, 2013-02-21 "What does -1.#IND mean?" and 2013-02-28 "What does 1#J
 *           mean?" (1.#INF rounding to 1.#J, 1.$, 1.#IO).
 *  [SO-QO]  Stack Overflow, "What floating point value makes sprintf_s() yield 1.#QO?" (-1.#QO).
 *  [SO-17]  Stack Overflow 70057191: Visual C printf("%.20lf", 0.1) gives 0.10000000000000001000
 *           (17 significant digits, then zeros).
 *  [RND]    learn.microsoft.com printf reference: before the Windows 10 2004 UCRT, exactly
 *           representable ties rounded up (2.5 -> 3); IEEE rounding (ties to even) needs the
 *           standard-rounding option.
 *  [C99]    C99 7.19.6.1, for behaviour that both CRTs share with the standard.
 *  [OURS]   our decision where no source settles Windows' behaviour (see docs/printf.md).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "printf.h"

#define T_WIDE 0x10000u     /* test-only: run through the wide API */
#define M 0u                /* msvcrt */
#define U FMT_UCRT
#define UL (FMT_UCRT | FMT_LEGACY_WIDE)
#define W T_WIDE

struct targ {
    union {
        long long i;
        double d;
        uint64_t u;
        const void *p;
    };
};

struct row {
    int line;
    unsigned flags;
    const char *fmt;
    const char *exp;        /* NULL (and wexp NULL): the call fails with -1 */
    const uint16_t *wexp;   /* wide rows whose output is not Latin-1 */
    const char *sig;        /* argument types: i int, l long long, d double, p pointer */
    struct targ a[4];
};

#define I(x) { .i = (x) }
#define L(x) { .i = (long long)(x) }
#define D(x) { .d = (x) }
#define B(x) { .u = (x) }   /* a double given by its bits (sig 'd') */
#define P(x) { .p = (x) }
#define ROW(fl, f, e, sig, ...) { __LINE__, (fl), (f), (e), NULL, (sig), { __VA_ARGS__ } }
#define WROW(fl, f, we, sig, ...) { __LINE__, (fl) | W, (f), NULL, (we), (sig), { __VA_ARGS__ } }
#define FAIL(fl, f, sig, ...) { __LINE__, (fl), (f), NULL, NULL, (sig), { __VA_ARGS__ } }

#define QNAN_POS UINT64_C(0x7ff8000000000000)   /* numeric_limits<double>::quiet_NaN() */
#define QNAN_NEG UINT64_C(0xffffffffffffffff)
#define IND      UINT64_C(0xfff8000000000000)   /* x86 default NaN (0.0/0.0, sqrt(-1)) */
#define SNAN_POS UINT64_C(0x7ff0000000000001)

struct counted {
    uint16_t length, maximum_length;
    const void *buffer;
};
static const struct counted ansi_abc = { 3, 4, "abc" };
static const struct counted ansi_null = { 0, 0, NULL };
static const struct counted uni_wid = { 6, 8, u"wid" };
static const char not_terminated[3] = { 'a', 'b', 'c' };

static const struct row rows[] = {
    /* ---- literal text and %% [FS] */
    ROW(M, "hello", "hello", ""),
    ROW(M, "a%%b", "a%b", ""),
    ROW(M, "%%%d%%", "%5%", "i", I(5)),
    ROW(M, "", "", ""),
    /* ---- unknown conversion chars: the char is printed, the spec dropped [UCRT][FS VC6 text] */
    ROW(M, "%y", "y", ""),
    ROW(M, "%5.2y|", "y|", ""),
    ROW(M, "%ly", "y", ""),
    ROW(M, "%5%|", "%|", ""),
    ROW(M, "%-%|", "%|", ""),
    ROW(M, "%5*d", "*d", ""),
    ROW(M, "%.5.d", ".d", ""),
    ROW(M, "%5-d", "-d", ""),
    ROW(M, "abc%", "abc", ""),
    ROW(M, "%", "", ""),
    ROW(U, "%y", "y", ""),
    ROW(U, "%k%d", "k7", "i", I(7)),
    /* ---- %d %i %u [FS][C99] */
    ROW(M, "%d", "0", "i", I(0)),
    ROW(M, "%d", "-1", "i", I(-1)),
    ROW(M, "%d", "2147483647", "i", I(2147483647)),
    ROW(M, "%d", "-2147483648", "i", I(-2147483647 - 1)),
    ROW(M, "%i", "42", "i", I(42)),
    ROW(M, "%u", "4294967295", "i", I(-1)),
    ROW(M, "%5d|", "   42|", "i", I(42)),
    ROW(M, "%-5d|", "42   |", "i", I(42)),
    ROW(M, "%05d", "00042", "i", I(42)),
    ROW(M, "%05d", "-0042", "i", I(-42)),
    ROW(M, "%+d", "+42", "i", I(42)),
    ROW(M, "%+d", "-42", "i", I(-42)),
    ROW(M, "% d", " 42", "i", I(42)),
    ROW(M, "%+ d", "+42", "i", I(42)),       /* blank ignored with + [FS] */
    ROW(M, "% 05d", " 0042", "i", I(42)),
    ROW(M, "%-05d|", "42   |", "i", I(42)), /* '-' wins over '0' [FS] */
    ROW(M, "%+05d", "+0042", "i", I(42)),
    ROW(M, "%.3d", "007", "i", I(7)),
    ROW(M, "%.0d", "", "i", I(0)),          /* [FS] "No characters output" */
    ROW(M, "%5.0d|", "     |", "i", I(0)),
    ROW(M, "%+.0d|", "+|", "i", I(0)),
    ROW(M, "%08.3d", "     007", "i", I(7)), /* '0' ignored with a precision [FS] */
    ROW(M, "%.10d", "-0000000005", "i", I(-5)),
    ROW(M, "%#d", "5", "i", I(5)),
    ROW(M, "%+u", "5", "i", I(5)),           /* '+' and ' ' only for signed types [UCRT] */
    ROW(M, "% u", "5", "i", I(5)),
    ROW(M, "%+x", "ff", "i", I(255)),
    /* ---- %x %X %o [FS][C99] */
    ROW(M, "%x", "ff", "i", I(255)),
    ROW(M, "%X", "FF", "i", I(255)),
    ROW(M, "%x", "ffffffff", "i", I(-1)),
    ROW(M, "%#x", "0xff", "i", I(255)),
    ROW(M, "%#X", "0XFF", "i", I(255)),
    ROW(M, "%#x", "0", "i", I(0)),           /* prefix only for nonzero [FS] */
    ROW(M, "%#08x", "0x0000ff", "i", I(255)),
    ROW(M, "%#8x|", "    0xff|", "i", I(255)),
    ROW(M, "%#-8x|", "0xff    |", "i", I(255)),
    ROW(M, "%5.3x|", "  00a|", "i", I(10)),
    ROW(M, "%#.4x", "0x00ff", "i", I(255)),
    ROW(M, "%o", "10", "i", I(8)),
    ROW(M, "%#o", "010", "i", I(8)),
    ROW(M, "%#o", "0", "i", I(0)),
    ROW(M, "%#.0o", "0", "i", I(0)),
    ROW(M, "%#.3o", "010", "i", I(8)),
    ROW(M, "%#.5o", "00010", "i", I(8)),
    ROW(M, "%o", "37777777777", "i", I(-1)),
    /* ---- size prefixes [FS size table][UCRT] */
    ROW(M, "%hd", "4464", "i", I(70000)),
    ROW(M, "%hu", "65535", "i", I(-1)),
    ROW(M, "%hx", "ffff", "i", I(-1)),
    ROW(M, "%hhd", "44", "i", I(300)),
    ROW(M, "%hhu", "255", "i", I(-1)),
    ROW(M, "%ld", "-1", "i", I(-1)),         /* long is 32-bit on Windows */
    ROW(M, "%lu", "4294967295", "i", I(-1)),
    ROW(M, "%lld", "-9223372036854775808", "l", L(INT64_MIN)),
    ROW(M, "%llu", "18446744073709551615", "l", L(UINT64_MAX)),
    ROW(M, "%llx", "ffffffffffffffff", "l", L(-1)),
    ROW(M, "%I64d", "-9223372036854775808", "l", L(INT64_MIN)),
    ROW(M, "%I64u", "18446744073709551615", "l", L(UINT64_MAX)),
    ROW(M, "%I64X", "123456789ABCDEF0", "l", L(0x123456789abcdef0)),
    ROW(M, "%I32d", "-1", "i", I(-1)),
    ROW(M, "%I32x", "ffffffff", "i", I(-1)),
    ROW(M, "%Id", "-1", "l", L(-1)),         /* I = pointer size (64-bit) */
    ROW(M, "%Iu", "1099511627776", "l", L(1ull << 40)),
    ROW(M, "%Ix", "10000000000", "l", L(1ull << 40)),
    ROW(M, "%zu", "1099511627776", "l", L(1ull << 40)),
    ROW(M, "%jd", "-1", "l", L(-1)),
    ROW(M, "%td", "-1099511627776", "l", L(-(1ll << 40))),
    ROW(M, "%I64d %d", "-1 7", "li", L(-1), I(7)),
    ROW(M, "%Ld", "5", "i", I(5)),           /* msvcrt ignores L/w on integers [OURS] */
    ROW(M, "%wd", "5", "i", I(5)),
    ROW(M, "%Nd", "5", "i", I(5)),           /* N (near) ignored by msvcrt [LEG] */
    ROW(M, "%Fd", "5", "i", I(5)),           /* F (far) ignored by msvcrt [LEG] */
    ROW(M, "%lhd", "-1", "i", I(65535)),     /* msvcrt: the last size prefix wins [OURS] */
    ROW(U, "%hhd %zd %jd %td", "-1 -1 -1 -1", "illl", I(255), L(-1), L(-1), L(-1)),
    ROW(U, "%I64u", "18446744073709551615", "l", L(UINT64_MAX)),
    FAIL(U, "%Ld", "i", I(5)),              /* UCRT: no integer size for L [UCRT] */
    FAIL(U, "%wd", "i", I(5)),
    FAIL(U, "%lhd", "i", I(5)),             /* UCRT: second size prefix [UCRT] */
    FAIL(U, "%Nd", "i", I(5)),              /* UCRT: N only in legacy msvcrt mode [UCRT] */
    ROW(U | FMT_LEGACY_MSVCRT, "%Nd %Fd", "5 6", "ii", I(5), I(6)),
    /* ---- '*' width and precision [FS][C99] */
    ROW(M, "%*d", "   42", "ii", I(5), I(42)),
    ROW(M, "%-*d|", "42   |", "ii", I(5), I(42)),
    ROW(M, "%*d|", "42   |", "ii", I(-5), I(42)),   /* negative width = '-' */
    ROW(M, "%.*d", "007", "ii", I(3), I(7)),
    ROW(M, "%.*d", "7", "ii", I(-1), I(7)),          /* negative precision = none */
    ROW(M, "%0*d", "00003", "ii", I(5), I(3)),
    ROW(M, "%*.*d|", "   007|", "iii", I(6), I(3), I(7)),
    ROW(M, "%.*s|", "ab|", "ip", I(2), P("abcd")),
    ROW(M, "%*s|", "   ab|", "ip", I(5), P("ab")),
    ROW(U, "%*d|", "42   |", "ii", I(-5), I(42)),
    FAIL(M, "%2147483648d", "i", I(1)),              /* width beyond INT_MAX (ERANGE) [UCRT] */
    /* ---- %p [FS][UCRT]: 16 uppercase digits, no 0x, in both runtimes */
    ROW(M, "%p", "000000000040100A", "p", P((void *)0x40100a)),
    ROW(U, "%p", "000000000040100A", "p", P((void *)0x40100a)),
    ROW(M, "%p", "0000000000000000", "p", P(NULL)),
    ROW(M, "%20p|", "    000000000040100A|", "p", P((void *)0x40100a)),
    ROW(M, "%-20p|", "000000000040100A    |", "p", P((void *)0x40100a)),
    ROW(M, "%020p", "    000000000040100A", "p", P((void *)0x40100a)),  /* precision drops '0' */
    ROW(M, "%+p", "000000000040100A", "p", P((void *)0x40100a)),
    ROW(M, "%.4p", "000000000040100A", "p", P((void *)0x40100a)),
    ROW(M, "%p", "FFFFFFFFFFFFFFFF", "p", P((void *)~(uintptr_t)0)),
    ROW(M, "%#p", "0X000000000040100A", "p", P((void *)0x40100a)),  /* shares %X's path [OURS] */
    ROW(U, "%#p", "000000000040100A", "p", P((void *)0x40100a)),    /* prefix only for x/X [UCRT] */
    /* ---- %c %C [FS][UCRT] */
    ROW(M, "%c", "a", "i", I('a')),
    ROW(M, "%5c|", "    a|", "i", I('a')),
    ROW(M, "%-5c|", "a    |", "i", I('a')),
    ROW(M, "%05c", "0000a", "i", I('a')),    /* '0' pads chars too [UCRT] */
    ROW(M, "%c", "A", "i", I(0x141)),        /* narrow: low byte */
    ROW(M, "%.0c", "x", "i", I('x')),        /* precision has no effect [FS] */
    ROW(M, "%hc", "x", "i", I('x')),
    ROW(M, "%C", "A", "i", I('A')),          /* %C in printf = wide char [FS] */
    ROW(M, "%lc", "\xe9", "i", I(0xe9)),
    ROW(M, "%wc", "b", "i", I('b')),
    ROW(M, "[%lc]", "[]", "i", I(0x263a)),   /* unconvertible: field suppressed, no error [UCRT] */
    ROW(M, "[%5lc]", "[]", "i", I(0x263a)),
    ROW(M, "%hC", "q", "i", I('q')),
    ROW(U, "%c%C", "ab", "ii", I('a'), I('b')),
    /* ---- %s %S [FS]: "(null)" for NULL, precision limits chars */
    ROW(M, "%s", "abc", "p", P("abc")),
    ROW(M, "%5s|", "  abc|", "p", P("abc")),
    ROW(M, "%-5s|", "abc  |", "p", P("abc")),
    ROW(M, "%.2s", "ab", "p", P("abc")),
    ROW(M, "%5.1s|", "    a|", "p", P("abc")),
    ROW(M, "%.0s|", "|", "p", P("abc")),
    ROW(M, "%05s", "000ab", "p", P("ab")),   /* '0' pads strings too [UCRT] */
    ROW(M, "%.3s", "abc", "p", P(not_terminated)),
    ROW(M, "%s", "(null)", "p", P(NULL)),
    ROW(M, "%.3s", "(nu", "p", P(NULL)),     /* the precision applies to "(null)" [UCRT] */
    ROW(M, "%10s|", "    (null)|", "p", P(NULL)),
    ROW(M, "%S", "wide", "p", P(u"wide")),   /* %S in printf = wide string [FS] */
    ROW(M, "%ls", "wide", "p", P(u"wide")),
    ROW(M, "%ws", "wide", "p", P(u"wide")),
    ROW(M, "%hs", "nar", "p", P("nar")),
    ROW(M, "%hS", "nar", "p", P("nar")),
    ROW(M, "%lS", "w", "p", P(u"w")),
    ROW(M, "%S", "(null)", "p", P(NULL)),
    ROW(M, "%ls", "caf\xe9", "p", P(u"caf\u00e9")),
    ROW(M, "%.2ls|", "ab|", "p", P(u"abcd")),
    ROW(M, "%6ls|", "  abcd|", "p", P(u"abcd")),
    FAIL(M, "%ls", "p", P(u"x\u263ay")),    /* unconvertible string char: -1 [UCRT] */
    ROW(U, "%s %S %hs %ls", "a b c d", "pppp", P("a"), P(u"b"), P("c"), P(u"d")),
    ROW(U, "%Ts", "nat", "p", P("nat")),     /* UCRT 'T': the function's natural width */
    ROW(M, "%Ts", "Ts", "p", P("x")),        /* msvcrt has no T prefix: printed */
    ROW(M, "%s%s%s", "abcdef", "ppp", P("ab"), P("cd"), P("ef")),
    /* ---- %Z [FS]: ANSI_STRING / UNICODE_STRING (w) */
    ROW(M, "%Z", "abc", "p", P(&ansi_abc)),
    ROW(M, "%wZ", "wid", "p", P(&uni_wid)),
    ROW(M, "%5Z|", "  abc|", "p", P(&ansi_abc)),
    ROW(M, "%Z", "(null)", "p", P(NULL)),
    ROW(M, "%Z", "(null)", "p", P(&ansi_null)),
    ROW(M, "%.1Z", "abc", "p", P(&ansi_abc)),   /* Length, not the precision, bounds it */
    ROW(U, "%hZ %lZ", "abc wid", "pp", P(&ansi_abc), P(&uni_wid)),
    /* ---- floats, msvcrt [FS]: three-digit exponents [FS][LEG] */
    ROW(M, "%f", "1.000000", "d", D(1.0)),
    ROW(M, "%f", "-1.500000", "d", D(-1.5)),
    ROW(M, "%f", "0.000000", "d", D(0.0)),
    ROW(M, "%f", "-0.000000", "d", D(-0.0)),
    ROW(M, "%lf %Lf", "2.000000 3.000000", "dd", D(2.0), D(3.0)),  /* l/L ignored for doubles */
    ROW(M, "%.0f", "3", "d", D(3.0)),
    ROW(M, "%#.0f", "3.", "d", D(3.0)),
    ROW(M, "%.0f", "1", "d", D(0.5)),        /* ties round up (away from zero) [RND] */
    ROW(M, "%.0f", "2", "d", D(1.5)),
    ROW(M, "%.0f", "3", "d", D(2.5)),        /* [RND] "2.5 would round to 3" */
    ROW(M, "%.0f", "-3", "d", D(-2.5)),
    ROW(M, "%.2f", "0.13", "d", D(0.125)),
    ROW(M, "%.1f", "0.3", "d", D(0.25)),
    ROW(M, "%.1f", "0.3", "d", D(0.35)),     /* 0.34999.. but 17 digits tie-free */
    ROW(M, "%.2f", "2.67", "d", D(2.675)),   /* 2.67499999.. [RND] "2.35 ... continues to round" */
    ROW(M, "%.20f", "0.10000000000000001000", "d", D(0.1)),   /* [SO-17] */
    ROW(M, "%f", "99999999999999992000000.000000", "d", D(1e23)),
    ROW(M, "%.3f", "0.000", "d", D(1e-10)),
    ROW(M, "%.2f", "0.01", "d", D(0.006)),
    ROW(M, "%.2f", "-0.00", "d", D(-0.001)),
    ROW(M, "%10.3f|", "     3.142|", "d", D(3.14159)),
    ROW(M, "%-10.2f|", "3.14      |", "d", D(3.14159)),
    ROW(M, "%010.3f", "-00003.142", "d", D(-3.14159)),
    ROW(M, "%+.2f", "+1.00", "d", D(1.0)),
    ROW(M, "% .2f", " 1.00", "d", D(1.0)),
    ROW(M, "%.*f", "3.142", "id", I(3), D(3.14159265)),          /* [FS] example */
    ROW(M, "%f", "1.000000", "d", D(1.0)),
    ROW(M, "%e", "1.000000e+001", "d", D(10.0)),
    ROW(M, "%e", "0.000000e+000", "d", D(0.0)),
    ROW(M, "%e", "1.000000e-300", "d", D(1e-300)),
    ROW(M, "%e", "1.797693e+308", "d", D(1.7976931348623157e308)),
    ROW(M, "%E", "1.234568E+004", "d", D(12345.678)),
    ROW(M, "%.0e", "2e+000", "d", D(1.5)),
    ROW(M, "%+.0e", "+3e+000", "d", D(2.5)),
    ROW(M, "%#.0e", "2.e+000", "d", D(2.0)),
    ROW(M, "%.3e", "1.000e+001", "d", D(9.99996)),
    ROW(M, "%.20e", "1.00000000000000010000e-001", "d", D(0.1)),
    ROW(M, "%g", "1", "d", D(1.0)),
    ROW(M, "%g", "100000", "d", D(100000.0)),
    ROW(M, "%g", "1e+006", "d", D(1e6)),
    ROW(M, "%g", "0.0001", "d", D(0.0001)),
    ROW(M, "%g", "1e-005", "d", D(0.00001)),
    ROW(M, "%g", "1.23457e+008", "d", D(123456789.0)),
    ROW(M, "%G", "1E-010", "d", D(1e-10)),
    ROW(M, "%#g", "1.00000", "d", D(1.0)),
    ROW(M, "%.3g", "3.14", "d", D(3.14159)),
    ROW(M, "%.0g", "4", "d", D(3.7)),
    ROW(M, "%g", "0", "d", D(0.0)),
    ROW(M, "%#g", "0.00000", "d", D(0.0)),
    ROW(M, "%.10g", "0.1", "d", D(0.1)),
    ROW(M, "%.17g", "0.10000000000000001", "d", D(0.1)),
    ROW(M, "%.20g", "0.10000000000000001", "d", D(0.1)),
    ROW(M, "%g", "1e+006", "d", D(999999.5)),
    ROW(M, "%g", "-2.5", "d", D(-2.5)),
    ROW(M | FMT_TWO_DIGIT_EXP, "%e %g", "1.000000e+01 1e+100", "dd", D(10.0), D(1e100)),
    ROW(M, "%Ff", "1.500000", "d", D(1.5)),  /* F is a size prefix in msvcrt [LEG] */
    ROW(M, "%F|", "|", ""),
    /* ---- %a [FS]: default precision 13, exponent without minimum digits */
    ROW(M, "%a", "0x1.0000000000000p+0", "d", D(1.0)),
    ROW(M, "%A", "0X1.0000000000000P+0", "d", D(1.0)),
    ROW(M, "%a", "-0x1.0000000000000p+1", "d", D(-2.0)),
    ROW(M, "%.1a", "0x1.0p+0", "d", D(1.0)),
    ROW(M, "%.0a", "0x1p+0", "d", D(1.0)),
    ROW(M, "%#.0a", "0x1.p+0", "d", D(1.0)),
    ROW(M, "%a", "0x0.0000000000000p+0", "d", D(0.0)),
    ROW(M, "%.3a", "0x1.99ap-4", "d", D(0.1)),
    ROW(M, "%a", "0x0.0000000000001p-1022", "d", D(5e-324)),
    ROW(M, "%.0a", "0x2p+0", "d", D(1.5)),
    ROW(M, "%.15a", "0x1.800000000000000p+0", "d", D(1.5)),
    ROW(M, "%24a|", "    0x1.0000000000000p+0|", "d", D(1.0)),
    ROW(M, "%024a", "0x00001.0000000000000p+0", "d", D(1.0)),
    ROW(M, "%+a", "+0x1.0000000000000p+0", "d", D(1.0)),
    /* ---- msvcrt infinities and NaNs [FS][ONT][SO-QO] */
    ROW(M, "%f", "1.#INF00", "d", D(INFINITY)),
    ROW(M, "%f", "-1.#INF00", "d", D(-INFINITY)),
    ROW(M, "%e", "1.#INF00e+000", "d", D(INFINITY)),
    ROW(M, "%E", "1.#INF00E+000", "d", D(INFINITY)),
    ROW(M, "%g", "1.#INF", "d", D(INFINITY)),
    ROW(M, "%.0f", "1", "d", D(INFINITY)),
    ROW(M, "%.1f", "1.$", "d", D(INFINITY)),
    ROW(M, "%.2f", "1.#J", "d", D(INFINITY)),
    ROW(M, "%.3f", "1.#IO", "d", D(INFINITY)),
    ROW(M, "%.3f", "-1.#QO", "d", B(QNAN_NEG)),
    ROW(M, "%f", "1.#QNAN0", "d", B(QNAN_POS)),
    ROW(M, "%f", "-1.#QNAN0", "d", B(QNAN_NEG)),
    ROW(M, "%f", "-1.#IND00", "d", B(IND)),
    ROW(M, "%f", "1.#SNAN0", "d", B(SNAN_POS)),
    ROW(M, "%.2f", "-1.#J", "d", B(IND)),
    ROW(M, "%10f|", "  1.#INF00|", "d", D(INFINITY)),
    ROW(M, "%-10f|", "1.#INF00  |", "d", D(INFINITY)),
    ROW(M, "%+f", "+1.#INF00", "d", D(INFINITY)),
    ROW(M, "%#.0f", "1.", "d", D(INFINITY)),
    ROW(M, "%.2e", "1.#Je+000", "d", D(INFINITY)),
    ROW(M, "%G", "-1.#IND", "d", B(IND)),
    ROW(M, "%010f", "001.#INF00", "d", D(INFINITY)),   /* zero padding kept [OURS] */
    ROW(M, "%a", "0x1.#INF000000000p+0", "d", D(INFINITY)),   /* [OURS] */
    /* ---- UCRT floats [FS]: two-digit exponents, inf/nan spellings, exact digits */
    ROW(U, "%e", "1.000000e+01", "d", D(10.0)),
    ROW(U, "%g", "1e+06", "d", D(1e6)),
    ROW(U, "%e", "1.000000e+100", "d", D(1e100)),
    ROW(U, "%E", "1.000000E-300", "d", D(1e-300)),
    ROW(U, "%g", "1e-05", "d", D(0.00001)),
    ROW(U, "%F", "1.500000", "d", D(1.5)),
    ROW(U, "%.20f", "0.10000000000000000555", "d", D(0.1)),
    ROW(U, "%f", "99999999999999991611392.000000", "d", D(1e23)),
    ROW(U, "%.20g", "0.10000000000000000555", "d", D(0.1)),
    ROW(U, "%.0f", "3", "d", D(2.5)),                  /* legacy rounding by default [RND] */
    ROW(U, "%.0f", "1", "d", D(0.5)),
    ROW(U, "%.2f", "0.13", "d", D(0.125)),
    ROW(U | FMT_STANDARD_ROUNDING, "%.0f", "2", "d", D(2.5)),   /* [RND] */
    ROW(U | FMT_STANDARD_ROUNDING, "%.0f", "2", "d", D(1.5)),
    ROW(U | FMT_STANDARD_ROUNDING, "%.0f", "0", "d", D(0.5)),
    ROW(U | FMT_STANDARD_ROUNDING, "%.2f", "0.12", "d", D(0.125)),
    ROW(U | FMT_STANDARD_ROUNDING, "%.1f", "2.4", "d", D(2.35)),  /* [RND] 2.35 -> 2.4 */
    ROW(U | FMT_STANDARD_ROUNDING, "%.1a", "0x1.0p+0", "d", D(1.03125)),
    ROW(U, "%.1a", "0x1.1p+0", "d", D(1.03125)),
    ROW(U, "%.0a", "0x1p+1", "d", D(2.5)),
    ROW(U, "%f", "inf", "d", D(INFINITY)),
    ROW(U, "%F", "INF", "d", D(INFINITY)),
    ROW(U, "%f", "-inf", "d", D(-INFINITY)),
    ROW(U, "%e", "nan", "d", B(QNAN_POS)),
    ROW(U, "%E", "-NAN", "d", B(QNAN_NEG)),
    ROW(U, "%f", "-nan(ind)", "d", B(IND)),
    ROW(U, "%G", "-NAN(IND)", "d", B(IND)),
    ROW(U, "%f", "nan(snan)", "d", B(SNAN_POS)),
    ROW(U, "%+f", "+inf", "d", D(INFINITY)),
    ROW(U, "% g", " inf", "d", D(INFINITY)),
    ROW(U, "%010f", "       inf", "d", D(INFINITY)),  /* '0' dropped for inf/nan [FS][UCRT] */
    ROW(U, "%-6f|", "inf   |", "d", D(INFINITY)),
    ROW(U, "%.1f", "inf", "d", D(INFINITY)),
    ROW(U, "%a", "inf", "d", D(INFINITY)),             /* no 0x for specials [UCRT] */
    ROW(U, "%A", "-INF", "d", D(-INFINITY)),
    ROW(U, "%a", "0x1.8000000000000p+1", "d", D(3.0)),
    ROW(U | FMT_LEGACY_MSVCRT, "%f %e", "1.#INF00 1.#INF00e+00", "dd", D(INFINITY), D(INFINITY)),
    ROW(U | FMT_LEGACY_MSVCRT, "%Ff", "1.000000", "d", D(1.0)),
    ROW(U | FMT_LEGACY_MSVCRT | FMT_THREE_DIGIT_EXP, "%e", "1.000000e+001", "d", D(10.0)),
    ROW(U | FMT_THREE_DIGIT_EXP, "%g", "1e+006", "d", D(1e6)),
    /* ---- %n is not a table case (see test_count); _s validation [UCRT] */
    ROW(U | FMT_VALIDATE, "%d%%", "5%", "i", I(5)),
    FAIL(U | FMT_VALIDATE, "%y", ""),
    FAIL(U | FMT_VALIDATE, "%-%", ""),
    FAIL(U | FMT_VALIDATE, "abc%", ""),
    FAIL(U | FMT_VALIDATE, "%5", ""),
    FAIL(M | FMT_VALIDATE, "%y", ""),
    /* ---- positional parameters, the _p functions [FS "printf_p Positional Parameters"] */
    ROW(U | FMT_POSITIONAL, "%2$s %1$s", "b a", "pp", P("a"), P("b")),
    ROW(U | FMT_POSITIONAL, "%1$d %1$d", "5 5", "i", I(5)),
    ROW(U | FMT_POSITIONAL, "%2$*1$d|", "   42|", "ii", I(5), I(42)),
    ROW(U | FMT_POSITIONAL, "%1$.*2$f", "3.14", "di", D(3.14159), I(2)),
    ROW(U | FMT_POSITIONAL, "%3$s %1$d %2$f", "x 1 2.500000", "idp", I(1), D(2.5), P("x")),
    ROW(U | FMT_POSITIONAL, "%2$lld %1$d", "-5 7", "il", I(7), L(-5)),
    ROW(U | FMT_POSITIONAL, "%d %s", "4 z", "ip", I(4), P("z")),  /* all sequential: fine */
    FAIL(U | FMT_POSITIONAL, "%1$d %d", "ii", I(1), I(2)),       /* mixed */
    FAIL(U | FMT_POSITIONAL, "%3$d %1$d", "iii", I(1), I(2), I(3)), /* 2 unused */
    FAIL(U | FMT_POSITIONAL, "%0$d", "i", I(1)),
    FAIL(U | FMT_POSITIONAL, "%101$d", "i", I(1)),
    FAIL(U | FMT_POSITIONAL, "%1$d %1$s", "i", I(1)),            /* conflicting types */
    FAIL(U | FMT_POSITIONAL, "%1$*d", "ii", I(1), I(2)),
    /* ---- wide functions: %s/%c are wide in msvcrt (and UCRT legacy), %S/%C narrow [FS] */
    ROW(W, "%d %x %s", "12 ff ok", "iip", I(12), I(255), P(u"ok")),
    ROW(W, "%s", "abc", "p", P(u"abc")),
    ROW(W, "%S", "abc", "p", P("abc")),
    ROW(W, "%hs", "abc", "p", P("abc")),
    ROW(W, "%ls", "abc", "p", P(u"abc")),
    ROW(W, "%ws", "abc", "p", P(u"abc")),
    ROW(W, "%s", "(null)", "p", P(NULL)),
    ROW(W, "%S", "(null)", "p", P(NULL)),
    ROW(W, "%S", "caf\xe9", "p", P("caf\xe9")),       /* narrow -> wide through the hook */
    ROW(W, "%5.2S|", "   ab|", "p", P("abc")),
    ROW(W, "%-4s|", "ab  |", "p", P(u"ab")),
    ROW(W, "%05s", "000ab", "p", P(u"ab")),
    WROW(M, "%s", u"\u263a!", "p", P(u"\u263a!")),
    WROW(M, "%c", u"\u263a", "i", I(0x263a)),
    WROW(M, "%lc", u"\u263a", "i", I(0x263a)),
    ROW(W, "%c", "a", "i", I('a')),
    ROW(W, "%C", "b", "i", I('b')),
    ROW(W, "%hc", "\xe9", "i", I(0xe9)),
    ROW(W, "%3c|", "  z|", "i", I('z')),
    ROW(W | U, "%s", "narrow", "p", P("narrow")),      /* UCRT ISO: %s narrow in wprintf */
    ROW(W | U, "%S", "wide", "p", P(u"wide")),
    ROW(W | U, "%c", ":", "i", I(0x263a)),             /* narrow char: low byte [UCRT] */
    ROW(W | UL, "%s %S", "wide narrow", "pp", P(u"wide"), P("narrow")),
    ROW(W | UL, "%c%C", "ab", "ii", I('a'), I('b')),
    ROW(W | U, "%Ts", "wide", "p", P(u"wide")),
    ROW(W, "%wZ %Z", "wid abc", "pp", P(&uni_wid), P(&ansi_abc)),
    ROW(W, "%f %e", "1.500000 1.000000e+001", "dd", D(1.5), D(10.0)),
    ROW(W, "%f", "-1.#IND00", "d", B(IND)),
    ROW(W | U, "%g", "nan", "d", B(QNAN_POS)),
    ROW(W, "%p", "000000000040100A", "p", P((void *)0x40100a)),
    ROW(W, "%y%%", "y%", ""),
    ROW(W | FMT_POSITIONAL | U, "%2$s%1$s", "ba", "pp", P(u"a"), P(u"b")),
};

/* ------------------------------------------------------------------------------------------ */

struct call {
    const struct row *r;
    char *buf;
    uint16_t *wbuf;
    uint16_t wfmt[256];
    size_t count;
};

static int vrun(struct call *c, ...)
{
    unsigned flags = c->r->flags & ~T_WIDE;
    va_list ap;
    int ret;

    va_start(ap, c);
    if (c->r->flags & T_WIDE)
        ret = fmt_vsnprintf_w(c->wbuf, c->count, FMT_BUFFER_STANDARD, flags, NULL, NULL,
                              c->wfmt, ap);
    else
        ret = fmt_vsnprintf_a(c->buf, c->count, FMT_BUFFER_STANDARD, flags, NULL, NULL,
                              c->r->fmt, ap);
    va_end(ap);
    return ret;
}

/* The argument lists the table uses. */
static int dispatch(struct call *c)
{
    const struct targ *a = c->r->a;
    const char *s = c->r->sig;

#define IS(x) (!strcmp(s, x))
    if (IS("")) return vrun(c);
    if (IS("i")) return vrun(c, (int)a[0].i);
    if (IS("ii")) return vrun(c, (int)a[0].i, (int)a[1].i);
    if (IS("iii")) return vrun(c, (int)a[0].i, (int)a[1].i, (int)a[2].i);
    if (IS("l")) return vrun(c, a[0].i);
    if (IS("li")) return vrun(c, a[0].i, (int)a[1].i);
    if (IS("il")) return vrun(c, (int)a[0].i, a[1].i);
    if (IS("illl")) return vrun(c, (int)a[0].i, a[1].i, a[2].i, a[3].i);
    if (IS("d")) return vrun(c, a[0].d);
    if (IS("dd")) return vrun(c, a[0].d, a[1].d);
    if (IS("id")) return vrun(c, (int)a[0].i, a[1].d);
    if (IS("di")) return vrun(c, a[0].d, (int)a[1].i);
    if (IS("idp")) return vrun(c, (int)a[0].i, a[1].d, a[2].p);
    if (IS("p")) return vrun(c, a[0].p);
    if (IS("pp")) return vrun(c, a[0].p, a[1].p);
    if (IS("ppp")) return vrun(c, a[0].p, a[1].p, a[2].p);
    if (IS("pppp")) return vrun(c, a[0].p, a[1].p, a[2].p, a[3].p);
    if (IS("ip")) return vrun(c, (int)a[0].i, a[1].p);
    if (IS("iip")) return vrun(c, (int)a[0].i, (int)a[1].i, a[2].p);
#undef IS
    fail_msg("line %d: no dispatch for signature \"%s\"", c->r->line, s);
    return 0;
}

/* Runs one row; prints and returns false on a mismatch so that every bad row is reported. */
static bool check_row(const struct row *r)
{
    static char buf[1024];
    static uint16_t wbuf[1024];
    struct call c = { .r = r, .buf = buf, .wbuf = wbuf, .count = 1024 };
    uint16_t want[256];
    size_t n = 0;
    int ret;

    memset(buf, 0x55, sizeof(buf));
    memset(wbuf, 0x55, sizeof(wbuf));
    for (size_t i = 0; i <= strlen(r->fmt); i++)
        c.wfmt[i] = (unsigned char)r->fmt[i];
    ret = dispatch(&c);
    if (!r->exp && !r->wexp) {
        if (ret == -1)
            return true;
        print_error("line %d: \"%s\": expected failure, got %d\n", r->line, r->fmt, ret);
        return false;
    }
    if (!(r->flags & T_WIDE)) {
        if (ret == (int)strlen(r->exp) && !strcmp(buf, r->exp))
            return true;
        print_error("line %d: \"%s\": got %d \"%s\", want \"%s\"\n", r->line, r->fmt, ret,
                    buf, r->exp);
        return false;
    }
    if (r->wexp)
        while ((want[n] = r->wexp[n]) != 0)
            n++;
    else
        while ((want[n] = (unsigned char)r->exp[n]) != 0)
            n++;
    if (ret == (int)n && !memcmp(wbuf, want, (n + 1) * 2))
        return true;
    print_error("line %d: wide \"%s\": got %d, want %zu chars\n", r->line, r->fmt, ret, n);
    return false;
}

static void test_table(void **state)
{
    int bad = 0;
    (void)state;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        bad += !check_row(&rows[i]);
    assert_int_equal(bad, 0);
}

static void test_table_size(void **state)
{
    (void)state;
    assert_true(sizeof(rows) / sizeof(rows[0]) >= 200);
}

/* ------------------------------------------------------------------------------------------ */
/* Bounded buffers                                                                            */

static int snp(char *buf, size_t count, enum fmt_buffer_mode mode, unsigned flags,
               enum fmt_error *err, const char *fmt, ...)
{
    va_list ap;
    int ret;
    va_start(ap, fmt);
    ret = fmt_vsnprintf_a(buf, count, mode, flags, NULL, err, fmt, ap);
    va_end(ap);
    return ret;
}

/* msvcrt _vsnprintf: -1 on truncation, no NUL when full (learn.microsoft.com "_snprintf":
 * "If len = count, ... no null-terminator is appended"; "If len > count, ... -1 is returned"). */
static void test_buffer_legacy(void **state)
{
    char buf[16];
    enum fmt_error err;
    (void)state;

    memset(buf, 'x', sizeof(buf));
    assert_int_equal(snp(buf, 5, FMT_BUFFER_LEGACY, 0, &err, "%s", "abc"), 3);
    assert_string_equal(buf, "abc");
    assert_int_equal(buf[4], 'x');

    memset(buf, 'x', sizeof(buf));
    assert_int_equal(snp(buf, 3, FMT_BUFFER_LEGACY, 0, &err, "abc"), 3);   /* fits exactly */
    assert_memory_equal(buf, "abcx", 4);                                    /* not terminated */

    memset(buf, 'x', sizeof(buf));
    assert_int_equal(snp(buf, 3, FMT_BUFFER_LEGACY, 0, &err, "abcdef"), -1);
    assert_int_equal(err, FMT_ETRUNC);
    assert_memory_equal(buf, "abcx", 4);

    memset(buf, 'x', sizeof(buf));
    assert_int_equal(snp(buf, 0, FMT_BUFFER_LEGACY, 0, &err, "a"), -1);
    assert_int_equal(buf[0], 'x');
    assert_int_equal(snp(buf, 0, FMT_BUFFER_LEGACY, 0, &err, ""), 0);
}

/* C99 vsnprintf (UCRT standard behaviour): full length, always terminated. */
static void test_buffer_standard(void **state)
{
    char buf[16];
    (void)state;

    memset(buf, 'x', sizeof(buf));
    assert_int_equal(snp(buf, 4, FMT_BUFFER_STANDARD, FMT_UCRT, NULL, "abc%s", "def"), 6);
    assert_memory_equal(buf, "abc\0x", 5);
    memset(buf, 'x', sizeof(buf));
    assert_int_equal(snp(buf, 0, FMT_BUFFER_STANDARD, FMT_UCRT, NULL, "abcdef"), 6);
    assert_int_equal(buf[0], 'x');
    assert_int_equal(snp(buf, 4, FMT_BUFFER_STANDARD, FMT_UCRT, NULL, "abc"), 3);
    assert_string_equal(buf, "abc");
    /* an error still leaves an empty string [UCRT] */
    assert_int_equal(snp(buf, 8, FMT_BUFFER_STANDARD, FMT_UCRT, NULL, "%Ld", 1), -1);
    assert_string_equal(buf, "");
}

/* UCRT with neither option: terminates at count - 1 and returns -2 [UCRT]. */
static void test_buffer_ucrt(void **state)
{
    char buf[16];
    (void)state;

    memset(buf, 'x', sizeof(buf));
    assert_int_equal(snp(buf, 4, FMT_BUFFER_UCRT, FMT_UCRT, NULL, "abcdef"), -2);
    assert_memory_equal(buf, "abc\0x", 5);
    assert_int_equal(snp(buf, 3, FMT_BUFFER_UCRT, FMT_UCRT, NULL, "abc"), -2);  /* no room for NUL */
    assert_memory_equal(buf, "ab\0", 3);
    assert_int_equal(snp(buf, 5, FMT_BUFFER_UCRT, FMT_UCRT, NULL, "abc"), 3);
    assert_string_equal(buf, "abc");
    assert_int_equal(snp(buf, 0, FMT_BUFFER_UCRT, FMT_UCRT, NULL, "abc"), -1);
}

/* buf == NULL counts (the _vscprintf idiom) in every mode. */
static void test_buffer_count_only(void **state)
{
    (void)state;
    assert_int_equal(snp(NULL, 0, FMT_BUFFER_LEGACY, 0, NULL, "%d-%s", 123, "ab"), 6);
    assert_int_equal(snp(NULL, 0, FMT_BUFFER_STANDARD, 0, NULL, "%d-%s", 123, "ab"), 6);
    assert_int_equal(snp(NULL, 5, FMT_BUFFER_UCRT, FMT_UCRT, NULL, "%d-%s", 123, "ab"), 6);
}

/* Width 100000 into a small buffer must not overflow (ASan checks the bounds). */
static void test_huge_width(void **state)
{
    char *buf = malloc(16);
    (void)state;

    assert_int_equal(snp(buf, 16, FMT_BUFFER_LEGACY, 0, NULL, "%100000d", 7), -1);
    for (int i = 0; i < 16; i++)
        assert_int_equal(buf[i], ' ');
    assert_int_equal(snp(buf, 16, FMT_BUFFER_STANDARD, FMT_UCRT, NULL, "%-100000d|", 7), 100001);
    assert_int_equal(buf[0], '7');
    assert_int_equal(buf[15], 0);
    assert_int_equal(snp(buf, 16, FMT_BUFFER_STANDARD, 0, NULL, "%.100000f", 1.0), 100002);
    assert_string_equal(buf, "1.0000000000000");
    assert_int_equal(snp(buf, 16, FMT_BUFFER_STANDARD, 0, NULL, "%.100000d", 5), 100000);
    assert_int_equal(snp(buf, 16, FMT_BUFFER_STANDARD, 0, NULL, "%.100000s", "ab"), 2);
    free(buf);
}

static size_t wlen(const uint16_t *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static void test_buffer_wide(void **state)
{
    uint16_t buf[8];
    (void)state;

    memset(buf, 0x55, sizeof(buf));
    assert_int_equal(fmt_snprintf_w(buf, 4, FMT_BUFFER_LEGACY, 0, u"%s%d", u"ab", 12), 4);
    assert_memory_equal(buf, u"ab12", 8);
    assert_int_equal(buf[4], 0x5555);
    assert_int_equal(fmt_snprintf_w(buf, 3, FMT_BUFFER_LEGACY, 0, u"%s%d", u"ab", 12), -1);
    assert_int_equal(fmt_snprintf_w(buf, 3, FMT_BUFFER_STANDARD, FMT_UCRT, u"%ls%d", u"ab", 12), 4);
    assert_int_equal(wlen(buf), 2);
    assert_int_equal(fmt_snprintf_w(NULL, 0, FMT_BUFFER_LEGACY, 0, u"%5s", u"ab"), 5);
}

/* A NUL from %c is output and counted. */
static void test_nul_char(void **state)
{
    char buf[8];
    (void)state;
    memset(buf, 'x', sizeof(buf));
    assert_int_equal(snp(buf, 8, FMT_BUFFER_STANDARD, 0, NULL, "a%cb", 0), 3);
    assert_memory_equal(buf, "a\0b\0", 4);
}

/* More than FMT_STAGE chars go through several sink calls. */
static void test_long_output(void **state)
{
    char big[2000], buf[2100];
    (void)state;
    for (int i = 0; i < 1999; i++)
        big[i] = (char)('a' + i % 26);
    big[1999] = 0;
    assert_int_equal(snp(buf, sizeof(buf), FMT_BUFFER_STANDARD, 0, NULL, "<%s>", big), 2001);
    assert_int_equal(buf[0], '<');
    assert_memory_equal(buf + 1, big, 1999);
    assert_string_equal(buf + 2000, ">");
}

/* ------------------------------------------------------------------------------------------ */
/* %n, errors, hooks, sinks                                                                   */

static void test_count(void **state)
{
    char buf[32];
    int n = -1;
    short h = -1;
    signed char hh = -1;
    long long ll = -1;
    enum fmt_error err;
    (void)state;

    /* msvcrt.dll honours %n [FS "n" row] */
    assert_int_equal(snp(buf, 32, FMT_BUFFER_STANDARD, 0, NULL, "abc%n%5d%hn%hhn%lln", &n, 1,
                         &h, &hh, &ll), 8);
    assert_int_equal(n, 3);
    assert_int_equal(h, 8);
    assert_int_equal(hh, 8);
    assert_int_equal(ll, 8);
    /* UCRT: disabled by default -> invalid parameter [FS "%n ... disabled by default"] */
    n = -1;
    assert_int_equal(snp(buf, 32, FMT_BUFFER_STANDARD, FMT_UCRT, &err, "ab%n", &n), -1);
    assert_int_equal(err, FMT_EINVAL);
    assert_int_equal(n, -1);
    /* ... unless _set_printf_count_output(1) */
    assert_int_equal(snp(buf, 32, FMT_BUFFER_STANDARD, FMT_UCRT | FMT_COUNT_OUTPUT, NULL,
                         "ab%n", &n), 2);
    assert_int_equal(n, 2);
    /* never in the _s functions [UCRT] */
    assert_int_equal(snp(buf, 32, FMT_BUFFER_STANDARD, FMT_VALIDATE, NULL, "ab%n", &n), -1);
}

static void test_errors(void **state)
{
    char buf[32];
    enum fmt_error err;
    (void)state;

    assert_int_equal(snp(buf, 32, FMT_BUFFER_STANDARD, 0x80000000u, &err, "x"), -1);
    assert_int_equal(err, FMT_EINVAL);
    assert_int_equal(snp(buf, 32, FMT_BUFFER_STANDARD, 0, &err, NULL), -1);
    assert_int_equal(err, FMT_EINVAL);
    assert_int_equal(snp(buf, 32, FMT_BUFFER_STANDARD, 0, &err, "%ls", u"\u263a"), -1);
    assert_int_equal(err, FMT_EILSEQ);
    assert_int_equal(snp(buf, 32, FMT_BUFFER_STANDARD, 0, &err, "%d", 5), 1);
    assert_int_equal(err, FMT_OK);
}

static bool failing_write(struct fmt_sink *sink, const void *data, size_t count)
{
    (void)data;
    (void)count;
    ++*(int *)sink->ctx;
    return false;
}

static int vsink(struct fmt_sink *sink, const char *fmt, ...)
{
    va_list ap;
    int ret;
    va_start(ap, fmt);
    ret = fmt_vformat_a(sink, 0, NULL, fmt, ap);
    va_end(ap);
    return ret;
}

static void test_sink_failure(void **state)
{
    int calls = 0;
    struct fmt_sink sink = { failing_write, &calls, FMT_OK };
    (void)state;

    assert_int_equal(vsink(&sink, "%s", "abc"), -1);
    assert_int_equal(sink.error, FMT_ESINK);
    assert_int_equal(calls, 1);
    assert_int_equal(fmt_vformat_a(NULL, 0, NULL, "x", NULL), -1);
}

/* A UTF-8 "code page" for the conversion hooks (BMP only). */
static int utf8_wc_to_mb(void *ctx, char *out, fmt_wchar wc)
{
    (void)ctx;
    if (wc < 0x80) {
        out[0] = (char)wc;
        return 1;
    }
    if (wc < 0x800) {
        out[0] = (char)(0xc0 | wc >> 6);
        out[1] = (char)(0x80 | (wc & 0x3f));
        return 2;
    }
    if (wc >= 0xd800 && wc < 0xe000)
        return -1;
    out[0] = (char)(0xe0 | wc >> 12);
    out[1] = (char)(0x80 | ((wc >> 6) & 0x3f));
    out[2] = (char)(0x80 | (wc & 0x3f));
    return 3;
}

static int utf8_mb_to_wc(void *ctx, fmt_wchar *out, const char *in)
{
    const unsigned char *s = (const unsigned char *)in;
    (void)ctx;
    if (s[0] < 0x80) {
        *out = s[0];
        return 1;
    }
    if ((s[0] & 0xe0) == 0xc0 && (s[1] & 0xc0) == 0x80) {
        *out = (fmt_wchar)((s[0] & 0x1f) << 6 | (s[1] & 0x3f));
        return 2;
    }
    if ((s[0] & 0xf0) == 0xe0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
        *out = (fmt_wchar)((s[0] & 0x0f) << 12 | (s[1] & 0x3f) << 6 | (s[2] & 0x3f));
        return 3;
    }
    return -1;
}

static const struct fmt_hooks utf8_hooks = { utf8_wc_to_mb, utf8_mb_to_wc, NULL, ',' };

static int snp_hooks(char *buf, size_t count, const char *fmt, ...)
{
    va_list ap;
    int ret;
    va_start(ap, fmt);
    ret = fmt_vsnprintf_a(buf, count, FMT_BUFFER_STANDARD, 0, &utf8_hooks, NULL, fmt, ap);
    va_end(ap);
    return ret;
}

static int snw_hooks(uint16_t *buf, size_t count, const uint16_t *fmt, ...)
{
    va_list ap;
    int ret;
    va_start(ap, fmt);
    ret = fmt_vsnprintf_w(buf, count, FMT_BUFFER_STANDARD, 0, &utf8_hooks, NULL, fmt, ap);
    va_end(ap);
    return ret;
}

static void test_hooks(void **state)
{
    char buf[32];
    uint16_t wbuf[32];
    (void)state;

    assert_int_equal(snp_hooks(buf, 32, "[%ls]", u"\u263a"), 5);
    assert_string_equal(buf, "[\xe2\x98\xba]");
    assert_int_equal(snp_hooks(buf, 32, "%lc", 0xe9), 2);
    assert_string_equal(buf, "\xc3\xa9");
    assert_int_equal(snp_hooks(buf, 32, "%.2f %e", 1.5, 2.0), 18);    /* locale decimal point */
    assert_string_equal(buf, "1,50 2,000000e+000");
    assert_int_equal(snw_hooks(wbuf, 32, u"%S|%4S|", "\xe2\x98\xba", "\xc3\xa9"), 7);
    assert_memory_equal(wbuf, u"\u263a|   \u00e9|", 14);
    assert_int_equal(snw_hooks(wbuf, 32, u"%.1S|", "\xc3\xa9z"), 2);   /* precision counts chars */
    assert_memory_equal(wbuf, u"\u00e9|", 6);
    assert_int_equal(snw_hooks(wbuf, 32, u"%S", "\xff"), -1);          /* invalid multibyte */
    assert_int_equal(snw_hooks(wbuf, 32, u"%C|", 0xff), 1);            /* char: suppressed */
}

/* The exact digit generator against glibc, which rounds exactly with ties to even: in UCRT mode
 * with standard rounding the two must agree byte for byte on finite values. */
static void test_against_glibc(void **state)
{
    static const char *const fmts[] = {
        "%.0e", "%.3e", "%.16e", "%.25e", "%.0f", "%.3f", "%.20f", "%g", "%.1g", "%.17g",
        "%#.10g", "%e", "%f", "%.13a", "%.3a", "%.0a", "%+#.0f", "%.60e", "%.1074f",
        "%.2f", "%.5f", "%.9e", "%.15g", "%08.3f", "%.40f", "%.19e",
    };
    static char a[1500], b[1500];
    uint64_t x = 88172645463325252ull;
    int bad = 0;
    (void)state;

    for (int it = 0; it < 60000; it++) {
        const char *f = fmts[it % (sizeof(fmts) / sizeof(fmts[0]))];
        uint64_t bits;
        double v;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        bits = x;
        if (it % 3 == 1)    /* moderate magnitudes */
            bits = (bits & 0x800fffffffffffffull) | ((uint64_t)(1023 + (x >> 58) % 64 - 32) << 52);
        else if (it % 3 == 2)   /* printf_fp.c's fast range, 2^-72 to 2^64, and its edges */
            bits = (bits & 0x800fffffffffffffull) | ((uint64_t)(1023 + (x >> 50) % 140 - 74) << 52);
        memcpy(&v, &bits, sizeof(v));
        if (!isfinite(v) || (strchr(f, 'a') && !(bits & 0x7ff0000000000000ull)))
            continue;   /* glibc normalizes subnormals under %a */
        if (!strcmp(f, "%.1074f") && fabs(v) > 1e20)
            continue;
        snprintf(a, sizeof(a), f, v);
        fmt_snprintf_a(b, sizeof(b), FMT_BUFFER_STANDARD, FMT_UCRT | FMT_STANDARD_ROUNDING, f, v);
        if (strcmp(a, b) && bad++ < 5)
            print_error("%s of %a: glibc %s, ours %s\n", f, v, a, b);
    }
    assert_int_equal(bad, 0);
}

/* Integer digits (printf.c's digits_of: one loop per base, two decimal digits per division)
 * against glibc on values of every length. */
static void test_ints_against_glibc(void **state)
{
    static const char *const fmts[] = { "%llu", "%lld", "%llx", "%llo", "%.12lld", "%#llX" };
    char a[64], b[64];
    uint64_t x = 0x9e3779b97f4a7c15ull;
    int bad = 0;
    (void)state;

    for (int it = 0; it < 20000; it++) {
        const char *f = fmts[it % 6];
        long long v;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v = (long long)(x >> (it % 64));    /* 0 to 64 significant bits */
        snprintf(a, sizeof(a), f, v);
        fmt_snprintf_a(b, sizeof(b), FMT_BUFFER_STANDARD, 0, f, v);
        if (strcmp(a, b) && bad++ < 5)
            print_error("%s of %lld: glibc %s, ours %s\n", f, v, a, b);
    }
    assert_int_equal(bad, 0);
}

static void test_ucrt_options(void **state)
{
    unsigned flags = 0;
    enum fmt_buffer_mode mode;
    (void)state;

    assert_true(fmt_ucrt_options(0, &flags, &mode));
    assert_int_equal(flags, FMT_UCRT);
    assert_int_equal(mode, FMT_BUFFER_UCRT);
    assert_true(fmt_ucrt_options(0x1 | 0x4, &flags, &mode));    /* _vsnprintf, legacy wide */
    assert_int_equal(flags, FMT_UCRT | FMT_LEGACY_WIDE);
    assert_int_equal(mode, FMT_BUFFER_LEGACY);
    assert_true(fmt_ucrt_options(0x2 | 0x8 | 0x10 | 0x20, &flags, &mode));
    assert_int_equal(flags, FMT_UCRT | FMT_LEGACY_MSVCRT | FMT_THREE_DIGIT_EXP |
                     FMT_STANDARD_ROUNDING);
    assert_int_equal(mode, FMT_BUFFER_STANDARD);
    flags = 12345;
    assert_false(fmt_ucrt_options(0x40, &flags, &mode));        /* unknown option bit */
    assert_int_equal(flags, 12345);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_size),
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_buffer_legacy),
        cmocka_unit_test(test_buffer_standard),
        cmocka_unit_test(test_buffer_ucrt),
        cmocka_unit_test(test_buffer_count_only),
        cmocka_unit_test(test_huge_width),
        cmocka_unit_test(test_buffer_wide),
        cmocka_unit_test(test_nul_char),
        cmocka_unit_test(test_long_output),
        cmocka_unit_test(test_count),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_sink_failure),
        cmocka_unit_test(test_hooks),
        cmocka_unit_test(test_against_glibc),
        cmocka_unit_test(test_ints_against_glibc),
        cmocka_unit_test(test_ucrt_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
