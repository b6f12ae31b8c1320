/* msvcrt_math.c: msvcrt's math functions and strtod/atof/wcstod: results (with their bits) and
 * errno for a table of inputs, edge cases included. mingw-w64 links its own sqrt, floor, sin,
 * exp, pow, ... (libmingwex) and redirects strtod to its own, so this program calls msvcrt.dll's
 * exports through their import pointers (__imp_X).
 *
 * Expected, from Microsoft's documentation (learn.microsoft.com/en-us/cpp/c-runtime-library/
 * reference/<page>) where it speaks, and Wine's msvcrt (a second opinion) where it does not:
 * - errno: a _DOMAIN error sets EDOM 33, _SING and _OVERFLOW set ERANGE 34, _UNDERFLOW nothing
 *   (matherr: "This condition isn't currently supported"); a domain error returns the
 *   indefinite NaN fff8000000000000 (sqrt-sqrtf-sqrtl: "returns an indefinite NaN");
 * - a NaN argument: _DOMAIN (EDOM) for sqrt, floor, ceil, sin, cos, tan, asin, acos, atan,
 *   atan2, sinh, cosh, exp, log, log10, _logb (the "+- QNAN, IND | _DOMAIN" row of each page).
 *   Wine differs: errno 0 except for exp;
 * - exp-expf: "+- Infinity | INVALID | _DOMAIN": exp(+-inf) sets EDOM (Wine: errno 0);
 *   x >= 7.097827e+002 is OVERFLOW (ERANGE), x <= -7.083964e+002 UNDERFLOW (no errno);
 * - sinh-sinhf-sinhl, cosh-coshf-coshl: "if the result is too large, sets errno to ERANGE and
 *   returns +-HUGE_VAL" (Wine: errno 0);
 * - log-logf-log10-log10f: +-0 is _SING (ERANGE, -inf), x < 0 _DOMAIN;
 * - pow-powf-powl: x == 0 and y < 0 is INF (ERANGE as a pole); x != 0, y == 0 gives 1;
 * - fmod-fmodf: y == 0 returns a quiet NaN (errno untouched, as Wine);
 * - ldexp: overflow returns +-HUGE_VAL with ERANGE; hypot: overflow INF with ERANGE;
 * - atan: "If both parameters of atan2 are 0, the function returns 0" (for +0, +0; a negative
 *   zero x gives +-pi, as C99 and Wine);
 * - hypot-hypotf-hypotl-hypot-hypotf-hypotl: overflow returns INF with ERANGE (Wine: 0);
 * - nextafter-functions: a subnormal or zero result only raises FE_UNDERFLOW (Wine: ERANGE);
 *   past DBL_MAX, ERANGE; scalb: overflow +-HUGE_VAL with ERANGE (Wine: 0 for _scalbf);
 * - frexp: x == 0 gives 0 and exponent 0; for infinities and NaNs the page says nothing: we
 *   store 0 (Wine leaves the exponent alone);
 * - strtod-strtod-l-wcstod-wcstod-l: overflow +-HUGE_VAL and underflow 0, both ERANGE; no
 *   conversion: 0 with *endptr = the string; msvcrt.dll (unlike the UCRT) takes d/D exponents
 *   and no hexadecimal, INF or NAN forms ("0x1a" is 0, ending at the x). Wine agrees on every
 *   strtod line; it returns subnormals without ERANGE, as here.
 * Results of the host's libm are correctly rounded here, and Windows' are "within +/-1 ulp"
 * (floating-point-support): sin(2.5), cos(1000) and tan(1e22), near-halfway cases, are 1 ulp
 * away under Wine, and may be under Windows. */
