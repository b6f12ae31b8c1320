/* math.c: vinho's own calls __vinho_math and __vinho_strtod: the host's libm and its correctly
 * rounded decimal conversion, for the C runtimes (see include/vinho/mathcalls.h). The runtimes
 * apply their own error conventions (errno, _matherr types, NaN spellings) on the PE side. */
#include <fenv.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ntcalls/ntcalls.h"
#include "vinho/mathcalls.h"

struct math_op {
    double (*unary)(double);
    double (*binary)(double, double);
};

static const struct math_op math_ops[VINHO_MATH_OP_COUNT] = {
    [VINHO_MATH_SIN] = { .unary = sin },
    [VINHO_MATH_COS] = { .unary = cos },
    [VINHO_MATH_TAN] = { .unary = tan },
    [VINHO_MATH_ASIN] = { .unary = asin },
    [VINHO_MATH_ACOS] = { .unary = acos },
    [VINHO_MATH_ATAN] = { .unary = atan },
    [VINHO_MATH_ATAN2] = { .binary = atan2 },
    [VINHO_MATH_SINH] = { .unary = sinh },
    [VINHO_MATH_COSH] = { .unary = cosh },
    [VINHO_MATH_TANH] = { .unary = tanh },
    [VINHO_MATH_EXP] = { .unary = exp },
    [VINHO_MATH_LOG] = { .unary = log },
    [VINHO_MATH_LOG10] = { .unary = log10 },
    [VINHO_MATH_POW] = { .binary = pow },
    [VINHO_MATH_FMOD] = { .binary = fmod },
    [VINHO_MATH_HYPOT] = { .binary = hypot },
    [VINHO_MATH_ACOSH] = { .unary = acosh },
    [VINHO_MATH_ASINH] = { .unary = asinh },
    [VINHO_MATH_ATANH] = { .unary = atanh },
    [VINHO_MATH_CBRT] = { .unary = cbrt },
    [VINHO_MATH_EXPM1] = { .unary = expm1 },
    [VINHO_MATH_LOG1P] = { .unary = log1p },
    [VINHO_MATH_LOG2] = { .unary = log2 },
    [VINHO_MATH_EXP2] = { .unary = exp2 },
};
_Static_assert(VINHO_MATH_OP_COUNT == 25, "a new operation needs its row in math_ops");

static const struct { int fe, vinho; } fe_bits[] = {
    { FE_INVALID, VINHO_FP_INVALID },
    { FE_DIVBYZERO, VINHO_FP_ZERODIVIDE },
    { FE_OVERFLOW, VINHO_FP_OVERFLOW },
    { FE_UNDERFLOW, VINHO_FP_UNDERFLOW },
    { FE_INEXACT, VINHO_FP_INEXACT },
};

/* Runs the operation with every floating-point trap masked (the caller may have unmasked some;
 * a trap must not fire inside ELF code), then restores the caller's environment with the
 * exceptions the operation raised added to its flags. Returns those exceptions (FE_*). */
static int run_masked(const struct math_op *m, double a, double b, double *r)
{
    fenv_t env;
    fexcept_t flags;
    int raised;

    feholdexcept(&env);
    *r = m->unary ? m->unary(a) : m->binary(a, b);
    raised = fetestexcept(FE_ALL_EXCEPT);
    fegetexceptflag(&flags, FE_ALL_EXCEPT);
    fesetenv(&env);
    if (raised)
        fesetexceptflag(&flags, raised);
    return raised;
}

NTSTATUS WINAPI __vinho_math(ULONG op, double a, double b, double *result, int *int_result)
{
    const struct math_op *m;
    int raised, out = 0;
    double r;

    if (op >= VINHO_MATH_OP_COUNT || (!math_ops[op].unary && !math_ops[op].binary))
        return STATUS_INVALID_PARAMETER;
    if (!result || !int_result)
        return STATUS_INVALID_PARAMETER;
    m = &math_ops[op];
    raised = run_masked(m, a, b, &r);
    for (size_t i = 0; i < sizeof(fe_bits) / sizeof(fe_bits[0]); i++)
        if (raised & fe_bits[i].fe)
            out |= fe_bits[i].vinho;
    *result = r;
    *int_result = out;
    return STATUS_SUCCESS;
}

/* ---- strtod ---- */

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void make_c_locale(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static size_t skip_digits(const char *s, size_t i, bool *nonzero)
{
    for (; is_digit(s[i]); i++)
        if (s[i] != '0' && nonzero)
            *nonzero = true;
    return i;
}

/* Scans the number at s (after the whitespace): returns its length, 0 if there is none; sets
 * *nonzero when a significand digit is not 0. Reads the caller's string: a bad pointer faults
 * here, before anything is allocated. */
static size_t scan_number(const char *s, ULONG flags, bool *nonzero)
{
    size_t i = 0, digits_start, n;

    if (s[i] == '+' || s[i] == '-')
        i++;
    digits_start = i;
    i = skip_digits(s, i, nonzero);
    n = i - digits_start;
    if (s[i] == '.') {
        size_t frac = i + 1;
        i = skip_digits(s, frac, nonzero);
        n += i - frac;
    }
    if (!n)
        return 0;
    if (s[i] == 'e' || s[i] == 'E' ||
        ((flags & VINHO_STRTOD_D_EXPONENT) && (s[i] == 'd' || s[i] == 'D'))) {
        size_t e = i + 1;
        if (s[e] == '+' || s[e] == '-')
            e++;
        if (is_digit(s[e]))
            i = skip_digits(s, e, NULL);
    }
    return i;
}

/* The host's correctly rounded conversion of the scanned number, in the "C" locale whatever the
 * process's locale. d/D exponents become e. */
static NTSTATUS convert(const char *s, size_t len, double *value)
{
    char stack_buf[128], *buf = stack_buf;

    if (len >= sizeof(stack_buf) && !(buf = malloc(len + 1)))
        return STATUS_NO_MEMORY;
    memcpy(buf, s, len);
    buf[len] = 0;
    for (size_t i = 0; i < len; i++)
        if (buf[i] == 'd' || buf[i] == 'D')
            buf[i] = 'e';
    *value = strtod_l(buf, NULL, c_locale);
    if (buf != stack_buf)
        free(buf);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI __vinho_strtod(const char *str, ULONG flags, double *value, ULONG *consumed)
{
    size_t start = 0, len;
    bool nonzero = false;
    NTSTATUS status;
    double v = 0;

    if (!str || !value || !consumed || (flags & ~VINHO_STRTOD_VALID_FLAGS))
        return STATUS_INVALID_PARAMETER;
    pthread_once(&c_locale_once, make_c_locale);
    if (!c_locale)
        return STATUS_NO_MEMORY;
    while (str[start] && strchr(" \t\n\v\f\r", str[start]))
        start++;
    len = scan_number(str + start, flags, &nonzero);
    if (len && start + len > UINT32_MAX)
        return STATUS_INVALID_PARAMETER;
    if (len && (status = convert(str + start, len, &v)))
        return status;
    *value = v;
    *consumed = len ? start + len : 0;
    if (isinf(v))
        return STATUS_FLOAT_OVERFLOW;
    if (v == 0 && nonzero)
        return STATUS_FLOAT_UNDERFLOW;
    return STATUS_SUCCESS;
}
