/* math_float.c: the float forms of the math functions (sinf, sqrtf, ...), which compute in
 * double through math.c (a double result rounded once to float is the float result for these
 * functions, and errno follows the double function's documentation), and C99's rounding
 * functions trunc, round, lround (exact bit operations). */
#include "msvcrt.h"
#include <math.h>
#include "fpbits.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

#define FLOAT_OF(name) \
    float __cdecl name##f(float x) { return (float)name((double)x); }
#define FLOAT_OF2(name) \
    float __cdecl name##f(float x, float y) { return (float)name((double)x, (double)y); }

/*********************************************************************
 *      sinf, cosf, tanf, asinf, acosf, atanf, sinhf, coshf, tanhf, expf, logf, log10f,
 *      sqrtf, floorf, ceilf, atan2f, powf, fmodf (MSVCRT.@)
 */
FLOAT_OF(sin)
FLOAT_OF(cos)
FLOAT_OF(tan)
FLOAT_OF(asin)
FLOAT_OF(acos)
FLOAT_OF(atan)
FLOAT_OF(sinh)
FLOAT_OF(cosh)
FLOAT_OF(tanh)
FLOAT_OF(exp)
FLOAT_OF(log)
FLOAT_OF(log10)
FLOAT_OF(sqrt)
FLOAT_OF(floor)
FLOAT_OF(ceil)
FLOAT_OF2(atan2)
FLOAT_OF2(pow)
FLOAT_OF2(fmod)

/*********************************************************************
 *      acoshf, asinhf, atanhf, cbrtf, expm1f, log1pf, log2f, exp2f (UCRTBASE.@)
 */
FLOAT_OF(acosh)
FLOAT_OF(asinh)
FLOAT_OF(atanh)
FLOAT_OF(cbrt)
FLOAT_OF(expm1)
FLOAT_OF(log1p)
FLOAT_OF(log2)
FLOAT_OF(exp2)

/*********************************************************************
 *      modff (MSVCRT.@)
 */
float __cdecl modff(float x, float *ip)
{
    double i, r = modf(x, &i);

    *ip = (float)i;
    return (float)r;
}

/*********************************************************************
 *      trunc (UCRTBASE.@)
 *
 * Rounds toward zero, keeping the sign of zero; NaN and infinities pass through.
 */
double __cdecl trunc(double x)
{
    uint64_t u = bits(x);
    int e = (int)((u >> 52) & 0x7ff) - 1023;

    if (e >= 52)
        return x;
    if (e < 0)
        return from_bits(u & (1ULL << 63));
    return from_bits(u & ~(0x000fffffffffffffULL >> e));
}

/*********************************************************************
 *      truncf (UCRTBASE.@)
 */
float __cdecl truncf(float x)
{
    return (float)trunc(x);
}

/*********************************************************************
 *      round (UCRTBASE.@)
 *
 * To the nearest integer, halfway cases away from zero (C99).
 */
double __cdecl round(double x)
{
    double t = trunc(x), frac = x - t;  /* exact: x and t share the exponent range */

    if (frac >= 0.5)
        return t + 1.0;
    if (frac <= -0.5)
        return t - 1.0;
    return t;
}

/*********************************************************************
 *      roundf (UCRTBASE.@)
 */
float __cdecl roundf(float x)
{
    return (float)round(x);
}

/*********************************************************************
 *      lround (UCRTBASE.@)
 *
 * Out of range (or NaN): an unspecified value and EDOM? C99 leaves it unspecified; the UCRT
 * returns 0 and raises FE_INVALID. We return 0 too.
 */
long __cdecl lround(double x)
{
    double r = round(x);

    if (!(r >= -2147483648.0 && r <= 2147483647.0))
        return 0;
    return (long)r;
}

/*********************************************************************
 *      lroundf (UCRTBASE.@)
 */
long __cdecl lroundf(float x)
{
    return lround(x);
}

/*********************************************************************
 *      llround (UCRTBASE.@)
 */
long long __cdecl llround(double x)
{
    double r = round(x);

    if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0))
        return 0;
    return (long long)r;
}