#include <errno.h>
#include <float.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#define IMP(ret, name, args) extern ret (__cdecl *__imp_##name) args;
IMP(double, sqrt, (double)) IMP(double, fabs, (double)) IMP(double, floor, (double))
IMP(double, ceil, (double)) IMP(double, sin, (double)) IMP(double, cos, (double))
IMP(double, tan, (double)) IMP(double, asin, (double)) IMP(double, acos, (double))
IMP(double, atan, (double)) IMP(double, sinh, (double)) IMP(double, cosh, (double))
IMP(double, tanh, (double)) IMP(double, exp, (double)) IMP(double, log, (double))
IMP(double, log10, (double)) IMP(double, _logb, (double)) IMP(double, _chgsign, (double))
IMP(double, atan2, (double, double)) IMP(double, pow, (double, double))
IMP(double, fmod, (double, double)) IMP(double, _hypot, (double, double))
IMP(double, _nextafter, (double, double)) IMP(double, _copysign, (double, double))
IMP(double, ldexp, (double, int)) IMP(double, _scalb, (double, long))
IMP(double, frexp, (double, int *)) IMP(double, modf, (double, double *))
IMP(int, _finite, (double)) IMP(int, _isnan, (double)) IMP(int, _fpclass, (double))
IMP(float, _hypotf, (float, float)) IMP(float, _logbf, (float)) IMP(float, _scalbf, (float, long))
IMP(float, _nextafterf, (float, float)) IMP(float, _copysignf, (float, float))
IMP(float, _chgsignf, (float)) IMP(int, _fpclassf, (float)) IMP(int, _isnanf, (float))
IMP(int, _finitef, (float))
IMP(double, strtod, (const char *, char **)) IMP(double, atof, (const char *))
IMP(double, _atof_l, (const char *, void *)) IMP(double, wcstod, (const wchar_t *, wchar_t **))
IMP(double, _wtof, (const wchar_t *))
struct cplx { double x, y; };
IMP(double, _cabs, (struct cplx))

static double from_bits(unsigned long long u)
{
    double d;
    memcpy(&d, &u, sizeof(d));
    return d;
}

static unsigned long long bits(double d)
{
    unsigned long long u;
    memcpy(&u, &d, sizeof(u));
    return u;
}

static unsigned int fbits(float f)
{
    unsigned int u;
    memcpy(&u, &f, sizeof(u));
    return u;
}

/* A value as %.17g when finite, and always its bits: printf's spellings of NaN and infinity
 * differ between runtimes. */
static void show(const char *call, double r)
{
    char num[40];
    unsigned long long u = bits(r);

    if ((u & 0x7ff0000000000000ull) != 0x7ff0000000000000ull)
        sprintf(num, "%.17g", r);
    else
        strcpy(num, (u << 12) ? "nan" : (u >> 63) ? "-inf" : "inf");
    printf("%s = %s [%016llx] errno %d\n", call, num, u, errno);
    errno = 0;
}

#define INF from_bits(0x7ff0000000000000ull)
#define QNAN from_bits(0x7ff8000000000000ull)
#define SNAN from_bits(0x7ff0000000000001ull)
#define DENORM 1e-310

static const double unary_inputs[] = { 0.0, -0.0, 1.0, -1.0, 2.5, -2.5, -0.5, 10.0, 1000.0,
                                       -1000.0, DENORM, 1e22 };
#define UNARY(f) { #f, &__imp_##f }
static const struct { const char *name; double (__cdecl **fn)(double); } unary[] = {
    UNARY(sqrt), UNARY(fabs), UNARY(floor), UNARY(ceil), UNARY(sin), UNARY(cos), UNARY(tan),
    UNARY(asin), UNARY(acos), UNARY(atan), UNARY(sinh), UNARY(cosh), UNARY(tanh), UNARY(exp),
    UNARY(log), UNARY(log10), UNARY(_logb), UNARY(_chgsign),
};

static void test_unary(void)
{
    const double special[] = { INF, -INF, QNAN, -QNAN };
    const char *special_names[] = { "inf", "-inf", "nan", "-nan" };
    char call[64];

    for (size_t f = 0; f < sizeof(unary) / sizeof(unary[0]); f++) {
        for (size_t i = 0; i < sizeof(unary_inputs) / sizeof(unary_inputs[0]); i++) {
            sprintf(call, "%s(%.17g)", unary[f].name, unary_inputs[i]);
            errno = 0;
            show(call, (*unary[f].fn)(unary_inputs[i]));
        }
        for (size_t i = 0; i < 4; i++) {
            sprintf(call, "%s(%s)", unary[f].name, special_names[i]);
            errno = 0;
            show(call, (*unary[f].fn)(special[i]));
        }
    }
}

