/* math.c: msvcrt's math functions, and strtod/atof/wcstod.
 *
 * Exact operations (sqrt, floor, ldexp, frexp, _fpclass, ...) are computed here, on the bits.
 * The others (sin, exp, pow, fmod, ...) go through the gate to the host's libm (__vinho_math,
 * ntcalls/math.c), whose results are within an ulp of the correctly rounded ones, as Windows'
 * are (Microsoft's "Math and floating-point support" page: "In most cases, the result produced
 * is within +/-1 ulp of the correctly rounded result"); the last bit may differ from Windows'.
 *
 * msvcrt's error conventions are applied here, from the pages of Microsoft's C runtime
 * reference (learn.microsoft.com/en-us/cpp/c-runtime-library/reference/<function>):
 * - each page's table gives the _matherr type of an error; the _matherr page says what the
 *   default handling does: _DOMAIN sets errno to EDOM (33), _SING (a pole: log(0), pow(0, -1))
 *   and _OVERFLOW set ERANGE (34), _UNDERFLOW sets nothing ("This condition isn't currently
 *   supported"); the results are the indefinite NaN 0xFFF8000000000000 (printed -1.#IND)
 *   for _DOMAIN, and the IEEE result (+-infinity, 0 or a subnormal) for the others;
 * - the "+- QNAN, IND" row of most pages makes a NaN argument a _DOMAIN error that returns the
 *   NaN (Wine's msvcrt leaves errno alone for most of them; we follow the pages);
 * - we never call _matherr: a program's own _matherr (registered by mingw-w64's start-up code
 *   through __setusermatherr) is ignored, and no message is printed.
 * The host's floating-point exceptions tell which error happened (an invalid operation is a
 * _DOMAIN error, a division by zero _SING, an overflow _OVERFLOW). */
#include "msvcrt.h"
#include <float.h>
#include "vinho/mathcalls.h"
#include "fpbits.h"

#undef strtod   /* mingw-w64's stdlib.h renames it to its own __strtod */

DEFAULT_DEBUG_CHANNEL(msvcrt);

#define SIGN_BIT   0x8000000000000000ull
#define EXP_MASK   0x7ff0000000000000ull
#define FRAC_MASK  0x000fffffffffffffull
#define QUIET_BIT  0x0008000000000000ull
#define INDEFINITE 0xfff8000000000000ull    /* the x86 default NaN */

/* The _matherr types (math.h's _DOMAIN, _SING, _OVERFLOW, _UNDERFLOW). */
enum math_error_type { MATH_DOMAIN = 1, MATH_SING, MATH_OVERFLOW, MATH_UNDERFLOW };

static bool is_nan(double x)
{
    return (bits(x) & ~SIGN_BIT) > EXP_MASK;
}

static bool is_finite(double x)
{
    return (bits(x) & EXP_MASK) != EXP_MASK;
}

static double quiet(double x)
{
    return from_bits(bits(x) | QUIET_BIT);
}

/* What msvcrt's default error handling does; returns value. */
static double math_error(enum math_error_type type, double value)
{
    if (type == MATH_DOMAIN)
        errno = EDOM;
    else if (type == MATH_SING || type == MATH_OVERFLOW)
        errno = ERANGE;
    return value;
}

/* ---- through the host's libm ---- */

#define NAN_IS_DOMAIN 0x1   /* a NaN argument is a _DOMAIN error (the page's "QNAN, IND" row) */
#define INF_IS_DOMAIN 0x2   /* an infinite argument is a _DOMAIN error, result kept (exp) */
#define TWO_ARGS      0x4

