/* ucrt_math99.c: the UCRT's C99 math functions that real programs import (biome: acosh, asinh,
 * log1p, expm1, cbrt, cbrtf, log2): exact values, and errno for domain errors (EDOM, 33), poles
 * and overflows (ERANGE, 34); a NaN argument is no error. Values compared as bits or exactly
 * representable results, so that the host's libm may differ from Windows' in the last ulp.
 * mingw-w64 links its own cbrt, log2, ... statically, so the functions are taken from
 * ucrtbase.dll by name. Checked under Debian's Wine 8.0. */
#include <windows.h>
#include <stdio.h>
#include <math.h>
#include <errno.h>

typedef double (__cdecl *fn)(double);
typedef float (__cdecl *fnf)(float);
static HMODULE ucrt;
#define D(name) ((fn)GetProcAddress(ucrt, #name))
#define F(name) ((fnf)GetProcAddress(ucrt, #name))

static void show(const char *what, double r)
{
    int e = errno;
    printf("%-16s %s%g errno %d\n", what, isnan(r) ? "nan " : "", isnan(r) ? 0.0 : r, e);
    errno = 0;
}

int main(void)
{
    volatile double zero = 0.0, one = 1.0, nan_ = NAN;
    ucrt = GetModuleHandleA("ucrtbase.dll");
    fn cbrt_ = D(cbrt), log2_ = D(log2), exp2_ = D(exp2), expm1_ = D(expm1), log1p_ = D(log1p);
    fn acosh_ = D(acosh), asinh_ = D(asinh), atanh_ = D(atanh);
    fnf cbrtf_ = F(cbrtf), log2f_ = F(log2f), exp2f_ = F(exp2f), acoshf_ = F(acoshf);
    if (!ucrt || !cbrt_ || !log2_ || !exp2_ || !expm1_ || !log1p_ || !acosh_ || !asinh_ ||
        !atanh_ || !cbrtf_ || !log2f_ || !exp2f_ || !acoshf_) {
        printf("missing exports\n");
        return 1;
    }
    errno = 0;
    show("cbrt(27)", cbrt_(27.0));
    show("cbrt(-8)", cbrt_(-8.0));
    show("cbrtf(8)", cbrtf_(8.0f));
    show("log2(8)", log2_(8.0));
    show("log2f(0.5)", log2f_(0.5f));
    show("log2(0)", log2_(zero));
    show("log2(-1)", log2_(-one));
    show("exp2(10)", exp2_(10.0));
    show("exp2f(-1)", exp2f_(-1.0f));
    show("exp2(2000)", exp2_(2000.0));
    show("expm1(0)", expm1_(zero));
    show("expm1(1000)", expm1_(1000.0));
    show("log1p(0)", log1p_(zero));
    show("log1p(-1)", log1p_(-one));
    show("log1p(-2)", log1p_(-2.0));
    show("acosh(1)", acosh_(one));
    show("acosh(0.5)", acosh_(0.5));
    show("acoshf(1)", acoshf_(1.0f));
    show("asinh(0)", asinh_(zero));
    show("asinh(-0) sign", signbit(asinh_(-zero)) ? -1.0 : 1.0);
    show("atanh(0)", atanh_(zero));
    show("atanh(1)", atanh_(one));
    show("atanh(2)", atanh_(2.0));
    show("log1p(nan)", log1p_(nan_));
    show("acosh(nan)", acosh_(nan_));
    printf("log1p tiny exact %d\n", log1p_(1e-300) == 1e-300);
    printf("expm1 tiny exact %d\n", expm1_(1e-300) == 1e-300);
    return 0;
}