#define T2(f, x, y) (errno = 0, show(#f "(" #x ", " #y ")", (*__imp_##f)(x, y)))

static void test_binary(void)
{
    T2(atan2, 1.0, 1.0); T2(atan2, 1.0, -1.0); T2(atan2, -1.0, -1.0); T2(atan2, 1.0, 0.0);
    T2(atan2, 0.0, 0.0); T2(atan2, -0.0, -0.0); T2(atan2, QNAN, 1.0); T2(atan2, INF, INF);
    T2(pow, 2.0, 10.0); T2(pow, 2.0, 0.5); T2(pow, 10.0, 400.0); T2(pow, 10.0, -400.0);
    T2(pow, 0.0, -1.0); T2(pow, -0.0, -3.0); T2(pow, -2.0, 0.5); T2(pow, -2.0, 3.0);
    T2(pow, QNAN, 0.0); T2(pow, 1.0, QNAN); T2(pow, 2.0, QNAN); T2(pow, 0.0, 0.0);
    T2(pow, -INF, 3.0); T2(pow, 10.0, -1.0);
    T2(fmod, -10.0, 3.0); T2(fmod, 5.5, 2.0); T2(fmod, 1.0, 0.0); T2(fmod, INF, 1.0);
    T2(fmod, 5.5, INF); T2(fmod, QNAN, 1.0); T2(fmod, -0.0, 1.0); T2(fmod, 1e300, 3.0);
    T2(_hypot, 3.0, 4.0); T2(_hypot, 1e308, 1e308); T2(_hypot, 1.5e308, 1.5e308);
    T2(_hypot, INF, QNAN); T2(_hypot, -3.0, 0.0);
    T2(ldexp, 1.0, 1024); T2(ldexp, -1.0, 5000); T2(ldexp, 1.0, -1074); T2(ldexp, 1.0, -1075);
    T2(ldexp, 1.5, -1075); T2(ldexp, 3.0, -1076); T2(ldexp, DENORM, 1074); T2(ldexp, 1.0, -5000);
    T2(ldexp, 1e300, -2000); T2(ldexp, QNAN, 1); T2(ldexp, -INF, -5); T2(ldexp, 0.75, 3);
    T2(_scalb, 1.0, 1024L); T2(_scalb, 3.0, -2L);
    T2(_nextafter, 1.0, 2.0); T2(_nextafter, 1.0, 0.0); T2(_nextafter, 0.0, -1.0);
    T2(_nextafter, -0.0, 1.0); T2(_nextafter, DBL_MAX, INF); T2(_nextafter, 1.0, 1.0);
    T2(_copysign, 3.0, -0.0); T2(_copysign, -3.0, 1.0); T2(_copysign, QNAN, -1.0);
}

static void test_split(void)
{
    const double in[] = { 8.0, -0.75, 2.5, -2.5, 0.0, -0.0, DENORM, 1e300, INF, -INF, QNAN };
    char call[64];
    double ip;
    int e;

    for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
        errno = 0;
        e = 12345;
        sprintf(call, "frexp(%016llx)", bits(in[i]));
        show(call, (*__imp_frexp)(in[i], &e));
        printf("  exponent %d\n", e);
        ip = 12345;
        sprintf(call, "modf(%016llx)", bits(in[i]));
        show(call, (*__imp_modf)(in[i], &ip));
        printf("  integral part [%016llx]\n", bits(ip));
    }
}