static double libm(ULONG op, double a, double b, unsigned how)
{
    int raised = 0;
    double r = 0;
    NTSTATUS status;

    if ((how & NAN_IS_DOMAIN) && is_nan(a))
        return math_error(MATH_DOMAIN, quiet(a));
    if ((how & NAN_IS_DOMAIN) && (how & TWO_ARGS) && is_nan(b))
        return math_error(MATH_DOMAIN, quiet(b));
    if ((status = __vinho_math(op, a, b, &r, &raised))) {
        ERR("op %lu: status %#lx\n", op, status);
        return math_error(MATH_DOMAIN, from_bits(INDEFINITE));
    }
    if (raised & VINHO_FP_INVALID)
        return math_error(MATH_DOMAIN, from_bits(INDEFINITE));
    if (raised & VINHO_FP_ZERODIVIDE)
        return math_error(MATH_SING, r);
    if (raised & VINHO_FP_OVERFLOW)
        return math_error(MATH_OVERFLOW, r);
    if ((how & INF_IS_DOMAIN) && !is_finite(a))
        return math_error(MATH_DOMAIN, r);
    return r;
}

double __cdecl sin(double x) { return libm(VINHO_MATH_SIN, x, 0, NAN_IS_DOMAIN); }
double __cdecl cos(double x) { return libm(VINHO_MATH_COS, x, 0, NAN_IS_DOMAIN); }
double __cdecl tan(double x) { return libm(VINHO_MATH_TAN, x, 0, NAN_IS_DOMAIN); }
double __cdecl asin(double x) { return libm(VINHO_MATH_ASIN, x, 0, NAN_IS_DOMAIN); }
double __cdecl acos(double x) { return libm(VINHO_MATH_ACOS, x, 0, NAN_IS_DOMAIN); }
double __cdecl atan(double x) { return libm(VINHO_MATH_ATAN, x, 0, NAN_IS_DOMAIN); }
double __cdecl sinh(double x) { return libm(VINHO_MATH_SINH, x, 0, NAN_IS_DOMAIN); }
double __cdecl cosh(double x) { return libm(VINHO_MATH_COSH, x, 0, NAN_IS_DOMAIN); }
double __cdecl tanh(double x) { return libm(VINHO_MATH_TANH, x, 0, NAN_IS_DOMAIN); }
double __cdecl log(double x) { return libm(VINHO_MATH_LOG, x, 0, NAN_IS_DOMAIN); }
double __cdecl log10(double x) { return libm(VINHO_MATH_LOG10, x, 0, NAN_IS_DOMAIN); }

/*********************************************************************
 *      acosh, asinh, atanh, cbrt, expm1, log1p, log2, exp2 (UCRTBASE.@)
 *
 * C99's functions, exported by ucrtbase only. As C99 and Microsoft's pages for them say, a NaN
 * argument gives a NaN without error; a domain error (acosh(x < 1), atanh(|x| > 1),
 * log1p(x < -1), log2(x < 0)) gives the indefinite NaN and EDOM; a pole (atanh(+-1),
 * log1p(-1), log2(0)) +-infinity and ERANGE; an overflow (expm1, exp2) infinity and ERANGE.
 */
double __cdecl acosh(double x) { return libm(VINHO_MATH_ACOSH, x, 0, 0); }
double __cdecl asinh(double x) { return libm(VINHO_MATH_ASINH, x, 0, 0); }
double __cdecl atanh(double x) { return libm(VINHO_MATH_ATANH, x, 0, 0); }
double __cdecl cbrt(double x) { return libm(VINHO_MATH_CBRT, x, 0, 0); }
double __cdecl expm1(double x) { return libm(VINHO_MATH_EXPM1, x, 0, 0); }
double __cdecl log1p(double x) { return libm(VINHO_MATH_LOG1P, x, 0, 0); }
double __cdecl log2(double x) { return libm(VINHO_MATH_LOG2, x, 0, 0); }
double __cdecl exp2(double x) { return libm(VINHO_MATH_EXP2, x, 0, 0); }

/*********************************************************************
 *      exp (MSVCRT.@)
 *
 * The page lists "+- Infinity: _DOMAIN" (exp(+inf) is still +inf and exp(-inf) 0).
 */
