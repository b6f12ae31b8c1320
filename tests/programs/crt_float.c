/* crt_float.c: _controlfp/_control87/_controlfp_s/_statusfp/_clearfp/_fpreset on x64, and the
 * float math functions, on both runtimes (ucrt.list). Expected values from learn.microsoft.com:
 * "_control87, _controlfp, __control87_2" (the default word _CW_DEFAULT: all exceptions masked,
 * round to nearest = 0x8001f; _MCW_PC not supported on x64; _controlfp leaves the denormal mask
 * alone), "_controlfp_s" (EINVAL 22 for _MCW_PC on x64), "_statusfp, _statusfp2" (_SW_* bits:
 * inexact 0x1, underflow 0x2, overflow 0x4, zero-divide 0x8, invalid 0x10), "_clearfp",
 * "_fpreset"; sinf & co. are the float forms of the documented double functions. Checked under
 * Wine, which accepts _MCW_PC in _controlfp_s; the _controlfp_s page says that on x64 changing
 * the precision is not supported and the invalid-parameter handler is invoked (EINVAL). */
#include <stdio.h>
#include <stdlib.h>
#include <float.h>
#include <math.h>
#include <errno.h>

static volatile double zero = 0.0, one = 1.0, big = 1e308;

static void handler(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line,
                    uintptr_t r)
{
}

int main(void)
{
    unsigned int cw, cur = 0;
    volatile double r;
    int err;

    _set_invalid_parameter_handler(handler);
    _fpreset();
    printf("default control word %#x\n", _controlfp(0, 0));
    printf("_control87(0, 0) %#x\n", _control87(0, 0));
    cw = _controlfp(_RC_CHOP, _MCW_RC);
    printf("after _RC_CHOP: %#x, 1/3*3 chopped: %.17g\n", cw, one / 3);
    cw = _controlfp(_RC_UP, _MCW_RC);
    printf("after _RC_UP: %#x\n", cw);
    cw = _controlfp(_RC_NEAR, _MCW_RC);
    cw = _controlfp(_PC_24, _MCW_PC);
    printf("_MCW_PC ignored: %#x\n", cw);
    cw = _controlfp(0, _EM_DENORMAL);
    printf("_controlfp leaves _EM_DENORMAL: %#x\n", cw);
    cw = _control87(0, _EM_DENORMAL);
    printf("_control87 clears it: %#x\n", cw);
    _control87(_EM_DENORMAL, _EM_DENORMAL);
    cw = _controlfp(_DN_FLUSH, _MCW_DN);
    printf("_DN_FLUSH: %#x\n", cw);
    _controlfp(_DN_SAVE, _MCW_DN);
    errno = 0;
    err = _controlfp_s(&cur, _PC_24, _MCW_PC);
    printf("_controlfp_s(_MCW_PC): %d errno %d current %#x\n", err, errno, cur);
    err = _controlfp_s(&cur, _RC_DOWN, _MCW_RC);
    printf("_controlfp_s(_RC_DOWN): %d current %#x\n", err, cur);
    _controlfp_s(&cur, _RC_NEAR, _MCW_RC);

    _clearfp();
    printf("status after clear %#x\n", _statusfp());
    r = one / zero;
    printf("1/0: status %#x\n", _statusfp());
    _clearfp();
    r = big * big;
    r = one / 3;
    cw = _clearfp();
    printf("overflow, inexact: _clearfp returns %#x", cw);
    printf(", then status %#x\n", _statusfp());
    r = zero / zero;
    printf("0/0: status %#x\n", _clearfp());
    (void)r;

    printf("sinf(1) %.9g cosf(1) %.9g sqrtf(2) %.9g powf(2, 10) %.9g fmodf(7, 3) %.9g\n",
           sinf(1.0f), cosf(1.0f), sqrtf(2.0f), powf(2.0f, 10.0f), fmodf(7.0f, 3.0f));
    printf("floorf(-1.5) %g ceilf(-1.5) %g atan2f(1, 1) %.9g expf(1) %.9g logf(10) %.9g\n",
           floorf(-1.5f), ceilf(-1.5f), atan2f(1.0f, 1.0f), expf(1.0f), logf(10.0f));
    return 0;
}