static void test_classify(void)
{
    const double in[] = { 1.0, -1.0, 0.0, -0.0, DENORM, -DENORM, INF, -INF, QNAN, -QNAN, SNAN };
    const float fin[] = { 1.0f, -0.0f, 1e-40f, -INF, QNAN };

    for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++)
        printf("[%016llx]: _fpclass %#x, _finite %d, _isnan %d\n", bits(in[i]),
               (*__imp__fpclass)(in[i]), (*__imp__finite)(in[i]), (*__imp__isnan)(in[i]));
    for (size_t i = 0; i < sizeof(fin) / sizeof(fin[0]); i++)
        printf("float [%08x]: _fpclassf %#x, _finitef %d, _isnanf %d\n", fbits(fin[i]),
               (*__imp__fpclassf)(fin[i]), (*__imp__finitef)(fin[i]), (*__imp__isnanf)(fin[i]));
    unsigned int snan_bits = 0x7f800001;
    float snan;
    memcpy(&snan, &snan_bits, sizeof(snan));
    printf("float snan: _fpclassf %#x\n", (*__imp__fpclassf)(snan));
}

static void showf(const char *call, float r)
{
    printf("%s = [%08x] errno %d\n", call, fbits(r), errno);
    errno = 0;
}

#define TF(expr) (errno = 0, showf(#expr, expr))

static void test_float(void)
{
    TF((*__imp__hypotf)(3.0f, 4.0f));
    TF((*__imp__hypotf)(3e38f, 3e38f));
    TF((*__imp__logbf)(0.1f));
    TF((*__imp__logbf)(0.0f));
    TF((*__imp__scalbf)(1.0f, 200));
    TF((*__imp__scalbf)(1.5f, -149));
    TF((*__imp__nextafterf)(1.0f, 2.0f));
    TF((*__imp__nextafterf)(0.0f, -1.0f));
    TF((*__imp__copysignf)(2.0f, -1.0f));
    TF((*__imp__chgsignf)(2.0f));
    errno = 0;
    show("_cabs({3, 4})", (*__imp__cabs)((struct cplx){ 3.0, 4.0 }));
    errno = 99;
    show("errno 99, then sqrt(4)", (*__imp_sqrt)(4.0));
}

static void test_strtod(void)
{
    static const char *const in[] = {
        "1e999", "-1e999", "1e-999", "-1e-999", "4.9e-324", "2.4703282292062327e-324",
        "2.2250738585072011e-308", "  -0x1p3", "0x1a", "1.5d2", "1.5D+2", "1.5e2", "",
        "abc", "inf", "-INFINITY", "nan", "\n\t\v\f\r 12", ".5", "5.", ".", "-.e1", "1e",
        "1e+", "1ex", "1.5q", "+-1", "00012.5e-0001x", "0.1", "1e23", "-0",
        "123456789012345678901234567890", "179769313486231580793728971405301e276",
        "0.000000000000000000000000000000000000000000000000000000000000000000000000000001e78",
    };
    char *end;
    char call[128];

    for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
        errno = 0;
        end = (char *)1;
        double r = (*__imp_strtod)(in[i], &end);
        sprintf(call, "strtod(#%u) end %d", (unsigned)i, (int)(end - in[i]));
        show(call, r);
    }
    errno = 0;
    show("atof(\" 2.5e1xyz\")", (*__imp_atof)(" 2.5e1xyz"));
    show("atof(\"1e400\")", (*__imp_atof)("1e400"));
    show("_atof_l(\"-7.25\", NULL)", (*__imp__atof_l)("-7.25", NULL));
    wchar_t *wend;
    const wchar_t *w = L" -3.5d1\x00e9";
    show("wcstod(L\" -3.5d1\\xe9\")", (*__imp_wcstod)(w, &wend));
    printf("  end %d\n", (int)(wend - w));
    w = L"\x663";
    show("wcstod(L\"\\x663\")", (*__imp_wcstod)(w, &wend));
    printf("  end %d\n", (int)(wend - w));
    show("_wtof(L\"1e-400\")", (*__imp__wtof)(L"1e-400"));
}

int main(void)
{
    test_unary();
    test_binary();
    test_split();
    test_classify();
    test_float();
    test_strtod();
    return 0;
}