double __cdecl exp(double x)
{
    return libm(VINHO_MATH_EXP, x, 0, NAN_IS_DOMAIN | INF_IS_DOMAIN);
}

/*********************************************************************
 *      atan2 (MSVCRT.@)
 */
double __cdecl atan2(double y, double x)
{
    return libm(VINHO_MATH_ATAN2, y, x, NAN_IS_DOMAIN | TWO_ARGS);
}

/*********************************************************************
 *      pow (MSVCRT.@)
 *
 * pow(x, 0) and pow(1, y) are 1 even for a NaN: a NaN argument is no error of itself.
 */
double __cdecl pow(double x, double y)
{
    return libm(VINHO_MATH_POW, x, y, TWO_ARGS);
}

/*********************************************************************
 *      fmod (MSVCRT.@)
 *
 * y == 0 returns a quiet NaN (the page) and leaves errno alone (as Wine's msvcrt); an
 * infinite x is a _DOMAIN error.
 */
double __cdecl fmod(double x, double y)
{
    if (y == 0 && !is_nan(x))
        return from_bits(INDEFINITE);
    return libm(VINHO_MATH_FMOD, x, y, TWO_ARGS);
}

/*********************************************************************
 *      _hypot (MSVCRT.@)
 *
 * Overflow: infinity and ERANGE. _hypot(+-inf, NaN) is infinity.
 */
double __cdecl _hypot(double x, double y)
{
    return libm(VINHO_MATH_HYPOT, x, y, TWO_ARGS);
}

/*********************************************************************
 *      _hypotf (MSVCRT.@)
 */
float __cdecl _hypotf(float x, float y)
{
    float r = (float)_hypot(x, y);

    if (!is_finite(r) && is_finite(x) && is_finite(y))
        errno = ERANGE;
    return r;
}

/* _cabs' argument, math.h's struct _complex. */
struct msvcrt_complex {
    double x, y;
};

/*********************************************************************
 *      _cabs (MSVCRT.@)
 */
double __cdecl _cabs(struct msvcrt_complex z)
{
    return _hypot(z.x, z.y);
}

/* ---- exact operations ---- */

/*********************************************************************
 *      sqrt (MSVCRT.@)
 *
 * SSE2's sqrtsd is correctly rounded. A negative x (not -0) is a _DOMAIN error.
 */
double __cdecl sqrt(double x)
{
    double r;

    if (is_nan(x))
        return math_error(MATH_DOMAIN, quiet(x));
    if (x < 0)
        return math_error(MATH_DOMAIN, from_bits(INDEFINITE));
    __asm__("sqrtsd %1, %0" : "=x"(r) : "x"(x));
    return r;
}

double __cdecl fabs(double x)
{
    return from_bits(bits(x) & ~SIGN_BIT);
}

/* x rounded to an integer toward -infinity (up false) or +infinity (up true); x is not a NaN.
 * Works on the bits: clears the fraction bits below the unit, after adding one unit when
 * rounding away from zero. The sign of zero is kept (floor(-0.5) is -1, ceil(-0.5) is -0). */
static double round_to_integer(double x, bool up)
{
    uint64_t u = bits(x), mask;
    bool neg = u >> 63;
    int e = (int)((u >> 52) & 0x7ff) - 1023;

    if (e >= 52)
        return x;                           /* integral already, or infinite */
    if (e < 0) {
        if (!(u & ~SIGN_BIT))
            return x;                       /* +-0 */
        if (neg)
            return up ? -0.0 : -1.0;
        return up ? 1.0 : 0.0;
    }
    mask = FRAC_MASK >> e;
    if (!(u & mask))
        return x;
    if (neg != up)
        u += mask + 1;                      /* away from zero; a carry raises the exponent */
    return from_bits(u & ~mask);
}

double __cdecl floor(double x)
{
    if (is_nan(x))
        return math_error(MATH_DOMAIN, quiet(x));
    return round_to_integer(x, false);
}

