/* float.c: the floating-point control and status functions (_controlfp, _controlfp_s,
 * _control87, _statusfp, _clearfp, _fpreset; the UCRT's fegetround/fesetround) over SSE's MXCSR,
 * which is what x64 code computes with ("_control87, _controlfp, __control87_2" page: on x64 the
 * precision control _MCW_PC is not supported and _controlfp_s rejects it). */
#include "msvcrt.h"
#include <float.h>

DEFAULT_DEBUG_CHANNEL(msvcrt);

/* MXCSR bits. */
#define MX_FLAGS 0x003f     /* IE DE ZE OE UE PE */
#define MX_DAZ 0x0040
#define MX_MASK_SHIFT 7     /* IM DM ZM OM UM PM: bits 7..12 */
#define MX_RC_SHIFT 13
#define MX_FZ 0x8000
#define MX_DEFAULT 0x1f80   /* all exceptions masked, round to nearest */

/* The CRT's bit for each MXCSR exception position (invalid, denormal, zero-divide, overflow,
 * underflow, inexact); the _EM_* masks and _SW_* status bits have the same values. */
static const unsigned int crt_exception_bits[6] = {
    _EM_INVALID, _EM_DENORMAL, _EM_ZERODIVIDE, _EM_OVERFLOW, _EM_UNDERFLOW, _EM_INEXACT,
};

static unsigned int get_mxcsr(void)
{
    unsigned int v;
    __asm__ volatile("stmxcsr %0" : "=m"(v));
    return v;
}

static void set_mxcsr(unsigned int v)
{
    __asm__ volatile("ldmxcsr %0" : : "m"(v));
}

/* MXCSR -> the abstract control word. */
static unsigned int mxcsr_to_control(unsigned int mx)
{
    unsigned int cw = 0;

    for (int i = 0; i < 6; i++)
        if (mx & (1u << (MX_MASK_SHIFT + i)))
            cw |= crt_exception_bits[i];
    cw |= ((mx >> MX_RC_SHIFT) & 3) << 8;       /* _RC_NEAR 0, _RC_DOWN 0x100, ... */
    if ((mx & MX_FZ) && (mx & MX_DAZ))
        cw |= _DN_FLUSH;
    else if (mx & MX_DAZ)
        cw |= 0x02000000;   /* _DN_FLUSH_OPERANDS_SAVE_RESULTS */
    else if (mx & MX_FZ)
        cw |= 0x03000000;   /* _DN_SAVE_OPERANDS_FLUSH_RESULTS */
    return cw;
}

static unsigned int control_to_mxcsr(unsigned int cw, unsigned int mx)
{
    mx &= ~((0x3fu << MX_MASK_SHIFT) | (3u << MX_RC_SHIFT) | MX_FZ | MX_DAZ);
    for (int i = 0; i < 6; i++)
        if (cw & crt_exception_bits[i])
            mx |= 1u << (MX_MASK_SHIFT + i);
    mx |= ((cw >> 8) & 3) << MX_RC_SHIFT;
    switch (cw & _MCW_DN) {
    case _DN_FLUSH: mx |= MX_FZ | MX_DAZ; break;
    case 0x02000000: mx |= MX_DAZ; break;
    case 0x03000000: mx |= MX_FZ; break;
    }
    return mx;
}

/*********************************************************************
 *      _control87 (MSVCRT.@)
 *
 * Sets the bits of mask (except precision control) to those of new; returns the new word.
 */
unsigned int __cdecl _control87(unsigned int new_value, unsigned int mask)
{
    unsigned int mx = get_mxcsr(), cw = mxcsr_to_control(mx);

    mask &= ~_MCW_PC;
    if (mask) {
        cw = (cw & ~mask) | (new_value & mask);
        set_mxcsr(control_to_mxcsr(cw, mx));
    }
    return mxcsr_to_control(get_mxcsr());
}

/*********************************************************************
 *      _controlfp (MSVCRT.@)
 *
 * As _control87 without the denormal exception mask (documented difference).
 */
unsigned int __cdecl _controlfp(unsigned int new_value, unsigned int mask)
{
    return _control87(new_value, mask & ~_EM_DENORMAL);
}

/*********************************************************************
 *      _controlfp_s (MSVCRT.@)
 *
 * EINVAL (handler) for mask bits outside the valid ones, which on x64 exclude _MCW_PC.
 */
errno_t __cdecl _controlfp_s(unsigned int *current, unsigned int new_value, unsigned int mask)
{
    unsigned int valid = _MCW_EM | _MCW_RC | _MCW_DN;

    if (mask & ~valid) {
        if (current)
            *current = _control87(0, 0);
        CRT_CHECK(false, EINVAL, EINVAL);
    }
    new_value = _control87(new_value, mask & ~_EM_DENORMAL);
    if (current)
        *current = new_value;
    return 0;
}

static unsigned int status_word(unsigned int mx)
{
    unsigned int sw = 0;

    for (int i = 0; i < 6; i++)
        if (mx & (1u << i))
            sw |= crt_exception_bits[i];
    return sw;
}

/*********************************************************************
 *      _statusfp (MSVCRT.@)
 */
unsigned int __cdecl _statusfp(void)
{
    return status_word(get_mxcsr());
}

/*********************************************************************
 *      _clearfp (MSVCRT.@)
 *
 * Returns the status word and clears the exception flags.
 */
unsigned int __cdecl _clearfp(void)
{
    unsigned int mx = get_mxcsr();

    set_mxcsr(mx & ~MX_FLAGS);
    return status_word(mx);
}

/*********************************************************************
 *      _fpreset (MSVCRT.@)
 *
 * The default state: MXCSR with every exception masked and round to nearest, and the x87 unit
 * re-initialised.
 */
void __cdecl _fpreset(void)
{
    __asm__ volatile("fninit");
    set_mxcsr(MX_DEFAULT);
}

#ifdef VINHO_UCRT
/*********************************************************************
 *      fegetround (UCRTBASE.@)
 *
 * The UCRT's FE_* values are the _RC_* ones (FE_TONEAREST 0, FE_DOWNWARD 0x100, FE_UPWARD
 * 0x200, FE_TOWARDZERO 0x300).
 */
int __cdecl fegetround(void)
{
    return ((get_mxcsr() >> MX_RC_SHIFT) & 3) << 8;
}

/*********************************************************************
 *      fesetround (UCRTBASE.@)
 *
 * 0, or non-zero for a value that is not a rounding mode.
 */
int __cdecl fesetround(int mode)
{
    if (mode & ~_MCW_RC)
        return 1;
    set_mxcsr((get_mxcsr() & ~(3u << MX_RC_SHIFT)) | ((unsigned)mode >> 8) << MX_RC_SHIFT);
    return 0;
}
#endif