double __cdecl ceil(double x)
{
    if (is_nan(x))
        return math_error(MATH_DOMAIN, quiet(x));
    return round_to_integer(x, true);
}

/*********************************************************************
 *      modf (MSVCRT.@)
 *
 * Splits x into an integral part (*ip) and a fraction, both with x's sign.
 */
double __cdecl modf(double x, double *ip)
{
    uint64_t u = bits(x), sign = u & SIGN_BIT, mask;
    int e = (int)((u >> 52) & 0x7ff) - 1023;

    if (is_nan(x)) {
        *ip = quiet(x);
        return *ip;
    }
    if (e < 0) {
        *ip = from_bits(sign);
        return x;
    }
    mask = e >= 52 ? 0 : FRAC_MASK >> e;
    if (!(u & mask)) {
        *ip = x;                            /* integral, or infinite: the fraction is +-0 */
        return from_bits(sign);
    }
    *ip = from_bits(u & ~mask);
    return x - *ip;                         /* exact */
}

/*********************************************************************
 *      frexp (MSVCRT.@)
 *
 * x = mantissa * 2^*e with 0.5 <= |mantissa| < 1; 0, infinities and NaNs come back as they
 * are, with *e = 0. A NULL e is EINVAL and returns 0 (the page).
 */
double __cdecl frexp(double x, int *e)
{
    uint64_t u = bits(x);
    int ex = (u >> 52) & 0x7ff, adjust = 0;

    if (crt_null(e)) {
        errno = EINVAL;
        return 0;
    }
    *e = 0;
    if (ex == 0x7ff || !(u & ~SIGN_BIT))
        return x;
    if (!ex) {                              /* subnormal: normalise first */
        u = bits(x * 0x1p64);
        ex = (u >> 52) & 0x7ff;
        adjust = 64;
    }
    *e = ex - 1022 - adjust;
    return from_bits((u & ~EXP_MASK) | (1022ull << 52));
}

/* x * 2^n with one rounding. Steps of 2^1023 up; steps of 2^-969 down while the rest is below
 * -1022 (an intermediate result below the normal range then means a final one below half the
 * smallest subnormal, so the early rounding cannot change it). */
static double scale_by_power_of_2(double x, long n)
{
    if (n > 2200)
        n = 2200;
    if (n < -2200)
        n = -2200;
    while (n > 1023) {
        x *= 0x1p1023;
        n -= 1023;
    }
    while (n < -1022) {
        x *= 0x1p-969;
        n += 969;
    }
    return x * from_bits((uint64_t)(n + 1023) << 52);
}

/* ldexp and _scalb: overflow gives +-HUGE_VAL with ERANGE; underflow sets nothing. */
static double scale_checked(double x, long n)
{
    double r;

    if (!is_finite(x) || x == 0)
        return is_nan(x) ? quiet(x) : x;
    r = scale_by_power_of_2(x, n);
    if (!is_finite(r))
        return math_error(MATH_OVERFLOW, r);
    return r;
}

double __cdecl ldexp(double x, int n)
{
    return scale_checked(x, n);
}

double __cdecl _scalb(double x, long n)
{
    return scale_checked(x, n);
}

float __cdecl _scalbf(float x, long n)
{
    float r;

    if (n > 400)
        n = 400;                            /* enough to overflow any float, not a double */
    if (n < -400)
        n = -400;
    r = (float)scale_checked(x, n);         /* exact in double: one rounding, to float */
    if (!is_finite(r) && is_finite(x))
        errno = ERANGE;
    return r;
}

/*********************************************************************
 *      _logb (MSVCRT.@)
 *
 * The unbiased exponent, subnormals as if normalised. 0 is _SING (-infinity).
 */
double __cdecl _logb(double x)
{
    uint64_t u = bits(x) & ~SIGN_BIT;
    int e = u >> 52;

    if (is_nan(x))
        return math_error(MATH_DOMAIN, quiet(x));
    if (e == 0x7ff)
        return from_bits(EXP_MASK);
    if (!u)
        return math_error(MATH_SING, from_bits(SIGN_BIT | EXP_MASK));
    if (!e)
        return (63 - __builtin_clzll(u)) - 1074;
    return e - 1023;
}

float __cdecl _logbf(float x)
{
    return (float)_logb(x);                 /* exact: float exponents are double ones */
}

/* Raises the exceptions nextafter's page asks for, by an operation that raises them. */
static void raise_tiny_or_huge(double r)
{
    volatile double big = DBL_MAX, small = DBL_MIN;

    if (!is_finite(r))
        big = big * 2;
    else if (!(bits(r) & EXP_MASK))
        small = small * small;
}

/*********************************************************************
 *      _nextafter (MSVCRT.@)
 *
 * The next double after x toward y. The page: a subnormal or zero result raises the underflow
 * and inexact exceptions (no errno); stepping past DBL_MAX raises overflow and sets ERANGE.
 */
double __cdecl _nextafter(double x, double y)
{
    uint64_t u = bits(x);
    double r;

    if (is_nan(x) || is_nan(y))
        return is_nan(x) ? quiet(x) : quiet(y);
    if (x == y)
        return y;
    if (!(u & ~SIGN_BIT))
        u = (bits(y) & SIGN_BIT) | 1;       /* from +-0: the smallest subnormal */
    else if ((x < y) == !(u & SIGN_BIT))
        u++;
    else
        u--;
    r = from_bits(u);
    raise_tiny_or_huge(r);
    if (!is_finite(r))
        errno = ERANGE;
    return r;
}

float __cdecl _nextafterf(float x, float y)
{
    uint32_t u = float_bits(x);
    float r;

    if (is_nan(x) || is_nan(y))
        return (float)(is_nan(x) ? quiet(x) : quiet(y));
    if (x == y)
        return y;
    if (!(u & 0x7fffffff))
        u = (float_bits(y) & 0x80000000u) | 1;
    else if ((x < y) == !(u & 0x80000000u))
        u++;
    else
        u--;
    r = float_from_bits(u);
    if (!is_finite(r) || !(u & 0x7f800000))
        raise_tiny_or_huge(!is_finite(r) ? r : 0);
    if (!is_finite(r))
        errno = ERANGE;
    return r;
}

/* ---- classification and sign ---- */

double __cdecl _copysign(double x, double y)
{
    return from_bits((bits(x) & ~SIGN_BIT) | (bits(y) & SIGN_BIT));
}

double __cdecl _chgsign(double x)
{
    return from_bits(bits(x) ^ SIGN_BIT);
}

int __cdecl _finite(double x)
{
    return is_finite(x);
}

int __cdecl _isnan(double x)
{
    return is_nan(x);
}

float __cdecl _copysignf(float x, float y)
{
    return float_from_bits((float_bits(x) & 0x7fffffff) | (float_bits(y) & 0x80000000u));
}

float __cdecl _chgsignf(float x)
{
    return float_from_bits(float_bits(x) ^ 0x80000000u);
}

int __cdecl _finitef(float x)
{
    return (float_bits(x) & 0x7f800000) != 0x7f800000;
}

int __cdecl _isnanf(float x)
{
    return (float_bits(x) & 0x7fffffff) > 0x7f800000;
}

/* _fpclass of a value split into its fields; quiet_bit is the fraction's top bit. */
static int classify(bool neg, uint64_t exp, uint64_t exp_max, uint64_t frac, uint64_t quiet_bit)
{
    if (exp == exp_max) {
        if (frac)
            return frac & quiet_bit ? _FPCLASS_QNAN : _FPCLASS_SNAN;
        return neg ? _FPCLASS_NINF : _FPCLASS_PINF;
    }
    if (!exp) {
        if (!frac)
            return neg ? _FPCLASS_NZ : _FPCLASS_PZ;
        return neg ? _FPCLASS_ND : _FPCLASS_PD;
    }
    return neg ? _FPCLASS_NN : _FPCLASS_PN;
}

int __cdecl _fpclass(double x)
{
    uint64_t u = bits(x);
    return classify(u >> 63, (u >> 52) & 0x7ff, 0x7ff, u & FRAC_MASK, QUIET_BIT);
}

int __cdecl _fpclassf(float x)
{
    uint32_t u = float_bits(x);
    return classify(u >> 31, (u >> 23) & 0xff, 0xff, u & 0x7fffff, 0x400000);
}

/* ---- strtod and friends ---- */

/* msvcrt's number syntax (the strtod page): decimal only, with Fortran's d/D exponent letter
 * as well as e/E ("The UCRT versions of these functions do not support conversion of
 * Fortran-style (d or D) exponent letters. This non-standard extension was supported by
 * earlier versions of the CRT"); no hexadecimal, INF or NAN forms ("The UCRT versions support
 * hexadecimal strings and round-tripping of INF and NAN values, which were not supported in
 * earlier versions": "0x1a" is 0, ending at the x). Overflow gives +-HUGE_VAL and underflow
 * (non-zero digits rounding to 0) gives 0, both with ERANGE; a subnormal result is returned
 * without ERANGE (as Wine's msvcrt). The radix is '.', that of the "C" locale, our only one. */
static double parse_double(const char *str, size_t *consumed)
{
    double value = 0;
    ULONG n = 0;
    NTSTATUS status = __vinho_strtod(str, VINHO_STRTOD_D_EXPONENT, &value, &n);

    switch (status) {
    case STATUS_SUCCESS:
        break;
    case STATUS_FLOAT_OVERFLOW:
    case STATUS_FLOAT_UNDERFLOW:
        errno = ERANGE;
        break;
    default:
        WARN("status %#lx\n", status);
        errno = status == STATUS_NO_MEMORY ? ENOMEM : EINVAL;
        value = 0;
        n = 0;
        break;
    }
    *consumed = n;
    return value;
}

/*********************************************************************
 *      strtod (MSVCRT.@)
 */
double __cdecl strtod(const char *str, char **end)
{
    size_t n = 0;
    double value = 0;

    if (crt_null(str))
        errno = EINVAL;
    else
        value = parse_double(str, &n);
    if (end)
        *end = (char *)str + n;
    return value;
}

double __cdecl _strtod_l(const char *str, char **end, _locale_t locale)
{
    return strtod(str, end);
}

double __cdecl atof(const char *str)
{
    return strtod(str, NULL);
}

double __cdecl _atof_l(const char *str, _locale_t locale)
{
    return strtod(str, NULL);
}

/* The characters a number can be made of: all ASCII. */
static bool number_char(wchar_t c)
{
    return c && c < 0x80 && strchr(" \t\n\v\f\r+-.0123456789eEdD", c);
}

/*********************************************************************
 *      wcstod (MSVCRT.@)
 *
 * strtod on the narrowed prefix that could belong to a number.
 */
double __cdecl wcstod(const wchar_t *str, wchar_t **end)
{
    char stack_buf[64], *buf = stack_buf;
    size_t len = 0, n = 0;
    double value = 0;

    if (crt_null(str)) {
        errno = EINVAL;
        goto out;
    }
    while (number_char(str[len]))
        len++;
    if (len >= sizeof(stack_buf) && !(buf = malloc(len + 1)))
        goto out;                           /* malloc set errno */
    for (size_t i = 0; i < len; i++)
        buf[i] = (char)str[i];
    buf[len] = 0;
    value = parse_double(buf, &n);
    if (buf != stack_buf)
        free(buf);
out:
    if (end)
        *end = (wchar_t *)str + n;
    return value;
}

double __cdecl _wtof(const wchar_t *str)
{
    return wcstod(str, NULL);
}
